/// One key in Consul's KV store, with the indexes a client sees in `GET /v1/kv/<key>`
/// (hashicorp/consul `consul/structs/structs.go` `DirEntry`).
public struct ConsulKVPair: Equatable, Sendable {
    public var key: String
    public var value: String
    public var flags: UInt64
    /// The Raft index that created the key.
    public var createIndex: UInt64
    /// The Raft index of the last write to the key (the `cas` index).
    public var modifyIndex: UInt64
    /// How many times the key was acquired as a lock.
    public var lockIndex: UInt64
    /// The session holding the key's lock, if any.
    public var session: String?

    public init(key: String, value: String, flags: UInt64 = 0, createIndex: UInt64 = 0, modifyIndex: UInt64 = 0,
                lockIndex: UInt64 = 0, session: String? = nil) {
        self.key = key
        self.value = value
        self.flags = flags
        self.createIndex = createIndex
        self.modifyIndex = modifyIndex
        self.lockIndex = lockIndex
        self.session = session
    }
}
