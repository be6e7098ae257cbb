import Testing
@testable import Scenarios
import SimModels
import SimEngine

/// Raft with SwarmKit's timing (tick 1 s, election tick 10, heartbeat tick 1, CheckQuorum,
/// no PreVote), through the real engine: hosts, disks that take time to sync, a network
/// with latency and jitter.
@Suite struct RaftLabTimingTests {
    /// Runs until a leader exists; returns its name.
    private func settle(_ lab: RaftLabCluster, within limit: SimDuration = .seconds(60)) -> String? {
        let deadline = lab.simulation.now + limit
        while lab.simulation.now < deadline {
            lab.simulation.run(for: .milliseconds(100))
            if let leader = lab.leader { return leader }
        }
        return nil
    }

    @Test(arguments: 1...12)
    func afterTheLeaderOfThreeCrashesANewLeaderTakesBetweenNineAndAboutTwentySeconds(seed: Int) throws {
        let lab = RaftLabCluster(seed: UInt64(seed), managers: 3)
        let first = try #require(settle(lab))
        lab.simulation.run(for: .seconds(5))
        #expect(lab.leader == first, "a stable cluster keeps its leader")
        let crashAt = lab.simulation.now
        lab.simulation.host(named: first)!.crash()
        var newLeader: String?
        var elapsed = SimDuration.zero
        while newLeader == nil && elapsed < .seconds(40) {
            lab.simulation.run(for: .milliseconds(10))
            elapsed = lab.simulation.now - crashAt
            newLeader = lab.leader
        }
        let leader = try #require(newLeader, "seed \(seed): no leader 40 s after the crash")
        #expect(leader != first)
        // Followers campaign after a randomized 10–19 of their own ticks since the last heartbeat,
        // i.e. at least 9 s after it (the first tick may come just after the heartbeat). The last
        // heartbeat left the leader up to one tick before the crash, hence at least 8 s after
        // the crash; `simrun sweep elections` gives the distribution.
        #expect(elapsed >= .seconds(8), "seed \(seed): new leader after \(elapsed)")
        #expect(elapsed <= .seconds(21), "seed \(seed): new leader after \(elapsed)")
    }

    @Test(arguments: 1...8)
    func aLeaderCutOffWithAMinorityStepsDownWhileTheMajorityElectsANewOne(seed: Int) throws {
        let lab = RaftLabCluster(seed: UInt64(seed), managers: 5)
        let first = try #require(settle(lab))
        lab.simulation.run(for: .seconds(3))
        let others = lab.names.filter { $0 != first }
        let buddy = others[0]
        let sim = lab.simulation
        let minority = [first, buddy].map { sim.host(named: $0)!.id }
        let majority = others.dropFirst().map { sim.host(named: $0)!.id }
        let cutAt = sim.now
        sim.network.partition([minority, Array(majority)])
        var steppedDownAfter: SimDuration?
        var majorityLeaderAfter: SimDuration?
        while sim.now - cutAt < .seconds(60) && (steppedDownAfter == nil || majorityLeaderAfter == nil) {
            sim.run(for: .milliseconds(10))
            if steppedDownAfter == nil, lab.node(first)?.isLeader == false { steppedDownAfter = sim.now - cutAt }
            if majorityLeaderAfter == nil, majority.contains(where: { lab.node(sim.hosts[$0].name)?.isLeader == true }) {
                majorityLeaderAfter = sim.now - cutAt
            }
        }
        let down = try #require(steppedDownAfter, "seed \(seed): the minority leader never stepped down")
        #expect(down >= .seconds(10) && down <= .seconds(20), "seed \(seed): stepped down after \(down)")
        let elected = try #require(majorityLeaderAfter, "seed \(seed): the majority elected nobody")
        // Three candidates may split the vote once; each round takes 10–19 s.
        #expect(elected >= .seconds(9) && elected <= .seconds(40), "seed \(seed): majority leader after \(elected)")
    }

    @Test(arguments: 1...8)
    func aPartitionedMemberWithAHigherTermRejoiningCausesExactlyOneReelection(seed: Int) throws {
        let lab = RaftLabCluster(seed: UInt64(seed), managers: 3)
        let first = try #require(settle(lab))
        lab.simulation.run(for: .seconds(3))
        let sim = lab.simulation
        let follower = lab.names.first { $0 != first }!
        sim.network.isolate(sim.host(named: follower)!.id)
        sim.run(for: .seconds(60))  // it campaigns over and over, raising its term
        let isolatedTerm = lab.node(follower)!.term
        #expect(isolatedTerm > lab.node(first)!.term, "the isolated follower's term climbed")
        #expect(lab.leader == first || lab.node(first)?.isLeader == true)
        let changesBefore = lab.leaderChanges.count
        sim.network.heal()
        sim.run(for: .seconds(60))
        let changes = lab.leaderChanges.count - changesBefore
        #expect(changes == 1, "seed \(seed): \(changes) elections after the heal")
        #expect(lab.leader != nil)
        #expect(lab.term > isolatedTerm)
    }

    @Test func proposalsCommitAndApplyOnEveryMember() throws {
        let lab = RaftLabCluster(seed: 3, managers: 3)
        _ = try #require(settle(lab))
        for _ in 0..<20 {
            lab.proposeOnLeader()
            lab.simulation.run(for: .milliseconds(50))
        }
        lab.simulation.run(for: .seconds(3))
        #expect(lab.acknowledged.count == 20)
        let expected = Array(1...20).map(UInt64.init)
        for name in lab.names { #expect(lab.appliedCommands(name) == expected, "\(name)") }
    }

    @Test func aRestartedMemberRecoversItsLogFromDiskAndCatchesUp() throws {
        let lab = RaftLabCluster(seed: 4, managers: 3)
        let leader = try #require(settle(lab))
        for _ in 0..<5 { lab.proposeOnLeader(); lab.simulation.run(for: .milliseconds(50)) }
        let follower = lab.names.first { $0 != leader }!
        let host = lab.simulation.host(named: follower)!
        host.crash()
        for _ in 0..<5 { lab.proposeOnLeader(); lab.simulation.run(for: .milliseconds(50)) }
        host.boot(after: .seconds(2))
        lab.simulation.run(for: .seconds(5))
        #expect(lab.appliedCommands(follower) == Array(1...10).map(UInt64.init))
    }
}
