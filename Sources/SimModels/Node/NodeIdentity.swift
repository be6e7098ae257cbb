import SimEngine

/// What a node keeps on disk about its membership: who it is, its role and how to reach the
/// managers. Written when it joins (or inits), erased when it leaves.
public struct NodeIdentity: Sendable, Equatable {
    public var nodeID: NodeID
    public var role: NodeRole
    /// This manager's Raft ID.
    public var raftID: RaftNodeID?
    /// Addresses of the managers, as last heard.
    public var managers: [String]
    /// The swarm (one Raft cluster) the node belongs to: named after the node that ran `docker
    /// swarm init`, and handed to every node that joins. `docker swarm init` on a node outside
    /// the swarm (or after it left) starts another.
    public var clusterID: NodeID

    /// Where a node keeps its identity; none on disk means the node is in no swarm.
    static let diskKey = DiskKey<NodeIdentity>("swarm/identity")

    public init(nodeID: NodeID, role: NodeRole, raftID: RaftNodeID?, managers: [String], clusterID: NodeID) {
        self.nodeID = nodeID
        self.role = role
        self.raftID = raftID
        self.managers = managers
        self.clusterID = clusterID
    }
}
