import SimEngine
import SimModels

/// Whether a condition holds now, and what was actually seen (for reports).
struct ConditionOutcome {
    var holds: Bool
    var observed: String
}

extension GroundTruth {
    /// Evaluates a condition of SCENARIO_FORMAT §6 against the cluster as it is now.
    func evaluate(_ condition: Condition) -> ConditionOutcome {
        switch condition {
        case let .leader(requirement):
            let name = leader?.host.name
            let observed = "leader is \(name ?? "none")"
            switch requirement {
            case let .is(node): return ConditionOutcome(holds: name == node, observed: observed)
            case let .isNot(node): return ConditionOutcome(holds: name != node, observed: observed)
            case .none: return ConditionOutcome(holds: name == nil, observed: observed)
            case let .oneOf(nodes): return ConditionOutcome(holds: name.map(nodes.contains) ?? false, observed: observed)
            }
        case let .term(requirement):
            let value = Int(term)
            return ConditionOutcome(holds: requirement.isSatisfied(by: value), observed: "term is \(value)")
        case let .quorum(isOK):
            let ok = quorumIsOK
            return ConditionOutcome(holds: ok == isOK, observed: "quorum is \(ok ? "ok" : "lost")")
        case let .nodeStatus(node, state):
            guard let object = nodeObject(node) else { return ConditionOutcome(holds: false, observed: noLeaderView(node)) }
            return ConditionOutcome(holds: object.status.state == state, observed: "node \(node) is \(object.status.state.displayName.lowercased())")
        case let .nodeAvailability(node, availability):
            guard let object = nodeObject(node) else { return ConditionOutcome(holds: false, observed: noLeaderView(node)) }
            return ConditionOutcome(holds: object.spec.availability == availability, observed: "node \(node) is \(object.spec.availability.rawValue)")
        case let .nodeManagerStatus(node, status):
            let seen = managerStatus(of: node)
            return ConditionOutcome(holds: seen == status.rawValue, observed: "node \(node) is \(seen)")
        case let .nodeTasks(node, requirement, service):
            let count = runningContainers(on: node, service: service)
            return ConditionOutcome(holds: requirement.isSatisfied(by: count),
                                    observed: "node \(node) has \(count) tasks" + (service.map { " of \($0)" } ?? ""))
        case let .serviceReplicas(service, running, desired):
            guard let replicas = replicasColumn(service) else {
                return ConditionOutcome(holds: false, observed: leader == nil ? "no leader to ask" : "service \(service) does not exist")
            }
            return ConditionOutcome(holds: replicas == (running, desired), observed: "service \(service) is \(replicas.running)/\(replicas.desired)")
        case let .serviceRunningTasks(service, requirement):
            let count = runningContainers(ofService: service)
            return ConditionOutcome(holds: requirement.isSatisfied(by: count), observed: "service \(service) has \(count) running tasks")
        case let .serviceBalanced(service):
            return balance(of: service)
        case let .serviceConverged(service):
            return convergence(of: service)
        case let .serviceAbsent(service):
            guard let store = leaderStore else { return ConditionOutcome(holds: false, observed: "no leader to ask") }
            let absent = store.service(named: service) == nil
            return ConditionOutcome(holds: absent, observed: "service \(service) is \(absent ? "absent" : "present")")
        case .client:
            preconditionFailure("a client condition is judged over requests (TrafficLedger), not at an instant")
        case .portOpen, .nameResolves, .backends:
            return evaluateDataPlane(condition)
        }
    }

    private func noLeaderView(_ node: String) -> String {
        leader == nil ? "no leader records node \(node)" : "node \(node) is not in the swarm"
    }

    /// MANAGER STATUS as `docker node ls` on the leader shows it: leader, reachable, unreachable, or none.
    func managerStatus(of name: String) -> String {
        guard let leaderNode = leader, let manager = leaderNode.manager else { return "unknown (no leader)" }
        guard let object = nodeObject(name), let status = object.managerStatus,
              manager.hasMember(status.raftID) else { return "not a manager" }
        if status.raftID == manager.raftID { return "leader" }
        return manager.isReachable(status.raftID) ? "reachable" : "unreachable"
    }

    /// REPLICAS as the leader's `docker service ls` computes it (running includes stale tasks
    /// on down nodes, moby#45922).
    func replicasColumn(_ name: String) -> (running: Int, desired: Int)? {
        guard let store = leaderStore, let service = store.service(named: name) else { return nil }
        return ServiceStatusView.replicas(of: service, in: store)
    }

    /// Running tasks on eligible nodes (ready, active, matching the constraints) differ by at most one.
    private func balance(of name: String) -> ConditionOutcome {
        guard let store = leaderStore, let service = store.service(named: name) else {
            return ConditionOutcome(holds: false, observed: "service \(name) unknown to the leader")
        }
        let constraints = (try? PlacementConstraint.parse(service.spec.task.placement.constraints).get()) ?? []
        let eligible = store.nodesSorted.filter { node in
            node.status.state == .ready && node.spec.availability == .active
                && PlacementConstraint.node(node, satisfies: constraints)
        }
        let counts = eligible.map { runningContainers(on: $0.description.hostname, service: name) }
        let spread = (counts.max() ?? 0) - (counts.min() ?? 0)
        let observed = "service \(name) runs " + zip(eligible, counts).map { "\($0.description.hostname)=\($1)" }.joined(separator: " ")
        return ConditionOutcome(holds: spread <= 1, observed: observed)
    }

    /// Every desired task runs the current spec, and there are as many as desired.
    private func convergence(of name: String) -> ConditionOutcome {
        guard let store = leaderStore, let service = store.service(named: name) else {
            return ConditionOutcome(holds: false, observed: "service \(name) unknown to the leader")
        }
        let desired = store.tasks(ofService: service.id).filter { $0.desiredState == .running }
        // "The current spec" is the spec's content: a rollback bumps the version but keeps the
        // tasks that already run what the service now asks for.
        let current = desired.filter { $0.status.state == .running && $0.spec == service.spec.task }
        let wanted: Int
        switch service.spec.mode {
        case let .replicated(replicas): wanted = replicas
        case .global: wanted = desired.count
        }
        let updating = service.updateStatus.map { $0.state == .updating || $0.state == .rollbackStarted } ?? false
        let holds = current.count == wanted && desired.count == wanted && !updating
        return ConditionOutcome(holds: holds, observed: "service \(name) has \(current.count) of \(wanted) tasks running the current spec"
                                    + (updating ? " (update in progress)" : ""))
    }
}
