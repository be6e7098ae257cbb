/// What applying an action changed: the event SwarmKit's memory store publishes on its watch
/// queue (`EventCreateTask`, `EventUpdateNode`, ...). Updates carry the object before and after.
/// An action that changes nothing produces no change.
public enum StoreChange: Equatable, Sendable {
    case clusterUpdated(ClusterObject)

    case nodeCreated(NodeObject)
    case nodeUpdated(old: NodeObject, new: NodeObject)
    case nodeDeleted(NodeObject)

    case serviceCreated(ServiceObject)
    case serviceUpdated(old: ServiceObject, new: ServiceObject)
    case serviceDeleted(ServiceObject)

    case taskCreated(TaskObject)
    case taskUpdated(old: TaskObject, new: TaskObject)
    case taskDeleted(TaskObject)

    case networkCreated(NetworkObject)
    case networkUpdated(old: NetworkObject, new: NetworkObject)
    case networkDeleted(NetworkObject)

    /// The task after the change, for task creations and updates.
    public var task: TaskObject? {
        switch self {
        case let .taskCreated(t): t
        case let .taskUpdated(_, t): t
        default: nil
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
