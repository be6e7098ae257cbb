/// One line for a proposal in an invariant's message (`create node m1, put cluster, create
/// network ingress`): what a reader needs to tell two entries apart, never whole objects.
extension StoreProposal: CustomStringConvertible {
    /// At most this many actions are named; the rest are counted.
    static let summarizedActions = 3

    public var description: String {
        var parts = actions.prefix(Self.summarizedActions).map(\.summary)
        if actions.count > Self.summarizedActions { parts.append("\(actions.count - Self.summarizedActions) more") }
        return parts.isEmpty ? "no actions" : parts.joined(separator: ", ")
    }
}

extension StoreAction {
    /// A few words: the verb and the object's name or short ID.
    public var summary: String {
        switch self {
        case .putCluster: "put cluster"
        case let .createNode(node): "create node \(node.description.hostname)"
        case let .updateNode(node): "update node \(node.description.hostname)"
        case let .deleteNode(id): "delete node \(id.short)"
        case let .updateNodeStatus(id, status): "node \(id.short) \(status.state.displayName)"
        case let .updateNodeSpec(id, _): "update node spec \(id.short)"
        case let .updateNodeDescription(id, _): "describe node \(id.short)"
        case let .updateNodeRole(id, role): "node \(id.short) role \(role.rawValue)"
        case let .updateManagerStatus(id, _): "manager status of node \(id.short)"
        case let .createService(service): "create service \(service.spec.name)"
        case let .updateService(service): "update service \(service.spec.name)"
        case let .deleteService(id): "delete service \(id.short)"
        case let .updateServiceEndpoint(id, _): "endpoint of service \(id.short)"
        case let .changeUpdateStatus(id, _): "update status of service \(id.short)"
        case let .createTask(task): "create task \(task.name)"
        case let .updateTask(task): "update task \(task.name)"
        case let .deleteTask(id): "delete task \(id.short)"
        case let .updateTaskStatus(id, status): "task \(id.short) \(status.state.name)"
        case let .setDesiredState(id, state): "task \(id.short) desired \(state.name)"
        case let .assignTask(id, node, _): "assign task \(id.short) to \(node.short)"
        case let .allocateTask(id, _, _): "allocate task \(id.short)"
        case let .createNetwork(network): "create network \(network.name)"
        case let .updateNetwork(network): "update network \(network.name) \(network.id.short)"
        case let .deleteNetwork(id): "delete network \(id.short)"
        }
    }
}
