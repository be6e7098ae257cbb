import SimEngine

/// `docker swarm join`: a node asks to join with a role (the token it holds).
public struct JoinRequest: Sendable {
    public var requestID: UInt64
    /// The node's ID if it was part of the swarm before (a rejoin), else nil.
    public var nodeID: NodeID?
    public var role: NodeRole
    public var description: NodeDescription
    /// The address other managers reach it at (its host name).
    public var address: String
    /// Node labels to set at once (a scenario's `nodes: {labels: ...}`, as if the operator ran
    /// `docker node update --label-add` right after the join).
    public var labels: [Label]

    public init(requestID: UInt64, nodeID: NodeID?, role: NodeRole, description: NodeDescription, address: String, labels: [Label] = []) {
        self.requestID = requestID
        self.nodeID = nodeID
        self.role = role
        self.description = description
        self.address = address
        self.labels = labels
    }
}

/// The leader's answer to a join.
public struct JoinReply: Sendable {
    public enum Outcome: Sendable {
        /// Joined: the node's ID, its Raft ID if it joined as a manager, the managers' addresses
        /// and the swarm's cluster ID.
        case accepted(nodeID: NodeID, raftID: RaftNodeID?, managers: [String], clusterID: NodeID)
        case refused(String)
    }

    public var requestID: UInt64
    public var outcome: Outcome

    public init(requestID: UInt64, outcome: Outcome) {
        self.requestID = requestID
        self.outcome = outcome
    }
}
