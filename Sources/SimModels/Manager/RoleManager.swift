import SimEngine

/// The leader's role manager (SwarmKit `manager/role_manager.go`): reconciles each node's
/// desired role (`docker node promote|demote`) with its observed role and the Raft member list.
///
/// - Promotion proceeds at once: the observed role becomes manager; the node hears of it
///   through its dispatcher session, starts a manager and joins Raft.
/// - Demotion removes the node's Raft member first (never when that would lose a quorum of
///   reachable members), and only once the member is gone sets the role to worker. A leader
///   being demoted hands leadership over instead; the next leader's role manager finishes.
/// - A Raft member whose node object was deleted (`docker node rm`) is removed from Raft.
///
/// What failed is retried every 5 s (`roleReconcileInterval`) until nothing is pending.
final class RoleManager: HostComponent {
    /// SwarmKit's `roleReconcileInterval` and `removalTimeout`.
    static let reconcileInterval = SimDuration.seconds(5)
    static let removalTimeout = SimDuration.seconds(5)

    private unowned let manager: ManagerNode
    /// Nodes whose role may need reconciling (SwarmKit `pendingReconciliation`).
    private var pendingReconciliation: Set<NodeID> = []
    /// Raft members whose node was deleted (SwarmKit `pendingRemoval`, keyed by Raft ID here
    /// because the deleted node object no longer maps a member to its node).
    private var pendingRemoval: Set<RaftNodeID> = []
    /// Role writes proposed and not yet committed, so that one is not proposed twice.
    private var roleWrites: Set<NodeID> = []
    /// Member removals proposed and not yet answered.
    private var removals: Set<RaftNodeID> = []
    /// When a leadership transfer started by this role manager is given up (SwarmKit waits
    /// `reqTimeout()`, 25 s, then removes the leader itself).
    private var transferDeadline: SimInstant?
    private var ticker: TimerID?
    private var running = false

    private var simulation: Simulation { manager.simulation }
    var host: Host { manager.host }
    var isRunning: Bool { running }

    init(manager: ManagerNode) {
        self.manager = manager
    }

    /// SwarmKit's join and transfer timeout, `5 s + 2 × election tick × tick`.
    private var requestTimeout: SimDuration {
        .seconds(5) + manager.world.tickInterval * Int64(2 * manager.world.raftConfig.electionTick)
    }

    // MARK: - Life cycle

    /// Looks at every node and every member once, then follows the store's changes.
    func start() {
        running = true
        let store = manager.store
        for member in manager.raft.node.membership.members where member.id != manager.raftID {
            if !store.nodesSorted.contains(where: { $0.managerStatus?.raftID == member.id }) {
                pendingRemoval.insert(member.id)
            }
        }
        for node in store.nodesSorted {
            pendingReconciliation.insert(node.id)
        }
        reconcileAll()
    }

    func stop() {
        running = false
        if let ticker { simulation.cancel(ticker) }
        ticker = nil
    }

    /// Changes committed to the store: node updates are reconciled, deleted nodes evicted from Raft.
    func observe(_ changes: [StoreChange]) {
        guard running else { return }
        var touched = false
        for change in changes {
            switch change {
            case let .nodeUpdated(_, node):
                pendingReconciliation.insert(node.id)
                reconcile(node.id)
                touched = true
            case let .nodeDeleted(node):
                if let raftID = node.managerStatus?.raftID {
                    pendingRemoval.insert(raftID)
                    evict(raftID)
                    touched = true
                }
            default:
                continue
            }
        }
        if touched { armTicker() }
    }

    // MARK: - Reconciliation

    private func reconcileAll() {
        for id in pendingReconciliation.sorted() { reconcile(id) }
        for raftID in pendingRemoval.sorted() { evict(raftID) }
        armTicker()
    }

    private func armTicker() {
        guard running, ticker == nil, !pendingReconciliation.isEmpty || !pendingRemoval.isEmpty else { return }
        ticker = simulation.schedule(after: Self.reconcileInterval, for: self) { roles in
            roles.ticker = nil
            roles.reconcileAll()
        }
    }

    private func reconcile(_ id: NodeID) {
        guard let node = manager.store.node(id) else {
            pendingReconciliation.remove(id)
            return
        }
        if node.role == node.spec.desiredRole {
            pendingReconciliation.remove(id)
            return
        }
        guard !roleWrites.contains(id) else { return }
        switch node.spec.desiredRole {
        case .manager:
            // Promotion can proceed right away.
            writeRole(.manager, of: node)
        case .worker:
            if let member = manager.raftView.member(onNode: id) {
                // The member goes first; the role is written on a later pass once it is gone.
                removeMember(member.raftID, of: id)
                return
            }
            writeRole(.worker, of: node)
        }
    }

    /// Writes the observed role, guarded as SwarmKit's transaction is: only if the node's
    /// desired and observed roles are still those this decision was made on.
    private func writeRole(_ role: NodeRole, of node: NodeObject) {
        var actions: [StoreAction] = [.updateNodeRole(node.id, role)]
        if role == .worker, node.managerStatus != nil { actions.append(.updateManagerStatus(node.id, nil)) }
        roleWrites.insert(node.id)
        simulation.emit(node: manager.host.name, component: "manager", kind: "role.change",
                        role == .manager ? "promoting node \(node.description.hostname) to manager"
                                         : "node \(node.description.hostname) left Raft; demoting it to worker")
        // Once committed, the node update comes back through `observe`, which settles it.
        manager.propose(actions) { [weak self] _ in
            self?.roleWrites.remove(node.id)
        }
    }

    /// A deleted node's member, if still in Raft, is removed.
    private func evict(_ raftID: RaftNodeID) {
        guard manager.raft.node.membership.contains(raftID) else {
            pendingRemoval.remove(raftID)
            return
        }
        removeMember(raftID, of: nil)
    }

    /// SwarmKit `removeMember`: never when it would lose the quorum of reachable members; the
    /// leader itself hands leadership over first; otherwise a ConfChange removal, given 5 s.
    private func removeMember(_ raftID: RaftNodeID, of node: NodeID?) {
        guard !removals.contains(raftID) else { return }
        let view = manager.raftView
        guard view.canRemoveMember(raftID) else {
            simulation.emit(node: manager.host.name, component: "manager", kind: "role.retry",
                            "can't demote node \(node?.rawValue ?? RaftNodeIDFormat.hex(raftID)) at this time: removing member from raft would result in a loss of quorum")
            return
        }
        if raftID == manager.raftID {
            if let deadline = transferDeadline, simulation.now < deadline { return }  // a transfer is under way
            if transferDeadline == nil, manager.transferLeadershipToLongestActive() != nil {
                transferDeadline = simulation.now + requestTimeout
                return
            }
            // No transfer possible, or it timed out: remove ourselves (the leader steps down
            // once the removal commits).
        }
        removals.insert(raftID)
        var settled = false
        let timeout = simulation.schedule(after: Self.removalTimeout, for: self) { roles in
            guard !settled else { return }
            settled = true
            roles.removals.remove(raftID)
        }
        manager.proposeConfChange(.removeNode(raftID)) { [weak self] committed, _ in
            guard let self, !settled else { return }
            settled = true
            self.simulation.cancel(timeout)
            self.removals.remove(raftID)
            if committed, node == nil { self.pendingRemoval.remove(raftID) }
        }
    }
}
