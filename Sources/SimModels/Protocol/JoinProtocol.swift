import SimEngine

/// `docker swarm join`: a new node asks to join with the token it holds (the CA gives it the
/// token's role); a node already in the swarm joins Raft as a manager.
public struct JoinRequest: Sendable {
    public var requestID: UInt64
    /// The node's ID if it was part of the swarm before (a rejoin), else nil.
    public var nodeID: NodeID?
    /// The role a rejoining node asks for; a new node's role is its token's.
    public var role: NodeRole
    /// `docker swarm join --token`: what a new node presents to the CA (nil for a rejoin, which
    /// presents its certificate instead).
    public var token: JoinToken?
    /// `docker swarm join --availability` (SwarmKit `CertificateRequestConfig.Availability`): the
    /// new node object's availability.
    public var availability: NodeAvailability = .active
    public var description: NodeDescription
    /// The address other managers reach it at (its host name).
    public var address: String
    /// Node labels to set at once (a scenario's `nodes: {labels: ...}`, as if the operator ran
    /// `docker node update --label-add` right after the join).
    public var labels: [Label]

    public init(requestID: UInt64, nodeID: NodeID?, role: NodeRole, token: JoinToken? = nil, description: NodeDescription,
                address: String, labels: [Label] = []) {
        self.requestID = requestID
        self.nodeID = nodeID
        self.role = role
        self.token = token
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
        /// Not now (no leader, not a manager): the joiner asks again until its deadline.
        case refused(String)
        /// Never: the token is wrong. The join fails at once with this text.
        case rejected(String)
    }

    public var requestID: UInt64
    public var outcome: Outcome

    public init(requestID: UInt64, outcome: Outcome) {
        self.requestID = requestID
        self.outcome = outcome
    }
}
