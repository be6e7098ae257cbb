import Testing
@testable import SimModels
import SimEngine

/// `docker node promote|demote|rm` through the engine: the control API's checks, the leader's
/// role manager (Raft add and remove, leadership transfer) and the node's side (a manager started
/// or stopped, Raft data wiped), with Docker's texts.
@Suite struct MembershipRoleTests {
    static let lastManager = "Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm"
    static let quorumLoss = "Error response from daemon: rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum"

    @Test func aPromotedWorkerJoinsRaftAndADemotedOneLeavesIt() throws {
        let swarm = EngineHarness(seed: 21, managers: 1, workers: 2)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(10))

        let promoted = try #require(swarm.docker(.nodePromote(["w1"]), via: "m1"))
        #expect(promoted.error == nil)
        #expect(promoted.output == "Node w1 promoted to a manager in the swarm.")
        swarm.run(for: .seconds(10))
        #expect(swarm.nodeObject("w1")?.role == .manager)
        #expect(swarm.raftMembers == ["m1", "w1"])
        let w1 = try #require(swarm.node("w1"))
        let manager = try #require(w1.manager)
        #expect(manager.raft.node.commitIndex == swarm.cluster.leader!.manager!.raft.node.commitIndex)
        #expect(w1.identity?.role == .manager)
        // It serves control calls now, proxied to the leader.
        let list = try #require(swarm.docker(.nodeList(), via: "w1"))
        #expect(list.error == nil)
        let row = try #require(list.output.split(separator: "\n").first { $0.contains(" w1 ") })
        #expect(row.contains("Reachable") && row.contains("*"))

        let demoted = try #require(swarm.docker(.nodeDemote(["w1"]), via: "m1"))
        #expect(demoted.output == "Manager w1 demoted in the swarm.")
        swarm.run(for: .seconds(20))
        #expect(swarm.raftMembers == ["m1"])
        #expect(swarm.nodeObject("w1")?.role == .worker)
        #expect(swarm.nodeObject("w1")?.managerStatus == nil)
        #expect(w1.manager == nil)
        #expect(w1.identity?.role == .worker && w1.identity?.raftID == nil)
        #expect(swarm.host("w1").disk.value(ManagerNode.Raft.Storage.hardStateKey) == nil, "the demoted manager's Raft data is wiped")
        #expect(swarm.host("w1").disk.recordCount(ManagerNode.Raft.Storage.walLog) == 0)
        // It keeps working as a worker: Ready, its tasks running, but no control calls.
        #expect(swarm.nodeObject("w1")?.status.state == .ready)
        #expect(w1.agent?.isConnected == true)
        #expect(swarm.running("web") == 4)
        let refused = try #require(swarm.docker(.nodeList(), via: "w1"))
        #expect(refused.error == SwarmNode.workerMessage)
    }

    @Test func demotingTheLeaderHandsLeadershipOverFirst() throws {
        let swarm = EngineHarness(seed: 22, managers: 3, workers: 1)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(10))
        #expect(swarm.leaderName == "m1")

        let answer = try #require(swarm.docker(.nodeDemote(["m1"]), via: "m1"))
        #expect(answer.output == "Manager m1 demoted in the swarm.")
        swarm.run(for: .seconds(20))
        let leader = try #require(swarm.leaderName)
        #expect(leader == "m2" || leader == "m3")
        #expect(swarm.raftMembers == ["m2", "m3"])
        #expect(swarm.nodeObject("m1")?.role == .worker)
        #expect(swarm.node("m1")?.manager == nil)
        #expect(swarm.nodeObject("m1")?.status.state == .ready, "its agent found a remote manager")
        #expect(swarm.running("web") == 4)
        // The cluster still accepts writes.
        #expect(swarm.docker(.serviceScale([ScaleTarget(service: "web", replicas: 5)]), via: "m2")?.error == nil)
    }

    @Test func theLastManagerCannotBeDemoted() throws {
        let swarm = EngineHarness(seed: 23, managers: 1, workers: 1)
        let answer = try #require(swarm.docker(.nodeDemote(["m1"]), via: "m1"))
        #expect(answer.error == Self.lastManager)
        #expect(swarm.nodeObject("m1")?.spec.desiredRole == .manager)
    }

    @Test func aDemotionThatWouldLoseQuorumIsRefusedButADownManagerCanBeDemotedAndRemoved() throws {
        let swarm = EngineHarness(seed: 24, managers: 3, workers: 1)
        swarm.crash("m3")
        swarm.run(for: .seconds(10))
        // m1 and m2 remain: removing m2 would leave one reachable member of three.
        let refused = try #require(swarm.docker(.nodeDemote(["m2"]), via: "m1"))
        #expect(refused.error == Self.quorumLoss)
        #expect(swarm.raftMembers.count == 3)

        // Removing the unreachable m3 keeps a quorum of the reachable ones.
        let demoted = try #require(swarm.docker(.nodeDemote(["m3"]), via: "m1"))
        #expect(demoted.error == nil)
        swarm.run(for: .seconds(10))
        #expect(swarm.raftMembers == ["m1", "m2"])
        #expect(swarm.nodeObject("m3")?.role == .worker)
        swarm.run(for: .seconds(20))
        #expect(swarm.nodeObject("m3")?.status.state == .down)
        let id = try #require(swarm.nodeObject("m3")?.id)
        let removed = try #require(swarm.docker(.nodeRemove(["m3"], force: false), via: "m2"))
        #expect(removed.error == nil && removed.output == "m3")
        #expect(swarm.leaderStore?.node(id) == nil)

        // m3 comes back: Raft tells it it was removed; it stops its manager and wipes its data.
        swarm.restart("m3")
        swarm.run(for: .seconds(40))
        #expect(swarm.node("m3")?.manager == nil)
        #expect(swarm.host("m3").disk.value(ManagerNode.Raft.Storage.hardStateKey) == nil)
        #expect(swarm.raftMembers == ["m1", "m2"])
    }

    @Test func nodeRemoveRefusesManagersAndReadyNodesUnlessForced() throws {
        let swarm = EngineHarness(seed: 25, managers: 3, workers: 2)
        swarm.createService("web", replicas: 4)
        swarm.run(for: .seconds(10))
        let m2 = try #require(swarm.nodeObject("m2"))
        let manager = try #require(swarm.docker(.nodeRemove(["m2"], force: true), via: "m1"))
        #expect(manager.error == "Error response from daemon: rpc error: code = FailedPrecondition desc = node \(m2.id) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal")

        let w1 = try #require(swarm.nodeObject("w1"))
        let ready = try #require(swarm.docker(.nodeRemove(["w1"], force: false), via: "m1"))
        #expect(ready.error == "Error response from daemon: rpc error: code = FailedPrecondition desc = node \(w1.id) is not down and can't be removed")

        let tasksOnW1 = try #require(swarm.leaderStore?.tasks(onNode: w1.id).filter { $0.status.state == .running })
        #expect(!tasksOnW1.isEmpty)
        let forced = try #require(swarm.docker(.nodeRemove(["w1"], force: true), via: "m1"))
        #expect(forced.error == nil && forced.output == "w1")
        let store = try #require(swarm.leaderStore)
        #expect(store.node(w1.id) == nil)
        for task in tasksOnW1 {
            #expect(store.task(task.id)?.status.state == .orphaned)
            #expect(store.task(task.id)?.status.message == "Task belonged to a node that has been deleted")
        }
        // The orphaned tasks are replaced on the remaining nodes.
        swarm.run(for: .seconds(15))
        let onOthers = swarm.cluster.liveNodes.filter { $0.host.name != "w1" }
            .reduce(0) { $0 + $1.runtime.runningContainers.filter { $0.serviceName == "web" }.count }
        #expect(onOthers == 4)
    }

    @Test func theRoleManagerEvictsTheMemberOfADeletedNode() throws {
        let swarm = EngineHarness(seed: 26, managers: 3, workers: 0)
        swarm.crash("m3")
        swarm.run(for: .seconds(5))
        let m3 = try #require(swarm.nodeObject("m3"))
        // A node deleted while still a member (SwarmKit's `evictRemovedNode` covers a demotion and
        // a removal racing each other).
        swarm.cluster.leader!.manager!.propose([.deleteNode(m3.id)]) { _ in }
        swarm.run(for: .seconds(10))
        #expect(swarm.raftMembers == ["m1", "m2"])
    }
}
