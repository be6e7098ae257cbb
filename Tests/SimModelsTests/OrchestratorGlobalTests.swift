import Testing
import SimEngine
@testable import SimModels

@Suite struct OrchestratorGlobalTests {
    func harness(_ nodes: [NodeObject], configure: (inout ServiceSpec) -> Void = { _ in }) -> LeaderHarness {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.globalService("agent", configure: configure))])
        h.converge()
        return h
    }

    func nodesRunning(_ h: LeaderHarness) -> [String] {
        h.running("agent").map { $0.nodeID!.rawValue }.sorted()
    }

    @Test func oneTaskPerEligibleNodeWithNodePreset() {
        let h = harness([Fixture.node("m1", role: .manager), Fixture.node("w1"), Fixture.node("w2", availability: .drain),
                         Fixture.node("w3", state: .down)])
        #expect(nodesRunning(h) == ["m1", "w1"])
        let created = h.committed.flatMap(\.createdTasks)
        #expect(created.allSatisfy { $0.slot == 0 && $0.nodeID != nil && $0.status.message == "created" })
        #expect(h.committed.joined().contains { action in
            if case let .assignTask(_, _, status) = action { return status.message == "scheduler confirmed task can run on preassigned node" }
            return false
        })
    }

    @Test func newNodeGetsATask() {
        var h = harness([Fixture.node("w1")])
        h.commit([.createNode(Fixture.node("w2"))])
        h.converge()
        #expect(nodesRunning(h) == ["w1", "w2"])
    }

    @Test func drainedNodeTaskIsShutDownWithoutReplacementAndComesBack() {
        var h = harness([Fixture.node("w1"), Fixture.node("w2")])
        h.setNode("w2", availability: .drain)
        h.converge()
        #expect(nodesRunning(h) == ["w1"])
        #expect(h.live("agent").count == 1)
        h.setNode("w2", availability: .active)
        h.converge()
        #expect(nodesRunning(h) == ["w1", "w2"])
    }

    @Test func downNodeTaskIsShutDownAndReplacedWhenTheNodeReturns() {
        var h = harness([Fixture.node("w1"), Fixture.node("w2")])
        let old = h.running("agent").first { $0.nodeID == NodeID("w2") }!
        h.setNode("w2", state: .down)
        h.converge()
        #expect(h.task(old.id)?.desiredState == .shutdown)
        #expect(h.live("agent").map(\.nodeID) == [NodeID("w1")])
        h.setNode("w2", state: .ready)
        h.converge()
        #expect(nodesRunning(h) == ["w1", "w2"])
    }

    @Test func pausedNodeGetsNoNewTask() {
        let h = harness([Fixture.node("w1"), Fixture.node("w2", availability: .pause)])
        #expect(nodesRunning(h) == ["w1"])
    }

    @Test func onlyNodesMeetingTheConstraintsRunTheService() {
        let h = harness([Fixture.node("m1", role: .manager), Fixture.node("w1"), Fixture.node("w2")]) {
            $0.task.placement.constraints = ["node.role==worker"]
        }
        #expect(nodesRunning(h) == ["w1", "w2"])
    }

    @Test func failedTaskIsRestartedOnTheSameNodeAfterTheDelay() {
        var h = harness([Fixture.node("w1")])
        let old = h.running("agent")[0]
        h.setStatus(old.id, .failed)
        h.settle()
        let new = h.live("agent")[0]
        #expect(new.id != old.id && new.nodeID == NodeID("w1") && new.desiredState == .ready)
        h.advance(to: Fixture.seconds(5), agents: true)
        h.converge()
        #expect(h.task(new.id)?.status.state == .running)
    }

    @Test func failedTaskOnAPausedNodeIsNotRestarted() {
        var h = harness([Fixture.node("w1")])
        let old = h.running("agent")[0]
        h.setNode("w1", availability: .pause)
        h.settle()
        h.setStatus(old.id, .failed)
        h.settle()
        #expect(h.live("agent").isEmpty)
        #expect(h.task(old.id)?.desiredState == .shutdown)
    }

    @Test func deletedNodeLosesItsGlobalTasks() {
        var h = harness([Fixture.node("w1"), Fixture.node("w2")])
        let onW2 = h.tasks("agent").filter { $0.nodeID == NodeID("w2") }.map(\.id)
        h.commit([.deleteNode(NodeID("w2"))])
        h.settle()
        #expect(onW2.allSatisfy { h.task($0) == nil })
        #expect(nodesRunning(h) == ["w1"])
    }

    @Test func serviceUpdateRollsNodeByNode() {
        var h = harness([Fixture.node("w1"), Fixture.node("w2")])
        h.updateService("agent") { $0.task.image = "agent:2" }
        h.settle()
        #expect(h.live("agent").filter { $0.spec.image == "agent:2" }.count == 1)
        h.converge()
        #expect(h.running("agent").map(\.spec.image) == ["agent:2", "agent:2"])
        #expect(nodesRunning(h) == ["w1", "w2"])
    }
}
