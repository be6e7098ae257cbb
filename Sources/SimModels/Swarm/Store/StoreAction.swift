import SimEngine

/// One fine-grained mutation of the replicated store: what a Raft log entry carries.
///
/// Every action is safe to apply at commit time, when the store may have moved on since the
/// leader computed it: an action on an object that no longer exists does nothing, a task's
/// observed state never moves backwards, its desired state never moves backwards, and an
/// assignment only lands on a task that is still PENDING. Applying the same sequence of actions
/// on every manager gives identical stores.
///
/// Cases carrying node, service, network or cluster objects are `indirect` (boxed), so an action
/// is a few words: actions are copied many times on their way through Raft to every store.
public enum StoreAction: Equatable, Sendable {
    // MARK: Cluster

    /// Creates or replaces the cluster object.
    indirect case putCluster(ClusterObject)

    // MARK: Nodes

    /// Adds a node; ignored if the ID exists.
    indirect case createNode(NodeObject)
    /// Replaces a node; ignored if it does not exist.
    indirect case updateNode(NodeObject)
    case deleteNode(NodeID)
    /// Sets the node's observed status (READY, DOWN, ...), keeping the rest.
    indirect case updateNodeStatus(NodeID, NodeStatus)
    /// Sets what the user controls (availability, labels, desired role).
    indirect case updateNodeSpec(NodeID, NodeSpec)
    /// Sets what the node reported about itself at registration.
    indirect case updateNodeDescription(NodeID, NodeDescription)
    /// Sets the observed role (the role manager's write).
    case updateNodeRole(NodeID, NodeRole)
    indirect case updateManagerStatus(NodeID, ManagerStatus?)

    // MARK: Services

    /// Adds a service; ignored if the ID or the name exists.
    indirect case createService(ServiceObject)
    /// Replaces a service (the control API's update); ignored if it does not exist.
    indirect case updateService(ServiceObject)
    case deleteService(ServiceID)
    /// The allocator's write: virtual IPs and published ports.
    indirect case updateServiceEndpoint(ServiceID, AllocatedEndpoint)
    /// The update supervisor's writes, applied with SwarmKit's guards (see `UpdateStatusChange`).
    indirect case changeUpdateStatus(ServiceID, UpdateStatusChange)

    // MARK: Tasks

    /// Adds a task; ignored if the ID exists.
    case createTask(TaskObject)
    /// Replaces a task wholesale; ignored if it does not exist. Prefer the specialised actions.
    case updateTask(TaskObject)
    case deleteTask(TaskID)
    /// Sets the observed status; ignored if it would move the state backwards
    /// (SwarmKit: "we only allow tasks to proceed to a greater state").
    case updateTaskStatus(TaskID, TaskStatus)
    /// Raises the desired state; ignored if the task's desired state is already at or above it.
    case setDesiredState(TaskID, TaskState)
    /// The scheduler's write: node and ASSIGNED status. Ignored unless the task is still PENDING
    /// (and, for a pre-assigned task, still on that node).
    case assignTask(TaskID, NodeID, TaskStatus)
    /// The allocator's write: network attachments and PENDING status. Ignored unless the task is still NEW.
    case allocateTask(TaskID, networks: [NetworkAddress], status: TaskStatus)

    // MARK: Networks

    /// Adds a network; ignored if the ID or the name exists.
    indirect case createNetwork(NetworkObject)
    indirect case updateNetwork(NetworkObject)
    case deleteNetwork(NetworkID)
}

/// How the update supervisor changes a service's `UpdateStatus`, with SwarmKit's guards
/// (`updater.go` `startUpdate`, `pauseUpdate`, `rollbackUpdate`, `completeUpdate`), evaluated
/// at apply time against the committed service.
public enum UpdateStatusChange: Equatable, Sendable {
    /// UPDATING "update in progress"; only if the service has no update status.
    case start(at: SimInstant)
    /// PAUSED, or ROLLBACK_PAUSED during a rollback, with `message`; only if a status exists.
    case pause(message: String)
    /// ROLLBACK_STARTED with `message`, `spec = previousSpec`, `previousSpec = nil` and a new spec
    /// version; only if a status and a previous spec exist.
    case rollback(message: String, at: SimInstant)
    /// COMPLETED "update completed", or ROLLBACK_COMPLETED "rollback completed"; only if a status exists.
    case complete(at: SimInstant)
}

extension StoreAction {
    /// The store actions a dispatcher write stands for.
    public static func actions(for write: DispatcherWrite) -> [StoreAction] {
        switch write {
        case let .nodeStatus(id, status, description):
            var actions: [StoreAction] = []
            if let description { actions.append(.updateNodeDescription(id, description)) }
            actions.append(.updateNodeStatus(id, status))
            return actions
        case let .taskStatuses(updates):
            return updates.map { .updateTaskStatus($0.taskID, $0.status) }
        }
    }

    /// A short name for traces (`createTask`, `assignTask`...).
    public var kind: String {
        switch self {
        case .putCluster: "putCluster"
        case .createNode: "createNode"
        case .updateNode: "updateNode"
        case .deleteNode: "deleteNode"
        case .updateNodeStatus: "updateNodeStatus"
        case .updateNodeSpec: "updateNodeSpec"
        case .updateNodeDescription: "updateNodeDescription"
        case .updateNodeRole: "updateNodeRole"
        case .updateManagerStatus: "updateManagerStatus"
        case .createService: "createService"
        case .updateService: "updateService"
        case .deleteService: "deleteService"
        case .updateServiceEndpoint: "updateServiceEndpoint"
        case .changeUpdateStatus: "changeUpdateStatus"
        case .createTask: "createTask"
        case .updateTask: "updateTask"
        case .deleteTask: "deleteTask"
        case .updateTaskStatus: "updateTaskStatus"
        case .setDesiredState: "setDesiredState"
        case .assignTask: "assignTask"
        case .allocateTask: "allocateTask"
        case .createNetwork: "createNetwork"
        case .updateNetwork: "updateNetwork"
        case .deleteNetwork: "deleteNetwork"
        }
    }
}
