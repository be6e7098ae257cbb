import Testing
@testable import SimModels
import SimEngine

/// `docker swarm init` and `docker swarm join` on demand, and `docker node update`, through the engine.
@Suite struct MembershipJoinTests {
    @Test func aNodeJoinsAsAManagerAndBecomesAReachableMember() throws {
        let swarm = EngineHarness(seed: 71, managers: 1, workers: 1, spares: ["spare"])
        let joined = try #require(swarm.join("spare", as: .manager, via: "m1"))
        #expect(joined == .success("This node joined a swarm as a manager."))
        swarm.run(for: .seconds(5))
        #expect(swarm.raftMembers == ["m1", "spare"])
        let list = try #require(swarm.docker(.nodeList(), via: "spare"))
        let row = try #require(list.output.split(separator: "\n").first { $0.contains(" spare ") })
        #expect(row.contains("Ready") && row.contains("Reachable") && row.contains("*"))
    }

    @Test func aNodeInASwarmCannotJoinOrInitAnother() throws {
        let swarm = EngineHarness(seed: 72, managers: 1, workers: 1)
        let joined = try #require(swarm.join("w1", as: .worker, via: "m1"))
        #expect(joined == .failure(.alreadyInSwarm))
        #expect(SwarmNodeError.alreadyInSwarm.message == "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.")
        if case .success = swarm.node("m1")!.initSwarm() { Issue.record("init on a manager already in a swarm succeeded") }
    }

    @Test func forceNewClusterOutsideASwarmIsAPlainInit() throws {
        let swarm = EngineHarness(seed: 73, managers: 1, workers: 0, spares: ["spare"])
        let answer = try #require(swarm.forceNewCluster("spare"))
        #expect(answer == .success("initialized"))
        let spare = try #require(swarm.node("spare")?.manager)
        #expect(spare.isLeader)
        #expect(spare.raft.node.membership.members.map(\.address) == ["spare"])
    }

    @Test func nodeUpdateChangesLabelsAndAvailability() throws {
        let swarm = EngineHarness(seed: 74, managers: 1, workers: 2)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(10))
        let added = try #require(swarm.docker(.nodeUpdate(NodeUpdateRequest(node: "w1", labelsToAdd: [Label("zone", "east")])), via: "m1"))
        #expect(added.error == nil && added.output == "w1")
        #expect(swarm.nodeObject("w1")?.spec.labels == [Label("zone", "east")])
        let missing = try #require(swarm.docker(.nodeUpdate(NodeUpdateRequest(node: "w1", labelsToRemove: ["rack"])), via: "m1"))
        #expect(missing.error == "key rack doesn't exist in node's labels")
        let removed = try #require(swarm.docker(.nodeUpdate(NodeUpdateRequest(node: "w1", labelsToRemove: ["zone"])), via: "m1"))
        #expect(removed.error == nil)
        #expect(swarm.nodeObject("w1")?.spec.labels == [])

        // Draining a node moves its tasks away; the role does not change.
        #expect(swarm.docker(.nodeUpdate(NodeUpdateRequest(node: "w1", availability: .drain)), via: "m1")?.error == nil)
        swarm.run(for: .seconds(20))
        #expect(swarm.running(on: "w1") == 0)
        #expect(swarm.running("web") == 4)
        #expect(swarm.nodeObject("w1")?.role == .worker)
    }

    @Test func nodeUpdateRoleIsAPromotion() throws {
        let swarm = EngineHarness(seed: 75, managers: 1, workers: 1)
        #expect(swarm.docker(.nodeUpdate(NodeUpdateRequest(node: "w1", role: .manager)), via: "m1")?.error == nil)
        swarm.run(for: .seconds(10))
        #expect(swarm.raftMembers == ["m1", "w1"])
        let again = try #require(swarm.docker(.nodePromote(["w1"]), via: "m1"))
        #expect(again.output == "Node \(swarm.nodeObject("w1")!.id) is already a manager.")
    }

    @Test func aPromotedNodeThatWasDownJoinsRaftWhenItComesBack() throws {
        let swarm = EngineHarness(seed: 76, managers: 3, workers: 1)
        swarm.crash("w1")
        swarm.run(for: .seconds(2))
        #expect(swarm.docker(.nodePromote(["w1"]), via: "m1")?.error == nil)
        swarm.run(for: .seconds(10))
        #expect(swarm.nodeObject("w1")?.role == .manager)
        #expect(swarm.raftMembers == ["m1", "m2", "m3"], "not a member until it asks")
        swarm.restart("w1")
        swarm.run(for: .seconds(20))
        #expect(swarm.raftMembers == ["m1", "m2", "m3", "w1"])
        #expect(swarm.node("w1")?.manager != nil)
    }
}
