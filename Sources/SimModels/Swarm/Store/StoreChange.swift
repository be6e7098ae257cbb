/// What applying an action changed: the event SwarmKit's memory store publishes on its watch
/// queue (`EventCreateTask`, `EventUpdateNode`, ...). Updates carry the object before and after.
/// An action that changes nothing produces no change.
///
/// Cases carrying node, service, network or cluster objects are `indirect` (boxed), so a change
/// is a few words (tasks are boxed already): every manager's components copy them around.
public enum StoreChange: Equatable, Sendable {
    indirect case clusterUpdated(ClusterObject)

    indirect case nodeCreated(NodeObject)
    indirect case nodeUpdated(old: NodeObject, new: NodeObject)
    indirect case nodeDeleted(NodeObject)

    indirect case serviceCreated(ServiceObject)
    indirect case serviceUpdated(old: ServiceObject, new: ServiceObject)
    indirect case serviceDeleted(ServiceObject)

    case taskCreated(TaskObject)
    case taskUpdated(old: TaskObject, new: TaskObject)
    case taskDeleted(TaskObject)

    indirect case networkCreated(NetworkObject)
    indirect case networkUpdated(old: NetworkObject, new: NetworkObject)
    indirect case networkDeleted(NetworkObject)

    /// The task after the change, for task creations and updates.
    public var task: TaskObject? {
        switch self {
        case let .taskCreated(t): t
        case let .taskUpdated(_, t): t
        default: nil
        }
    }

    /// Whether a node object was created, updated or deleted.
    public var isNodeChange: Bool {
        switch self {
        case .nodeCreated, .nodeUpdated, .nodeDeleted: true
        default: false
        }
    }

    /// The node after the change, for node creations and updates.
    public var node: NodeObject? {
        switch self {
        case let .nodeCreated(n): n
        case let .nodeUpdated(_, n): n
        default: nil
        }
    }
}
