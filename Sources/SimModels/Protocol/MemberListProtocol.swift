import SimEngine

/// What `docker swarm leave` asks the managers before a manager leaves: moby's `managerStats`
/// lists the nodes (`ListNodes`, proxied to the leader like every control call) and counts the
/// managers the leader sees as reachable and unreachable.
public struct MemberListRequest: Sendable {
    public var requestID: UInt64
    /// The node asking (to tell whether it is itself a reachable member).
    public var nodeID: NodeID

    public init(requestID: UInt64, nodeID: NodeID) {
        self.requestID = requestID
        self.nodeID = nodeID
    }
}

/// The leader's answer: its Raft member list, or why it could not answer.
public struct MemberListReply: Sendable {
    public var requestID: UInt64
    /// The members with their reachability as the leader sees them; nil on failure.
    public var raft: RaftView?
    public var error: String?

    public init(requestID: UInt64, raft: RaftView?, error: String?) {
        self.requestID = requestID
        self.raft = raft
        self.error = error
    }
}
