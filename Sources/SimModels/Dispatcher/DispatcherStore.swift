/// What the dispatcher reads from the leader's store.
public protocol DispatcherStore {
    /// The node object, if the node is part of the swarm.
    func node(_ id: NodeID) -> NodeObject?
    /// Every node, sorted by ID.
    var nodesSortedByID: [NodeObject] { get }
    /// Tasks the agent of `node` must know: assigned to it, observed state ASSIGNED or later; sorted by ID.
    func tasksAssigned(to node: NodeID) -> [TaskObject]
}

/// A store write the dispatcher asks the leader to propose through Raft.
public enum DispatcherWrite: Sendable {
    /// A node's new status (and, at registration, its description).
    case nodeStatus(NodeID, NodeStatus, description: NodeDescription?)
    /// Task statuses reported by agents.
    case taskStatuses([TaskStatusUpdate])
}
