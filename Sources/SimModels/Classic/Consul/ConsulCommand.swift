/// A write to Consul's state, as the leader proposes it to Raft and every server applies it
/// (hashicorp/consul `consul/fsm.go` `applyKVSOperation`, `applySessionOperation`; the KV
/// operations of `structs.go` `KVSOp`).
public enum ConsulCommand: Equatable, Sendable {
    /// `KVSSet`: write the value; the lock state is kept.
    case kvSet(ConsulKVPair)
    /// `KVSCAS`: write only if the key's `ModifyIndex` equals `index` (0: only if absent).
    case kvCAS(ConsulKVPair, index: UInt64)
    /// `KVSLock` (`?acquire=`): write and lock with `session` unless another session holds it.
    case kvLock(ConsulKVPair, session: String)
    /// `KVSUnlock` (`?release=`): write and unlock, if `session` holds the lock.
    case kvUnlock(ConsulKVPair, session: String)
    /// `KVSDelete`.
    case kvDelete(key: String)
    /// `KVSDeleteTree` (`?recurse`).
    case kvDeleteTree(prefix: String)
    /// `SessionCreate`; the leader chose the ID.
    case sessionCreate(ConsulSession)
    /// `SessionDestroy`: an explicit destroy or a TTL expiry (`session_ttl.go` `invalidateSession`).
    case sessionDestroy(id: String)
}
