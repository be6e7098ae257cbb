import SimEngine

extension ControlAPI {
    // MARK: - docker node update

    /// `docker node update`: the CLI reads the node, applies the flags to its spec (label
    /// additions, then removals; removing a missing key is its error), and writes the spec back;
    /// a demotion gets SwarmKit's demotion checks. Prints the node as typed.
    static func updateNode(_ request: NodeUpdateRequest, context: ControlContext) -> ControlOutcome {
        let node: NodeObject
        switch ObjectResolver.node(request.node, in: context.store) {
        case let .failure(error): return .failure(error.text)
        case let .success(found): node = found
        }
        var spec = node.spec
        if let role = request.role { spec.desiredRole = role }
        if let availability = request.availability { spec.availability = availability }
        for label in request.labelsToAdd { spec.labels.set(label.key, label.value) }
        for key in request.labelsToRemove {
            guard spec.labels[label: key] != nil else {
                return .failure(ControlError(.client, "key \(key) doesn't exist in node's labels").text)
            }
            spec.labels.set(key, nil)
        }
        if let error = demotionError(node, to: spec, store: context.store, raft: context.raft) {
            return .failure(error.text)
        }
        return .propose([.updateNodeSpec(node.id, spec)], reply: request.node)
    }

    /// SwarmKit `UpdateNode`'s demotion checks, in order, when the desired role goes from manager
    /// to worker: the last manager (by observed role) may not be demoted; the node must be a Raft
    /// member; removing it must keep a reachable quorum (`CanRemoveMember`).
    static func demotionError(_ node: NodeObject, to spec: NodeSpec, store: ClusterStore, raft: RaftView) -> ControlError? {
        guard node.spec.desiredRole == .manager, spec.desiredRole == .worker else { return nil }
        let managers = store.nodesSorted.filter { $0.role == .manager }
        if managers.count == 1, managers[0].id == node.id {
            return ControlError(.swarmkit(.failedPrecondition), "attempting to demote the last manager of the swarm")
        }
        guard let member = raft.member(onNode: node.id) else {
            return ControlError(.swarmkit(.notFound), "can't find manager in raft memberlist")
        }
        if !raft.canRemoveMember(member.raftID) {
            return ControlError(.swarmkit(.failedPrecondition),
                                "can't remove member from the raft: this would result in a loss of quorum")
        }
        return nil
    }

    // MARK: - docker node promote / demote

    /// `docker node promote|demote NODE...`: for each node in turn, the CLI reads it; a node
    /// already in that role prints "Node <ID> is already a manager." (or "a worker.") and is
    /// skipped; otherwise its desired role is written ("Node X promoted to a manager in the
    /// swarm." / "Manager X demoted in the swarm."). The first error stops the command.
    static func changeRoles(_ references: [String], to role: NodeRole, context: ControlContext) -> ControlOutcome {
        var store = context.store
        var actions: [StoreAction] = []
        var output: [String] = []
        for reference in references {
            let node: NodeObject
            switch ObjectResolver.node(reference, in: store) {
            case let .failure(error):
                return .combining(actions: actions, output: output, errors: [error.text])
            case let .success(found): node = found
            }
            if node.spec.desiredRole == role {
                output.append(role == .manager ? "Node \(node.id) is already a manager." : "Node \(node.id) is already a worker.")
                continue
            }
            var spec = node.spec
            spec.desiredRole = role
            if let error = demotionError(node, to: spec, store: store, raft: context.raft) {
                return .combining(actions: actions, output: output, errors: [error.text])
            }
            let action = StoreAction.updateNodeSpec(node.id, spec)
            actions.append(action)
            store = applying([action], to: store)
            output.append(role == .manager ? "Node \(reference) promoted to a manager in the swarm."
                                           : "Manager \(reference) demoted in the swarm.")
        }
        return .combining(actions: actions, output: output, errors: [])
    }

    // MARK: - docker node rm

    /// `docker node rm [--force] NODE...`: SwarmKit `RemoveNode` refuses a node whose desired role
    /// is manager while it is still a Raft member, and (without `--force`) a node that is READY;
    /// otherwise, in one transaction, the node's tasks that have not finished (observed state
    /// below COMPLETE) become ORPHANED ("Task belonged to a node that has been deleted") and the
    /// node is deleted. The CLI goes on after an error and prints each node removed as typed.
    static func removeNodes(_ references: [String], force: Bool, context: ControlContext) -> ControlOutcome {
        var store = context.store
        var actions: [StoreAction] = []
        var output: [String] = []
        var errors: [String] = []
        for reference in references {
            let node: NodeObject
            switch ObjectResolver.node(reference, in: store) {
            case let .failure(error):
                errors.append(error.text)
                continue
            case let .success(found): node = found
            }
            if node.spec.desiredRole == .manager, context.raft.member(onNode: node.id) != nil {
                errors.append(ControlError(.swarmkit(.failedPrecondition),
                                           "node \(node.id) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal").text)
                continue
            }
            if !force, node.status.state == .ready {
                errors.append(ControlError(.swarmkit(.failedPrecondition), "node \(node.id) is not down and can't be removed").text)
                continue
            }
            var removal: [StoreAction] = []
            for task in store.tasks(onNode: node.id) where task.status.state < .complete {
                removal.append(.updateTaskStatus(task.id, TaskStatus(state: .orphaned, message: "Task belonged to a node that has been deleted",
                                                                     timestamp: context.now)))
            }
            removal.append(.deleteNode(node.id))
            actions += removal
            store = applying(removal, to: store)
            output.append(reference)
        }
        return .combining(actions: actions, output: output, errors: errors)
    }
}
