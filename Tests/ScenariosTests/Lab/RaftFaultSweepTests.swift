import Testing
@testable import Scenarios
import SimModels
import SimEngine

/// A sample of the randomized Raft fault sweep; `simrun sweep raft --seeds 1..2000` runs the
/// full one (CI runs it from the release build).
@Suite struct RaftFaultSweepTests {
    @Test(arguments: [3, 5, 7])
    func randomFaultsNeverBreakSafetyAndTheClusterRecovers(managers: Int) {
        let sweep = RaftFaultSweep()
        for seed in UInt64(1)...6 {
            let outcome = sweep.run(seed: seed, managers: managers)
            #expect(outcome.violations.isEmpty, "seed \(seed), \(managers) managers: \(outcome.violations)")
            #expect(outcome.failures.isEmpty, "seed \(seed), \(managers) managers: \(outcome.failures)")
            #expect(outcome.acknowledged > 0, "seed \(seed): the client got something committed")
        }
    }

    /// The checker can fail: a lab whose disk loses a synced vote would double-vote. Here we
    /// break durability on purpose by wiping a majority's disks after acknowledgements.
    @Test func theCheckerCatchesLostAcknowledgedEntries() {
        let lab = RaftLabCluster(seed: 9, managers: 3)
        let checker = RaftLabChecker(lab: lab)
        lab.simulation.afterEachInstant { _ in checker.check() }
        let sim = lab.simulation
        while lab.leader == nil { sim.run(for: .milliseconds(100)) }
        for _ in 0..<5 { lab.proposeOnLeader(); sim.run(for: .milliseconds(100)) }
        #expect(lab.acknowledged.count == 5)
        for host in sim.hosts {
            host.crash()
            host.disk.wipe()  // an operator deleting every manager's state: not something Raft survives
            host.disk.sync {}
        }
        sim.run(for: .milliseconds(1))
        for host in sim.hosts { host.boot() }
        sim.run(for: .seconds(60))
        for _ in 0..<5 { lab.proposeOnLeader(); sim.run(for: .milliseconds(100)) }
        sim.run(for: .seconds(2))
        #expect(!checker.violations.isEmpty)
    }
}
