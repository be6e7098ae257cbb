import Testing
import SimEngine
@testable import SimModels

/// `docker node update|promote|demote|rm`, `docker network create` and SwarmKit's
/// `CanRemoveMember`, with Docker's texts.
@Suite struct ControlNodeTests {
    typealias F = ControlFixture

    let managers = [F.node("m1", role: .manager), F.node("m2", role: .manager), F.node("m3", role: .manager)]
    let workers = [F.node("w1", labels: [Label("zone", "east")]), F.node("w2", state: .down)]

    func context(raft: RaftView? = nil, tasks: [TaskObject] = [], services: [ServiceObject] = []) -> ControlContext {
        F.context(F.store(nodes: managers + workers, services: services, tasks: tasks), raft: raft ?? F.raft(["m1", "m2", "m3"]))
    }

    // MARK: - node update

    @Test func updateSetsAvailabilityAndPrintsTheNodeAsTyped() {
        var expected = workers[0].spec
        expected.availability = .drain
        #expect(F.handle(.nodeUpdate(NodeUpdateRequest(node: "w1", availability: .drain)), context())
            == .propose([.updateNodeSpec(F.id("w1"), expected)], reply: "w1"))
        // By ID prefix, as dockerd resolves it.
        #expect(F.handle(.nodeUpdate(NodeUpdateRequest(node: "w1x", availability: .drain)), context())
            == .propose([.updateNodeSpec(F.id("w1"), expected)], reply: "w1x"))
    }

    @Test func updateAddsThenRemovesLabels() {
        let request = NodeUpdateRequest(node: "w1", labelsToAdd: [Label("disk", "ssd"), Label("zone", "west")], labelsToRemove: ["disk"])
        var expected = workers[0].spec
        expected.labels = [Label("zone", "west")]
        #expect(F.handle(.nodeUpdate(request), context()) == .propose([.updateNodeSpec(F.id("w1"), expected)], reply: "w1"))
        #expect(F.handle(.nodeUpdate(NodeUpdateRequest(node: "w1", labelsToRemove: ["rack"])), context())
            == .failure("key rack doesn't exist in node's labels"))
    }

    @Test func updateOfAnUnknownNode() {
        #expect(F.handle(.nodeUpdate(NodeUpdateRequest(node: "w9", availability: .drain)), context())
            == .failure("Error response from daemon: node w9 not found"))
    }

    // MARK: - promote / demote

    @Test func promoteSetsTheDesiredRole() {
        var expected = workers[0].spec
        expected.desiredRole = .manager
        #expect(F.handle(.nodePromote(["w1"]), context())
            == .propose([.updateNodeSpec(F.id("w1"), expected)], reply: "Node w1 promoted to a manager in the swarm."))
        #expect(F.handle(.nodePromote(["m2", "w1"]), context())
            == .propose([.updateNodeSpec(F.id("w1"), expected)],
                        reply: "Node \(F.id("m2")) is already a manager.\nNode w1 promoted to a manager in the swarm."))
        #expect(F.handle(.nodePromote(["m2"]), context()) == .reply("Node \(F.id("m2")) is already a manager."))
    }

    @Test func demoteOfAReachableFollower() {
        var expected = managers[1].spec
        expected.desiredRole = .worker
        #expect(F.handle(.nodeDemote(["m2"]), context()) == .propose([.updateNodeSpec(F.id("m2"), expected)], reply: "Manager m2 demoted in the swarm."))
        #expect(F.handle(.nodeDemote(["w1"]), context()) == .reply("Node \(F.id("w1")) is already a worker."))
    }

    @Test func demoteRefusesTheLastManager() {
        let store = F.store(nodes: [F.node("m1", role: .manager), F.node("w1")])
        #expect(F.handle(.nodeDemote(["m1"]), F.context(store, raft: F.raft(["m1"])))
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm"))
    }

    @Test func demoteRefusesAManagerMissingFromTheMemberList() {
        #expect(F.handle(.nodeDemote(["m3"]), context(raft: F.raft(["m1", "m2"])))
            == .failure("Error response from daemon: rpc error: code = NotFound desc = can't find manager in raft memberlist"))
    }

    @Test func demoteRefusesALossOfQuorum() {
        // Three members, m3 unreachable: removing m2 leaves the leader alone, 1 < 2.
        let raft = F.raft(["m1", "m2", "m3"], unreachable: ["m3"])
        #expect(F.handle(.nodeDemote(["m2"]), context(raft: raft))
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum"))
        // Removing the unreachable one keeps two reachable members of three: allowed.
        #expect(F.handle(.nodeDemote(["m3"]), context(raft: raft)).succeeded)
    }

    @Test func demoteStopsAtTheFirstError() {
        let outcome = F.handle(.nodeDemote(["m2", "w9", "m3"]), context())
        var expected = managers[1].spec
        expected.desiredRole = .worker
        #expect(outcome == .partial([.updateNodeSpec(F.id("m2"), expected)], reply: "Manager m2 demoted in the swarm.",
                                    error: "Error response from daemon: node w9 not found"))
        #expect(!outcome.succeeded)
    }

    @Test func demotingTwoOfThreeSucceedsAtTheAPI() {
        // The role manager removes members one at a time later; the API only sees the member list.
        let outcome = F.handle(.nodeDemote(["m2", "m3"]), context())
        #expect(outcome.actions.count == 2)
        #expect(outcome.output == "Manager m2 demoted in the swarm.\nManager m3 demoted in the swarm.")
    }

    @Test func nodeUpdateRoleWorkerGetsTheDemotionChecks() {
        let store = F.store(nodes: [F.node("m1", role: .manager)])
        #expect(F.handle(.nodeUpdate(NodeUpdateRequest(node: "m1", role: .worker)), F.context(store, raft: F.raft(["m1"])))
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm"))
    }

    // MARK: - node rm

    @Test func removeRefusesARaftMember() {
        #expect(F.handle(.nodeRemove(["m2"], force: true), context())
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = node \(F.id("m2")) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal"))
    }

    @Test func removeRefusesAReadyNodeWithoutForce() {
        #expect(F.handle(.nodeRemove(["w1"], force: false), context())
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = node \(F.id("w1")) is not down and can't be removed"))
    }

    @Test func removeOrphansUnfinishedTasksThenDeletesTheNode() {
        let web = F.service("web", replicas: 2)
        let running = F.task("t1", of: web, slot: 1, node: "w2", state: .running, desired: .shutdown)
        let failed = F.task("t2", of: web, slot: 2, node: "w2", state: .failed, desired: .shutdown)
        let elsewhere = F.task("t3", of: web, slot: 1, node: "w1", state: .running)
        let outcome = F.handle(.nodeRemove(["w2"], force: false), context(tasks: [running, failed, elsewhere], services: [web]))
        let orphaned = TaskStatus(state: .orphaned, message: "Task belonged to a node that has been deleted", timestamp: F.seconds(100))
        #expect(outcome == .propose([.updateTaskStatus(running.id, orphaned), .deleteNode(F.id("w2"))], reply: "w2"))
    }

    @Test func removeWithForceAndSeveralNodes() {
        let outcome = F.handle(.nodeRemove(["w1", "m3", "w2"], force: true), context())
        #expect(outcome == .partial([.deleteNode(F.id("w1")), .deleteNode(F.id("w2"))], reply: "w1\nw2",
                                    error: "Error response from daemon: rpc error: code = FailedPrecondition desc = node \(F.id("m3")) is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal"))
    }

    @Test func removeAllowsADemotedManagerOutOfTheMemberList() {
        var m3 = managers[2]
        m3.spec.desiredRole = .worker
        m3.status.state = .down
        let store = F.store(nodes: [managers[0], managers[1], m3])
        #expect(F.handle(.nodeRemove(["m3"], force: false), F.context(store, raft: F.raft(["m1", "m2"])))
            == .propose([.deleteNode(m3.id)], reply: "m3"))
    }

    // MARK: - network create

    @Test func createNetworkWithAndWithoutSubnet() {
        let outcome = F.handle(.networkCreate(NetworkCreateRequest(name: "backend", subnet: "10.0.9.0/24")), context())
        guard case let .propose(actions, reply) = outcome, actions.count == 1, case let .createNetwork(network) = actions[0] else {
            Issue.record("expected a network, got \(outcome)")
            return
        }
        #expect(reply == network.id.rawValue && reply.count == 25)
        #expect(network.name == "backend" && network.driver == "overlay" && !network.isIngress)
        #expect(network.subnet == "10.0.9.0/24" && network.gateway == "10.0.9.1")
        guard case let .propose(actions, _) = F.handle(.networkCreate(NetworkCreateRequest(name: "front")), context()), actions.count == 1,
              case let .createNetwork(pooled) = actions[0] else {
            Issue.record("expected a network")
            return
        }
        // The allocator gives it the next /24 of the default pool.
        #expect(pooled.subnet == "" && pooled.gateway == "")
    }

    @Test func createNetworkRefusals() {
        #expect(F.handle(.networkCreate(NetworkCreateRequest(name: "ingress")), context())
            == .failure("Error response from daemon: network with name ingress already exists"))
        #expect(F.handle(.networkCreate(NetworkCreateRequest(name: "bridge")), context())
            == .failure("Error response from daemon: operation is not permitted on predefined bridge network "))
        #expect(F.handle(.networkCreate(NetworkCreateRequest(name: "x", subnet: "10.0.9.0/33")), context())
            == .failure("Error response from daemon: rpc error: code = InvalidArgument desc = ipam configuration: invalid subnet 10.0.9.0/33"))
    }

    // MARK: - CanRemoveMember

    @Test func canRemoveMemberFollowsSwarmKit() {
        // (members, unreachable, removed) → allowed
        let three = F.raft(["m1", "m2", "m3"])
        #expect(three.canRemoveMember(2))
        #expect(three.canRemoveMember(1))
        let oneDown = F.raft(["m1", "m2", "m3"], unreachable: ["m3"])
        #expect(!oneDown.canRemoveMember(2))
        #expect(oneDown.canRemoveMember(3))
        let two = F.raft(["m1", "m2"])
        // nquorum = (2-1)/2+1 = 1: the leader alone suffices.
        #expect(two.canRemoveMember(2))
        let five = F.raft(["m1", "m2", "m3", "m4", "m5"], unreachable: ["m4", "m5"])
        // Removing m2 leaves m1, m3 reachable: 2 < 3.
        #expect(!five.canRemoveMember(2))
        #expect(five.canRemoveMember(5))
        // The member serving the request counts as reachable even if marked otherwise.
        let selfMarked = RaftView(members: [RaftView.Member(raftID: 1, nodeID: F.id("m1"), address: "a", reachability: .unknown),
                                            RaftView.Member(raftID: 2, nodeID: F.id("m2"), address: "b", reachability: .reachable),
                                            RaftView.Member(raftID: 3, nodeID: F.id("m3"), address: "c", reachability: .reachable)],
                                  leaderRaftID: 1, selfRaftID: 1)
        #expect(selfMarked.canRemoveMember(3))
    }
}
