import SimEngine

/// A request from an agent to the dispatcher (SwarmKit's Dispatcher gRPC service).
///
/// Agents send these to any manager; a manager that is not the leader forwards them to
/// the leader and relays the reply, as SwarmKit's raft proxy does.
public struct DispatcherRequest: Sendable {
    public enum Body: Sendable {
        /// Open a session (SwarmKit `Session` → `register`).
        indirect case register(description: NodeDescription)
        /// Keep the session alive (SwarmKit `Heartbeat`).
        case heartbeat
        /// Report task states (SwarmKit `UpdateTaskStatus`).
        case updateTaskStatus([TaskStatusUpdate])
    }

    /// The agent's node.
    public var nodeID: NodeID
    /// The agent's host, where replies go.
    public var agentHost: HostID
    /// Empty for `register`.
    public var sessionID: String
    /// Matches the reply to the request.
    public var requestID: UInt64
    public var body: Body

    public init(nodeID: NodeID, agentHost: HostID, sessionID: String, requestID: UInt64, body: Body) {
        self.nodeID = nodeID
        self.agentHost = agentHost
        self.sessionID = sessionID
        self.requestID = requestID
        self.body = body
    }
}

/// One task's new observed status, from the agent.
public struct TaskStatusUpdate: Sendable {
    public var taskID: TaskID
    public var status: TaskStatus

    public init(taskID: TaskID, status: TaskStatus) {
        self.taskID = taskID
        self.status = status
    }
}

/// What the dispatcher sends an agent: replies to its requests and pushed messages.
public struct DispatcherReply: Sendable {
    public enum Body: Sendable {
        /// The session is open: its ID, the first heartbeat period, the managers to use and the
        /// node object as the store holds it (SwarmKit's first `SessionMessage`).
        indirect case sessionStarted(sessionID: String, heartbeatPeriod: SimDuration, managers: [HostID], node: NodeObject)
        /// A later `SessionMessage`: the node object or the manager list changed (a promotion or
        /// demotion reaches the node this way).
        indirect case sessionUpdate(managers: [HostID], node: NodeObject)
        /// Heartbeat accepted; send the next one after `period`.
        case heartbeatAccepted(period: SimDuration)
        /// Task statuses accepted.
        case statusAccepted
        /// The request failed (unknown session, no leader, rate limit...): reconnect.
        case failed(String)
        /// The tasks assigned to the node: the full set (`complete`) or changes since the last message.
        case assignments(complete: Bool, tasks: [TaskObject], removed: [TaskID])
        /// The dispatcher is stopping (leader step-down): "node must disconnect".
        case sessionClosed
    }

    /// The request this answers, or 0 for pushed messages.
    public var requestID: UInt64
    public var sessionID: String
    public var body: Body

    public init(requestID: UInt64, sessionID: String, body: Body) {
        self.requestID = requestID
        self.sessionID = sessionID
        self.body = body
    }
}
