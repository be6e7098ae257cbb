import Testing
@testable import SimModels
import SimEngine

/// `docker swarm leave [--force]` through the engine, with moby's refusals for managers.
@Suite struct MembershipLeaveTests {
    static let prefix = "You are attempting to leave the swarm on a node that is participating as a manager. "
    static let suffix = "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message."

    @Test func aWorkerThatLeavesStopsItsTasksAndStaysInNodeLsAsDown() throws {
        let swarm = EngineHarness(seed: 31, managers: 1, workers: 2)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(10))
        #expect(swarm.running(on: "w1") > 0)

        let left = try #require(swarm.leave("w1", force: false))
        #expect(left == .success("Node left the swarm."))
        #expect(swarm.node("w1")?.identity == nil)
        swarm.run(for: .seconds(3))
        #expect(swarm.running(on: "w1") == 0, "its containers were stopped")
        swarm.run(for: .seconds(20))
        #expect(swarm.nodeObject("w1")?.status.state == .down)
        let list = try #require(swarm.docker(.nodeList(), via: "m1"))
        #expect(list.output.contains(" w1 "))
        // Its tasks were replaced on the nodes still in the swarm.
        swarm.run(for: .seconds(10))
        #expect(swarm.running("web") == 4)

        let again = try #require(swarm.leave("w1", force: false))
        #expect(again == .failure(.notInSwarm))
        #expect(SwarmNodeError.notInSwarm.message == "This node is not part of a swarm")
    }

    @Test func aManagerIsRefusedWithoutForce() throws {
        let swarm = EngineHarness(seed: 32, managers: 3, workers: 0)
        // Three reachable managers: leaving keeps a quorum, but moby refuses any manager.
        let three = try #require(swarm.leave("m2", force: false))
        #expect(three == .failure(.refused(Self.prefix + Self.suffix)))

        // With m3 down, m2 leaving would leave 1 of 3.
        swarm.crash("m3")
        swarm.run(for: .seconds(10))
        let two = try #require(swarm.leave("m2", force: false))
        #expect(two == .failure(.refused(Self.prefix
            + "Removing this node leaves 1 managers out of 3. Without a Raft quorum your swarm will be inaccessible. " + Self.suffix)))
        #expect(swarm.node("m2")?.manager != nil, "nothing changed")
    }

    @Test func theLastManagerIsWarnedThatTheSwarmStateIsErased() throws {
        let swarm = EngineHarness(seed: 33, managers: 1, workers: 1)
        let answer = try #require(swarm.leave("m1", force: false))
        #expect(answer == .failure(.refused(Self.prefix + "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ")))
    }

    @Test func aManagerThatLeavesWithForceStaysAnUnreachableMember() throws {
        let swarm = EngineHarness(seed: 34, managers: 3, workers: 1)
        let left = try #require(swarm.leave("m3", force: true))
        #expect(left == .success("Node left the swarm."))
        #expect(swarm.node("m3")?.manager == nil)
        #expect(swarm.host("m3").disk.value(ManagerNode.Raft.Storage.hardStateKey) == nil)
        swarm.run(for: .seconds(20))
        // SwarmKit never calls Raft's Leave: the member stays, counted in the quorum.
        #expect(swarm.raftMembers == ["m1", "m2", "m3"])
        let list = try #require(swarm.docker(.nodeList(), via: "m1"))
        let row = try #require(list.output.split(separator: "\n").first { $0.contains(" m3 ") })
        #expect(row.contains("Down") && row.contains("Unreachable"), "\(row)")
        // Two of three remain: writes still commit.
        swarm.createService("web", replicas: 2)
        // Demoting the ghost removes it from Raft; then it can be removed.
        #expect(swarm.docker(.nodeDemote(["m3"]), via: "m1")?.error == nil)
        swarm.run(for: .seconds(10))
        #expect(swarm.raftMembers == ["m1", "m2"])
        #expect(swarm.docker(.nodeRemove(["m3"], force: false), via: "m1")?.error == nil)
    }

    @Test func aNodeThatLeftCanJoinAgainAsANewNode() throws {
        let swarm = EngineHarness(seed: 35, managers: 1, workers: 1)
        let oldID = try #require(swarm.nodeObject("w1")?.id)
        _ = swarm.leave("w1", force: false)
        swarm.run(for: .seconds(5))
        var joined = false
        swarm.cluster.join(swarm.index("w1"), as: .worker, via: swarm.host("m1").id) { if case .success = $0 { joined = true } }
        swarm.run(for: .seconds(5))
        #expect(joined)
        let store = try #require(swarm.leaderStore)
        let rows = store.nodesSorted.filter { $0.description.hostname == "w1" }
        #expect(rows.count == 2, "the old node object stays until `docker node rm`")
        #expect(rows.contains { $0.id != oldID && $0.status.state == .ready })
    }
}
