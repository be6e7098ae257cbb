import SimEngine

/// Helpers shared by the orchestrators (SwarmKit `manager/orchestrator/task.go`, `service.go`).
public enum Orchestration {
    /// A new task for `service` (SwarmKit `orchestrator.NewTask`): NEW "created", desired RUNNING,
    /// with the service's current task spec, spec version and endpoint; `nodeID` is set for
    /// global tasks only.
    public static func newTask(for service: ServiceObject, slot: Int, nodeID: NodeID?, now: SimInstant,
                               random: inout RandomStream) -> TaskObject {
        var task = TaskObject(id: SwarmID.generate(using: &random), serviceID: service.id,
                              serviceName: service.spec.name, slot: slot, nodeID: nodeID,
                              desiredState: .running,
                              status: TaskStatus(state: .new, message: "created", timestamp: now),
                              spec: service.spec.task, specVersion: service.specVersion, createdAt: now)
        task.endpoint = service.spec.endpoint
        task.hostPorts = service.spec.endpoint.ports.filter { $0.publishMode == .host }
        return task
    }

    /// SwarmKit `InvalidNode`: the node is gone, DOWN or drained. DISCONNECTED and UNKNOWN are valid.
    /// SwarmKit `SetServiceTasksRemove`: every task of the deleted services goes to desired REMOVE.
    static func removeTasks(ofDeletedServices ids: [ServiceID], store: ClusterStore) -> [StoreAction] {
        var actions: [StoreAction] = []
        for id in ids {
            for task in store.tasks(ofService: id) where task.desiredState < .remove {
                actions.append(.setDesiredState(task.id, .remove))
            }
        }
        return actions
    }

    public static func isInvalid(_ node: NodeObject?) -> Bool {
        guard let node else { return true }
        return node.status.state == .down || node.spec.availability == .drain
    }

    public static func isReplicated(_ service: ServiceObject?) -> Bool {
        if case .replicated = service?.spec.mode { return true }
        return false
    }

    public static func isGlobal(_ service: ServiceObject?) -> Bool {
        service?.spec.mode == .global
    }

    /// The service's constraints; invalid ones (refused by the control API) count as none.
    static func constraints(of service: ServiceObject) -> [PlacementConstraint] {
        guard !service.spec.task.placement.constraints.isEmpty,
              case let .success(parsed) = PlacementConstraint.parse(service.spec.task.placement.constraints) else { return [] }
        return parsed
    }

    /// SwarmKit `IsTaskDirty`: the task no longer matches the service. Same spec version means
    /// clean; a change of placement alone is ignored while `node` still satisfies the new
    /// constraints; otherwise the task spec and the endpoint spec are compared.
    public static func isTaskDirty(_ task: TaskObject, service: ServiceObject, node: NodeObject?) -> Bool {
        if task.specVersion == service.specVersion { return false }
        var specWithTaskPlacement = service.spec.task
        specWithTaskPlacement.placement = task.spec.placement
        let placementOnly = service.spec.task.placement != task.spec.placement && specWithTaskPlacement == task.spec
        if placementOnly, let node, PlacementConstraint.node(node, satisfies: constraints(of: service)) {
            return false
        }
        if service.spec.task != task.spec { return true }
        if let endpoint = task.endpoint, endpoint != service.spec.endpoint { return true }
        return false
    }

    /// Orders tasks by status timestamp (SwarmKit `TasksByTimestamp`), then creation order.
    static func sortedByTimestamp(_ tasks: [TaskObject], store: ClusterStore) -> [TaskObject] {
        tasks.sorted { a, b in
            if a.status.timestamp != b.status.timestamp { return a.status.timestamp < b.status.timestamp }
            return store.creationSequence(ofTask: a.id) < store.creationSequence(ofTask: b.id)
        }
    }
}
