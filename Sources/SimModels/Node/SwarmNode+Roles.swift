import SimEngine

// The node's side of promotions and demotions (SwarmKit `node/node.go` `superviseManager`,
// `runManager`): the node learns its role from the node object its dispatcher session carries,
// starts a manager that joins Raft when it becomes a manager, and stops its manager — wiping
// its Raft data — when it becomes a worker or is removed from Raft.

extension SwarmNode {
    /// SwarmKit's `roleChangeTimeout`: how long a node whose manager stopped waits to hear that
    /// it is a worker before it forces a certificate renewal, and then again before it starts
    /// its manager anew.
    static let roleChangeTimeout = SimDuration.seconds(16)

    /// The node object, as a session message carries it.
    func nodeObjectReceived(_ node: NodeObject) {
        guard var identity, node.id == identity.nodeID else { return }
        knownRole = node.role
        switch node.role {
        case .worker:
            guard identity.role == .manager else { return }
            cancelRoleWait()
            cancelJoin()
            if manager != nil {
                stopManager(wipingData: true, reason: "role changed to worker, stopping manager", tellAgent: true)
            }
            identity.role = .worker
            identity.raftID = nil
            saveIdentity(identity)
            simulation.emit(node: host.name, component: "engine", kind: "role.change", "demoted to worker")
        case .manager:
            guard manager == nil, pendingJoin == nil, roleWaitTimer == nil else { return }
            if identity.role != .manager {
                identity.role = .manager
                identity.raftID = nil
                saveIdentity(identity)
                simulation.emit(node: host.name, component: "engine", kind: "role.change", "promoted to manager")
            }
            joinRaft()
        }
    }

    /// The manager learned it was removed from Raft ("raft: member has been removed"): it stops
    /// and its Raft data is wiped. The node then waits for its worker role (a demotion) and, if it
    /// never comes, starts a manager again, which joins Raft anew (SwarmKit `superviseManager`).
    func managerRemoved() {
        guard manager != nil else { return }
        // Stopped after the Raft shell finishes handing over the current ready.
        simulation.schedule(after: .zero, for: self) { node in
            guard node.manager != nil else { return }
            node.stopManager(wipingData: true, reason: "manager removed from raft cluster, stopping manager", tellAgent: true)
            node.waitForWorkerRole()
        }
    }

    /// Stops the manager running on this node, if any.
    /// - Parameters:
    ///   - wipingData: erase Raft's data (SwarmKit `clearData`): a demoted or removed manager.
    ///   - tellAgent: the agent stops using the local manager and reconnects elsewhere.
    func stopManager(wipingData: Bool, reason: String, tellAgent: Bool) {
        guard let manager else { return }
        manager.stop()
        self.manager = nil
        simulation.emit(node: host.name, component: "manager", kind: "manager.stop", reason)
        if wipingData {
            ManagerNode.Raft.Storage(disk: host.disk).wipe()
            if var identity, identity.raftID != nil {
                identity.raftID = nil
                saveIdentity(identity)
            } else {
                host.disk.sync {}
            }
        }
        if tellAgent { agent?.setLocalManager(nil) }
    }

    /// After a removal, the node waits `roleChangeTimeout` for its worker role, forces a
    /// certificate renewal (here: it keeps listening to its session), waits once more, and then
    /// assumes it was promoted again: it starts a manager, which joins Raft with a new Raft ID.
    private func waitForWorkerRole() {
        guard knownRole != .worker else { return }
        cancelRoleWait()
        roleWaitTimer = simulation.schedule(after: Self.roleChangeTimeout, for: self) { node in
            guard node.knownRole != .worker, node.identity?.role == .manager else {
                node.roleWaitTimer = nil
                return
            }
            node.simulation.emit(node: node.host.name, component: "manager", kind: "manager.wait",
                                 "failed to get worker role after manager stop, forcing certificate renewal")
            node.roleWaitTimer = node.simulation.schedule(after: Self.roleChangeTimeout, for: node) { node in
                node.roleWaitTimer = nil
                guard node.knownRole != .worker, node.identity?.role == .manager, node.manager == nil else { return }
                node.simulation.emit(node: node.host.name, component: "manager", kind: "manager.wait",
                                     "failed to get worker role after manager stop, restarting manager")
                node.joinRaft()
            }
        }
    }

    func cancelRoleWait() {
        if let roleWaitTimer { simulation.cancel(roleWaitTimer) }
        roleWaitTimer = nil
    }
}
