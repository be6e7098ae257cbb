/// What a node keeps on disk about its membership: who it is, its role and how to reach the
/// managers. Written when it joins (or inits), erased when it leaves.
public struct NodeIdentity: Sendable, Equatable {
    public var nodeID: NodeID
    public var role: NodeRole
    /// This manager's Raft ID.
    public var raftID: RaftNodeID?
    /// Addresses of the managers, as last heard.
    public var managers: [String]

    static let diskKey = "swarm/identity"

    public init(nodeID: NodeID, role: NodeRole, raftID: RaftNodeID?, managers: [String]) {
        self.nodeID = nodeID
        self.role = role
        self.raftID = raftID
        self.managers = managers
    }
}
