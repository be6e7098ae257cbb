import SimEngine
import SimModels

/// Feeds a `RaftInvariantChecker` from a Raft lab: every live node after every instant, every
/// applied entry, every restored snapshot, every acknowledged proposal, every restart.
final class RaftLabChecker {
    private var checker = RaftInvariantChecker<UInt64>()
    private unowned let lab: RaftLabCluster

    init(lab: RaftLabCluster) {
        self.lab = lab
        lab.checker = self
    }

    /// Descriptions of every violation found so far.
    var violations: [String] {
        checker.violations.map { "at \(lab.simulation.now): \($0.description)" }
    }

    func check() {
        _ = checker.observe(lab.liveServers.map { $0.raft.observation() })
    }

    func booted(_ id: RaftNodeID, firstTime: Bool) {
        if !firstTime { checker.nodeCrashed(id) }
    }

    func applied(_ entry: RaftEntry<UInt64>, by id: RaftNodeID) {
        _ = checker.recordApplied(entry, by: id)
    }

    func restored(index: RaftIndex, term: RaftTerm, by id: RaftNodeID) {
        _ = checker.recordSnapshotRestored(index: index, term: term, by: id)
    }

    func acknowledged(_ entry: RaftEntry<UInt64>, leaderTerm: RaftTerm) {
        _ = checker.acknowledge(entry, leaderTerm: leaderTerm)
    }
}
