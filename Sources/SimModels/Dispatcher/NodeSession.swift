import SimEngine

/// The dispatcher's record of one agent's session.
struct NodeSession {
    var sessionID: String
    var agentHost: HostID
    /// The manager the agent connected to (the leader itself, or a follower that proxies).
    var proxy: HostID
    /// Fires when the node missed its heartbeats: 3 chosen periods after the last one.
    var expiry: TimerID?
    /// The dispatcher's token for this session's expiry timer, once armed.
    var expiryToken: Int?
    /// What the agent was last told of each task: desired state and spec version.
    var sent: [TaskID: SentTask] = [:]

    struct SentTask: Equatable {
        var desiredState: TaskState
        var specVersion: Int
        var observed: TaskState
    }
}
