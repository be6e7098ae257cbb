import SimEngine

/// What applying one `ConsulCommand` did: the answer the writer gets, and what the server must
/// act on (watchers of the touched keys; lock-delays of an invalidated session's locks).
public struct ConsulApplyOutcome: Equatable, Sendable {
    public enum Answer: Equatable, Sendable {
        /// `true` / `false`, as the KV endpoints answer.
        case bool(Bool)
        /// The new session's ID.
        case session(String)
        /// An error the HTTP layer returns with status 500.
        case error(String)
    }

    public var answer: Answer
    /// Keys written or deleted (for blocking queries).
    public var touched: [String] = []
    /// Keys whose lock was taken away by a session's invalidation, which get `lockDelay`.
    public var lockDelayedKeys: [String] = []
    public var lockDelay: SimDuration = .zero
}
