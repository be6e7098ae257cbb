import Testing
@testable import SimModels
import SimEngine

/// Losing the Raft quorum, as Docker behaves (SWARM_FACTS §1.4), and recovering from it: a
/// manager coming back, or `docker swarm init --force-new-cluster` on the survivor (§1.5).
@Suite struct QuorumLossEngineTests {
    static func scale(_ service: String, to replicas: Int) -> ControlCommand {
        .serviceScale([ScaleTarget(service: service, replicas: replicas)])
    }

    /// Three managers, two workers, `web` with 4 replicas; m2 and m3 crash at once.
    static func swarmThatLosesTwoManagers(seed: UInt64) -> EngineHarness {
        let swarm = EngineHarness(seed: seed, managers: 3, workers: 2)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(15))
        swarm.crash("m2")
        swarm.crash("m3")
        return swarm
    }

    @Test func withoutALeaderEveryCallFailsAndContainersKeepRunning() throws {
        let swarm = Self.swarmThatLosesTwoManagers(seed: 41)
        let runningBefore = swarm.running("web")
        // A write sent while m1 still believes it leads waits for a commit that never comes, and
        // fails when CheckQuorum makes m1 step down (10–20 s later).
        let pending = try #require(swarm.docker(Self.scale("web", to: 6), via: "m1", timeout: .seconds(25)))
        #expect(pending.error == LeaderRuntime.lostLeadershipMessage)
        #expect(swarm.leaderName == nil)

        // More than election_tick ticks without a leader: reads and writes fail at once.
        swarm.run(for: .seconds(12))
        let start = swarm.simulation.now
        let write = try #require(swarm.docker(Self.scale("web", to: 6), via: "m1"))
        #expect(write.error == ManagerNode.noLeaderMessage)
        #expect(swarm.simulation.now - start < .milliseconds(100))
        let read = try #require(swarm.docker(.nodeList(), via: "m1"))
        #expect(read.error == ManagerNode.noLeaderMessage)
        #expect(read.error?.contains("The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.") == true)

        // Containers on live nodes keep running; a container that exits is not restarted.
        let live = swarm.cluster.liveNodes.reduce(0) { $0 + $1.runtime.runningContainers.filter { $0.serviceName == "web" }.count }
        #expect(live == runningBefore)
        let victim = try #require(swarm.node("w1")?.runtime.runningContainers.first { $0.serviceName == "web" })
        swarm.node("w1")!.runtime.kill(victim.id)
        swarm.run(for: .seconds(30))
        #expect(swarm.running("web") == runningBefore - 1, "nothing restarts a task without a leader")

        // A manager comes back: a quorum, a leader, and writes succeed again.
        swarm.restart("m2")
        swarm.run(for: .seconds(40))
        #expect(swarm.leaderName != nil)
        let after = try #require(swarm.docker(Self.scale("web", to: 6), via: "m1"))
        #expect(after.error == nil)
        swarm.run(for: .seconds(40))
        #expect(swarm.running("web") == 6)
    }

    @Test func beforeElectionTickTicksWithoutALeaderACallWaitsForOneUntilTheCLIGivesUp() throws {
        let swarm = Self.swarmThatLosesTwoManagers(seed: 42)
        while swarm.leaderName != nil { swarm.run(for: .milliseconds(100)) }
        // Just after m1 stepped down: SwarmKit's LeaderConn polls for a leader every second until
        // the caller's deadline; none comes, so the CLI ends with "context deadline exceeded".
        let waited = swarm.docker(.nodeList(), via: "m1", timeout: .seconds(21))
        #expect(waited == nil)
        // By now more than election_tick ticks passed without a leader: the call fails at once.
        let start = swarm.simulation.now
        let failed = try #require(swarm.docker(.nodeList(), via: "m1", timeout: .seconds(1)))
        #expect(failed.error == ManagerNode.noLeaderMessage)
        #expect(swarm.simulation.now - start < .milliseconds(100))
    }

    @Test func aCallWaitingForALeaderIsServedWhenOneIsElected() throws {
        let swarm = Self.swarmThatLosesTwoManagers(seed: 47)
        while swarm.leaderName != nil { swarm.run(for: .milliseconds(100)) }
        swarm.restart("m2")
        // Ask while the two managers are electing a leader again.
        var seen: [String] = []
        var served: ControlReply?
        for _ in 0..<10 {
            let answer = swarm.docker(.nodeList(), via: "m1", timeout: .seconds(20))
            if let answer, answer.error == nil {
                served = answer
                break
            }
            seen.append(answer?.error ?? "(no answer)")
            swarm.run(for: .seconds(1))
        }
        let reply = try #require(served, "\(seen)")
        #expect(reply.output.contains("Leader"))
    }

    @Test func twoManagersLoseQuorumWithOne() throws {
        let swarm = EngineHarness(seed: 43, managers: 1, workers: 2)
        swarm.createService("web", replicas: 3)
        #expect(swarm.docker(.nodePromote(["w1"]), via: "m1")?.error == nil)
        swarm.run(for: .seconds(15))
        #expect(swarm.raftMembers == ["m1", "w1"])
        let info = try #require(swarm.docker(.info, via: "m1"))
        #expect(info.output.contains("Running Swarm in a two-manager configuration"))

        swarm.crash("w1")
        swarm.run(for: .seconds(35))
        #expect(swarm.leaderName == nil)
        let write = try #require(swarm.docker(Self.scale("web", to: 4), via: "m1"))
        #expect(write.error == ManagerNode.noLeaderMessage)
        #expect(swarm.running(on: "m1") + swarm.running(on: "w2") > 0, "containers keep running")

        swarm.restart("w1")
        swarm.run(for: .seconds(40))
        #expect(swarm.leaderName != nil)
        #expect(swarm.docker(Self.scale("web", to: 4), via: "m1")?.error == nil)
    }

    @Test func forceNewClusterKeepsEveryServiceAndTheWorkers() throws {
        let swarm = Self.swarmThatLosesTwoManagers(seed: 44)
        swarm.run(for: .seconds(40))
        #expect(swarm.leaderName == nil)
        let storeBefore = try #require(swarm.node("m1")?.manager?.store)
        let services = storeBefore.servicesSortedByName.map(\.spec.name)

        let forced = try #require(swarm.forceNewCluster("m1"))
        #expect(forced == .success("initialized"))
        #expect(swarm.leaderName == "m1")
        #expect(swarm.raftMembers == ["m1"])
        let store = try #require(swarm.leaderStore)
        #expect(store.servicesSortedByName.map(\.spec.name) == services)
        #expect(store.nodesSorted.count == 5, "every node object survives")
        #expect(store.cluster == storeBefore.cluster)

        // Writes work again; the workers reconnect and run what is scheduled.
        let scaled = try #require(swarm.docker(Self.scale("web", to: 6), via: "m1"))
        #expect(scaled.error == nil)
        swarm.run(for: .seconds(60))
        #expect(swarm.running("web") == 6)
        #expect(swarm.nodeObject("w1")?.status.state == .ready)
        #expect(swarm.nodeObject("m2")?.status.state == .down)
        let list = try #require(swarm.docker(.nodeList(), via: "m1"))
        let m2Row = try #require(list.output.split(separator: "\n").first { $0.contains(" m2 ") })
        #expect(!m2Row.contains("Reachable") && !m2Row.contains("Unreachable"), "m2 is no longer a Raft member: \(m2Row)")

        // A removed manager that comes back is told so, and stops its manager.
        swarm.restart("m2")
        var removedAt: SimInstant?
        for _ in 0..<300 {
            swarm.run(for: .milliseconds(100))
            if let m2 = swarm.node("m2"), m2.manager == nil { removedAt = swarm.simulation.now; break }
        }
        #expect(removedAt != nil)
        #expect(swarm.leaderName == "m1")
        #expect(swarm.host("m2").disk.value(ManagerNode.Raft.Storage.hardStateKey) == nil)
    }

    @Test func forceNewClusterIsRefusedOnAWorker() throws {
        let swarm = EngineHarness(seed: 45, managers: 1, workers: 1)
        let answer = try #require(swarm.forceNewCluster("w1"))
        #expect(answer == .failure(.refused(SwarmNode.workerMessage)))
    }

    @Test func forceNewClusterRightAfterTheLossWhileStillLeaderKeepsRaftSafe() throws {
        let swarm = Self.swarmThatLosesTwoManagers(seed: 46)
        // m1 still leads (CheckQuorum has not fired): its log may end with uncommitted entries
        // of its term, which the new cluster discards.
        swarm.run(for: .seconds(2))
        #expect(swarm.leaderName == "m1")
        let checker = RaftSafety(swarm.cluster)
        #expect(swarm.forceNewCluster("m1") == .success("initialized"))
        swarm.run(for: .seconds(30))
        checker.observe()
        #expect(checker.violations.isEmpty, "\(checker.violations)")
        #expect(swarm.docker(Self.scale("web", to: 5), via: "m1")?.error == nil)
    }
}

/// Raft's safety properties over the live managers of an engine run, as the scenario runner
/// checks them.
final class RaftSafety: SwarmObserver {
    private var checker = RaftInvariantChecker<StoreProposal>()
    private let cluster: SwarmCluster

    init(_ cluster: SwarmCluster) {
        self.cluster = cluster
        cluster.world.observer = self
        cluster.simulation.afterEachInstant { [weak self] _ in self?.observe() }
    }

    var violations: [RaftViolation] { checker.violations }

    func observe() {
        let observations = cluster.liveNodes.compactMap { $0.manager.map { $0.raft.node.observation } }
        _ = checker.observe(observations)
    }

    func managerStarted(_ manager: ManagerNode, firstTime: Bool) {
        if !firstTime { checker.nodeCrashed(manager.raftID) }
    }

    func entryApplied(_ entry: RaftEntry<StoreProposal>, by manager: ManagerNode) {
        _ = checker.recordApplied([entry], by: manager.raftID)
    }

    func snapshotRestored(index: RaftIndex, term: RaftTerm, by manager: ManagerNode) {
        _ = checker.recordSnapshotRestored(index: index, term: term, by: manager.raftID)
    }

    func entryAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm, by manager: ManagerNode) {
        _ = checker.acknowledge(entry, leaderTerm: leaderTerm)
    }

    func managerStopped(_ manager: ManagerNode) {}
    func raftStateChanged(_ manager: ManagerNode) {}
    func containersChanged(on host: HostID) {}
}
