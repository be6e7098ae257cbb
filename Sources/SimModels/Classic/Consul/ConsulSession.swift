import SimEngine

/// What a session does to the locks it holds when it is invalidated
/// (hashicorp/consul `structs.go` `SessionBehaviorRelease` / `SessionBehaviorDelete`).
public enum ConsulSessionBehavior: String, Equatable, Sendable {
    /// The keys stay, unlocked (the default).
    case release
    /// The keys are deleted (libkv's ephemeral keys, `Put` with a TTL).
    case delete
}

/// A Consul session (`structs.go` `Session`): the binding that locks hang on. It dies when it
/// is destroyed or its TTL runs out; health-check binding (`serfHealth`) is not modelled.
public struct ConsulSession: Equatable, Sendable {
    public var id: String
    /// Zero: no TTL, the session lives until destroyed.
    public var ttl: SimDuration
    public var lockDelay: SimDuration
    public var behavior: ConsulSessionBehavior
    /// The Raft index that created it.
    public var createIndex: UInt64

    public init(id: String, ttl: SimDuration, lockDelay: SimDuration, behavior: ConsulSessionBehavior,
                createIndex: UInt64 = 0) {
        self.id = id
        self.ttl = ttl
        self.lockDelay = lockDelay
        self.behavior = behavior
        self.createIndex = createIndex
    }
}
