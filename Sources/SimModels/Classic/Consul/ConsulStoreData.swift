/// Consul's replicated state: the KV table, its graveyard of deleted keys, the sessions, and
/// each table's last-modified Raft index (hashicorp/consul 0.6 `consul/state/state_store.go`,
/// on go-memdb). The application state Raft snapshots; what each server keeps only in memory
/// (lock-delays, session timers) lives in the server.
///
/// Keys are kept in a dictionary and read in sorted order whenever order matters.
public struct ConsulStoreData: Sendable {
    public internal(set) var kv: [String: ConsulKVPair] = [:]
    /// Deleted keys and the index that deleted them (`kvsGraveyard`), so a list of a prefix
    /// whose keys were deleted still reports a newer index.
    public internal(set) var tombstones: [String: UInt64] = [:]
    public internal(set) var sessions: [String: ConsulSession] = [:]
    /// The index of the last write to the KV table, deletions included
    /// (`maxIndexTxn(tx, "kvs", "tombstones")`).
    public internal(set) var kvIndex: UInt64 = 0
    public internal(set) var sessionsIndex: UInt64 = 0

    public init() {}

    // MARK: - Reads

    /// `KVSGet`: the pair and the KV table's index.
    public func get(_ key: String) -> (index: UInt64, pair: ConsulKVPair?) {
        (kvIndex, kv[key])
    }

    /// `KVSList`: the pairs under `prefix`, sorted by key, and the highest index among them and
    /// the prefix's tombstones (the table's index when that is zero or the prefix is empty).
    /// - Complexity: O(n log n) in the number of keys.
    public func list(_ prefix: String) -> (index: UInt64, pairs: [ConsulKVPair]) {
        let pairs = kv.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { kv[$0] }
        guard !prefix.isEmpty else { return (kvIndex, pairs) }
        var index = pairs.map(\.modifyIndex).max() ?? 0
        for (key, deleted) in tombstones where deleted > index && key.hasPrefix(prefix) { index = deleted }
        return (index == 0 ? kvIndex : index, pairs)
    }

    /// The keys a session holds locks on, sorted.
    public func keys(lockedBy session: String) -> [String] {
        kv.keys.filter { kv[$0]?.session == session }.sorted()
    }
}
