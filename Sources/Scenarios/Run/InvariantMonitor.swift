import SimEngine
import SimModels

/// Checks the safety invariants of SCENARIO_FORMAT §8 in every run: Raft's (through
/// `RaftInvariantChecker`, fed with every manager's state after each instant and with what
/// their shells apply and acknowledge) and Swarm's (never two tasks desired RUNNING in one
/// replicated slot, except during a start-first update).
final class InvariantMonitor: RaftObserver {
    private var raftChecker = RaftInvariantChecker<StoreProposal>()
    private let cluster: SwarmCluster
    private var reported = 0
    private var slotViolations: Set<String> = []
    /// Violations found so far, in order.
    private(set) var failures: [RunFailure] = []

    init(cluster: SwarmCluster) {
        self.cluster = cluster
        cluster.world.raftObserver = self
    }

    /// After every instant.
    func check(at now: SimInstant) {
        let observations = cluster.liveNodes.compactMap { node -> RaftNodeObservation<StoreProposal>? in
            guard let manager = node.manager, !manager.isStopped else { return nil }
            return manager.raft.node.observation
        }
        _ = raftChecker.observe(observations)
        collectRaftViolations(at: now)
        checkSlots(at: now)
    }

    private func collectRaftViolations(at now: SimInstant) {
        let all = raftChecker.violations
        while reported < all.count {
            failures.append(RunFailure(kind: .invariant, time: now, text: all[reported].description))
            reported += 1
        }
    }

    /// The leader's store never holds two tasks desired RUNNING in one slot of a replicated
    /// service, unless a start-first update is replacing that slot.
    private func checkSlots(at now: SimInstant) {
        guard let store = cluster.leader?.manager?.store else { return }
        for service in store.servicesSortedByName {
            guard case .replicated = service.spec.mode else { continue }
            let startFirst = service.spec.update.order == .startFirst || service.spec.rollback.order == .startFirst
            var seen: [Int: TaskObject] = [:]
            for task in store.tasks(ofService: service.id) where task.desiredState == .running {
                if let other = seen[task.slot] {
                    let replacing = startFirst && other.specVersion != task.specVersion
                    let key = "\(service.spec.name).\(task.slot)"
                    if !replacing && !slotViolations.contains(key) {
                        slotViolations.insert(key)
                        failures.append(RunFailure(kind: .invariant, time: now,
                            text: "two tasks desired running in slot \(key): \(other.id.short) and \(task.id.short)"))
                    }
                } else {
                    seen[task.slot] = task
                }
            }
        }
    }

    // MARK: - RaftObserver

    func raftStarted(_ id: RaftNodeID, firstTime: Bool) {
        if !firstTime { raftChecker.nodeCrashed(id) }
    }

    func raftApplied(_ entry: RaftEntry<StoreProposal>, by id: RaftNodeID) {
        _ = raftChecker.recordApplied([entry], by: id)
    }

    func raftRestored(index: RaftIndex, term: RaftTerm, by id: RaftNodeID) {
        _ = raftChecker.recordSnapshotRestored(index: index, term: term, by: id)
    }

    func raftAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm) {
        _ = raftChecker.acknowledge(entry, leaderTerm: leaderTerm)
    }
}
