import SimEngine
import SimModels

/// Checks the safety invariants of SCENARIO_FORMAT §8 in every run: Raft's (through
/// `RaftInvariantChecker`, fed with every manager's state after each instant and with what
/// their shells apply and acknowledge) and Swarm's (never two tasks desired RUNNING in one
/// replicated slot, except during a start-first update).
final class InvariantMonitor {
    /// One Raft checker per swarm, in the order the swarms appeared: a node outside the swarm
    /// that runs `docker swarm init` starts a second, independent Raft cluster.
    private var swarms: [SwarmCheck] = []
    /// Keyed by the ID's text: a dictionary keyed by `SwarmID` here would bring this module's own
    /// specialization of the dictionary's lookup, without `SwarmID.==` inlined, and the linker may
    /// keep it for the store's lookups too (they cost 3% more in the 1,000-worker bench).
    private var swarmIndex: [String: Int] = [:]
    private var lastSwarm: (id: NodeID, index: Int)?
    private let truth: GroundTruth
    private var slotViolations: Set<String> = []
    private var startFirst = StartFirstHistory()
    private var lastRaftStamp: [RaftStamp] = []
    private var raftStamp: [RaftStamp] = []
    /// Managers restarted since they were last observed: their logs are checked again from
    /// scratch even if they look as they did before.
    private var restarted: Set<RaftNodeID> = []
    private var lastStamp: GroundTruth.Stamp?
    private var lastCuts = -1
    /// The leader's store as last checked: its leader's host and its change counter.
    private var checkedHost: HostID = -1
    private var checkedChanges: UInt64 = 0
    /// Violations found so far, in order.
    private(set) var failures: [RunFailure] = []

    init(truth: GroundTruth) {
        self.truth = truth
        truth.changes.invariants = self
    }

    /// After every instant.
    func check(at now: SimInstant) {
        // Nothing a Raft or slot check reads changed since the last instant checked (the leader
        // moves with the network's cuts too).
        let truthStamp = truth.stamp
        if !truth.exhaustive && truthStamp == lastStamp && truth.topologyVersion == lastCuts { return }
        lastStamp = truthStamp
        lastCuts = truth.topologyVersion
        let managers = truth.liveManagers
        // Raft state changes only through messages, ticks and restarts: skip unchanged instants,
        // and managers that look as they did when last observed (the checker checks what changed
        // in a node since its last observation, so it would find nothing new in them).
        raftStamp.removeAll(keepingCapacity: true)
        for node in managers { raftStamp.append(RaftStamp(node.manager!)) }
        if truth.exhaustive || raftStamp != lastRaftStamp {
            var changed: [RaftNodeObservation<StoreProposal>] = []
            var changedSwarm: [Int] = []
            for (index, node) in managers.enumerated() {
                let stamp = raftStamp[index]
                // (`restarted` is almost always empty: no hashing then.)
                if (!restarted.isEmpty && restarted.remove(stamp.id) != nil) || truth.exhaustive || !lastRaftStamp.contains(stamp) {
                    changed.append(node.manager!.raftObservation)
                    changedSwarm.append(swarm(node.manager!.clusterID))
                }
            }
            swap(&raftStamp, &lastRaftStamp)
            observe(changed, swarms: changedSwarm)
        }
        collectRaftViolations(at: now)
        checkSlots(at: now)
    }

    /// Hands each swarm's checker the observations of its own managers.
    private func observe(_ changed: [RaftNodeObservation<StoreProposal>], swarms owners: [Int]) {
        guard let first = owners.first else {
            for index in swarms.indices { _ = swarms[index].checker.observe([]) }
            return
        }
        if owners.allSatisfy({ $0 == first }) {  // one swarm (nearly every run): no grouping
            _ = swarms[first].checker.observe(changed)
            return
        }
        for index in swarms.indices {
            let own = changed.indices.filter { owners[$0] == index }.map { changed[$0] }
            if !own.isEmpty { _ = swarms[index].checker.observe(own) }
        }
    }

    /// The index of `cluster`'s checker, made when the swarm is first seen. Every applied entry
    /// asks, nearly always for the swarm asked last: that one is answered without hashing.
    private func swarm(_ cluster: NodeID) -> Int {
        if let last = lastSwarm, last.id == cluster { return last.index }
        let index: Int
        if let known = swarmIndex[cluster.rawValue] {
            index = known
        } else {
            swarms.append(SwarmCheck())
            index = swarms.count - 1
            swarmIndex[cluster.rawValue] = index
        }
        lastSwarm = (cluster, index)
        return index
    }

    private func collectRaftViolations(at now: SimInstant) {
        for index in swarms.indices {
            let all = swarms[index].checker.violations
            while swarms[index].reported < all.count {
                failures.append(RunFailure(kind: .invariant, time: now, text: all[swarms[index].reported].description))
                swarms[index].reported += 1
            }
        }
    }

    /// The leader's store never holds two tasks desired RUNNING in one slot of a replicated
    /// service, unless a start-first update is replacing that slot.
    /// - Complexity: O(slots) when the leader's store changed since the last check, else O(1).
    private func checkSlots(at now: SimInstant) {
        guard let leader = truth.leader, let manager = leader.manager else { return }
        let changes = manager.store.changeCount
        if !truth.exhaustive && leader.host.id == checkedHost && changes == checkedChanges { return }
        checkedHost = leader.host.id
        checkedChanges = changes
        let store = manager.store
        var found: [(name: String, text: String)] = []
        for violation in Self.slotViolations(in: store, startFirst: startFirst) where !slotViolations.contains(violation.name) {
            slotViolations.insert(violation.name)
            found.append(violation)
        }
        for violation in found {
            failures.append(RunFailure(kind: .invariant, time: now, text: violation.text))
        }
    }

    /// Slots of replicated services holding more than one task desired RUNNING (a start-first
    /// update's old and new task excepted), in name order.
    /// - Complexity: O(slots), plus the tasks of slots holding several
    static func slotViolations(in store: ClusterStore, startFirst: StartFirstHistory) -> [(name: String, text: String)] {
        var found: [(name: String, text: String)] = []
        for (key, all) in store.slotsWithSeveralTasks {
            let tasks = all.filter { $0.desiredState == .running }
            guard tasks.count > 1 else { continue }
            guard let service = store.service(key.serviceID), case .replicated = service.spec.mode else { continue }
            let name = "\(service.spec.name).\(key.slot)"
            // A start-first update runs the new task beside the old one until it is up; one
            // interrupted (by a rollback or another update) leaves them so until the next update
            // reaches the slot. One task per spec version: a second start-first update that
            // supersedes the first runs its new task beside the old one and the first update's.
            if startFirst.explains(service) && Set(tasks.map(\.specVersion)).count == tasks.count { continue }
            let ids = tasks.map(\.id).sorted().map(\.short).joined(separator: ", ")
            found.append((name, "\(tasks.count) tasks desired running in slot \(name): \(ids)"))
        }
        return found.sorted { $0.name < $1.name }
    }

    // MARK: - Raft events (handed on by `ObservedChanges`)

    func managerStarted(_ manager: ManagerNode, firstTime: Bool) {
        let index = swarm(manager.clusterID)
        if !firstTime {
            swarms[index].checker.nodeCrashed(manager.raftID)
            restarted.insert(manager.raftID)
        }
    }

    func entryApplied(_ entry: RaftEntry<StoreProposal>, by manager: ManagerNode) {
        let index = swarm(manager.clusterID)
        _ = swarms[index].checker.recordApplied(entry, by: manager.raftID)
        startFirst.record(entry, swarm: index)
    }

    func snapshotRestored(index: RaftIndex, term: RaftTerm, by manager: ManagerNode) {
        _ = swarms[swarm(manager.clusterID)].checker.recordSnapshotRestored(index: index, term: term, by: manager.raftID)
    }

    func entryAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm, by manager: ManagerNode) {
        _ = swarms[swarm(manager.clusterID)].checker.acknowledge(entry, leaderTerm: leaderTerm)
    }
}

/// One swarm's Raft checker and how many of its violations were reported.
private struct SwarmCheck {
    var checker = RaftInvariantChecker<StoreProposal>()
    var reported = 0
}

/// What the Raft checker looks at of one manager, to tell whether anything changed.
private struct RaftStamp: Equatable {
    var id: RaftNodeID
    var term: RaftTerm
    var role: RaftRoleKind
    var lastIndex: RaftIndex
    var lastTerm: RaftTerm
    var commitIndex: RaftIndex
    var snapshotIndex: RaftIndex

    init(_ node: ManagerNode) {
        id = node.raftID
        term = node.term
        role = node.roleKind
        lastIndex = node.lastIndex
        lastTerm = node.lastTerm
        commitIndex = node.commitIndex
        snapshotIndex = node.snapshotIndex
    }
}
