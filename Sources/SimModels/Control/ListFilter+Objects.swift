/// The objects a filter keeps, checked first as dockerd checks the keys and values; an error is
/// the text dockerd answers (the CLI prints it after `Error response from daemon: `).
extension ListFilter {
    /// `docker node ls --filter`: moby `newListNodesFilters`, SwarmKit `controlapi/node.go`
    /// `ListNodes`. `name` is a hostname prefix, `id` an ID prefix, `role` the node's role,
    /// `membership` accepted (every node a manager lists was accepted), `label` the engine
    /// labels and `node.label` the node's own labels (docker docs: "To filter on Swarm node
    /// labels, use node.label instead").
    public func nodes(_ nodes: [NodeObject]) -> Result<[NodeObject], ControlError> {
        if let error = unknownKeyError(accepted: Self.nodeKeys) { return .failure(ControlError(.daemon, error)) }
        for role in values("role") where !role.isEmpty && NodeRole(rawValue: role.lowercased()) == nil {
            return .failure(ControlError(.daemon, "Invalid role filter: '\(role)'"))
        }
        for membership in values("membership") where !membership.isEmpty && !["accepted", "pending"].contains(membership.lowercased()) {
            return .failure(ControlError(.daemon, "Invalid membership filter: '\(membership)'"))
        }
        let roles = values("role").compactMap { NodeRole(rawValue: $0.lowercased()) }
        let memberships = values("membership").map { $0.lowercased() }.filter { !$0.isEmpty }
        return .success(nodes.filter { node in
            matchesPrefix("name", node.description.hostname) && matchesPrefix("id", node.id.rawValue)
                && (roles.isEmpty || roles.contains(node.role))
                && (memberships.isEmpty || memberships.contains("accepted"))
                && matchesLabels("label", node.description.engineLabels) && matchesLabels("node.label", node.spec.labels)
        })
    }

    /// `docker service ls --filter`: moby `GetServices` (`name` and `id` prefixes, `mode`
    /// replicated or global, `runtime` container). Services carry no labels here, so a `label`
    /// term keeps none.
    public func services(_ services: [ServiceObject]) -> Result<[ServiceObject], ControlError> {
        if let error = unknownKeyError(accepted: Self.serviceKeys) { return .failure(ControlError(.daemon, error)) }
        return .success(services.filter { service in
            matchesPrefix("name", service.spec.name) && matchesPrefix("id", service.id.rawValue)
                && matchesExactly("mode", service.spec.mode.name) && matchesExactly("runtime", "container")
                && matchesLabels("label", [])
        })
    }

    /// `docker service ps` / `docker node ps --filter`: moby `newListTasksFilters`, SwarmKit
    /// `controlapi/task.go` `ListTasks`. `name` is a prefix of the task's full name
    /// (`web.1.<taskID>`, `naming.Task`), `id` of its ID, `node` a node the CLI resolved (ID,
    /// hostname or ID prefix), `service` a service ID or name, `desired-state` any task state.
    public func tasks(_ tasks: [TaskObject], store: ClusterStore) -> Result<[TaskObject], ControlError> {
        if let error = unknownKeyError(accepted: Self.taskKeys) { return .failure(ControlError(.daemon, error)) }
        var desired: [TaskState] = []
        for text in values("desired-state") where !text.isEmpty {
            guard let state = TaskState.allCases.first(where: { $0.name == text.lowercased() }) else {
                return .failure(ControlError(.daemon, "Invalid desired-state filter: '\(text)'"))
            }
            desired.append(state)
        }
        var nodeIDs: [NodeID] = []
        for input in values("node") {
            switch ObjectResolver.node(input, in: store) {
            case let .success(node): nodeIDs.append(node.id)
            case let .failure(error): return .failure(error)
            }
        }
        let services = values("service")
        return .success(tasks.filter { task in
            matchesPrefix("name", "\(task.name).\(task.id)") && matchesPrefix("id", task.id.rawValue)
                && (desired.isEmpty || desired.contains(task.desiredState))
                && (nodeIDs.isEmpty || task.nodeID.map(nodeIDs.contains) == true)
                && (services.isEmpty || services.contains(task.serviceID.rawValue) || services.contains(task.serviceName))
                && matchesExactly("runtime", "container") && matchesLabels("label", [])
        })
    }
}
