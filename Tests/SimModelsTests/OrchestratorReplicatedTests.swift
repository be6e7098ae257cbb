import Testing
import SimEngine
@testable import SimModels

@Suite struct OrchestratorReplicatedTests {
    let nodes = [Fixture.node("m1", role: .manager), Fixture.node("w1"), Fixture.node("w2")]

    func created(_ h: LeaderHarness) -> [TaskObject] {
        h.committed.flatMap(\.createdTasks)
    }

    @Test func newServiceGetsOneTaskPerReplicaFromSlotOne() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 3))])
        h.settle()
        let tasks = created(h)
        #expect(tasks.map(\.slot) == [1, 2, 3])
        #expect(tasks.allSatisfy { $0.status.state == .new && $0.status.message == "created" && $0.desiredState == .running })
        #expect(tasks.allSatisfy { $0.nodeID == nil && $0.specVersion == 1 })
        // Allocated and scheduled: one per node.
        #expect(Set(h.tasks("web").compactMap(\.nodeID)) == Set(nodes.map(\.id)))
        #expect(h.tasks("web").allSatisfy { $0.status.state == .assigned })
    }

    @Test func scaleUpUsesTheLowestFreeSlots() {
        let web = Fixture.service("web", replicas: 4)
        let tasks = [Fixture.task("a", of: web, slot: 1, node: "w1"), Fixture.task("b", of: web, slot: 3, node: "w2")]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle(schedule: false)
        #expect(created(h).map(\.slot) == [2, 4])
    }

    @Test func scaleUpFromOneToFiveSpreadsOverManagerAndWorkers() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 1))])
        h.converge()
        h.updateService("web") { $0.mode = .replicated(replicas: 5) }
        h.converge()
        var perNode: [NodeID: Int] = [:]
        for task in h.running("web") { perNode[task.nodeID!, default: 0] += 1 }
        #expect(perNode.count == 3)
        #expect(perNode.values.sorted() == [1, 2, 2])
    }

    @Test func scaleDownKeepsRunningTasksAndSpreadsByPerNodeIndex() {
        let web = Fixture.service("web", replicas: 2)
        let tasks = [
            Fixture.task("s1", of: web, slot: 1, node: "w1", state: .running),
            Fixture.task("s2", of: web, slot: 2, node: "w1", state: .running),
            Fixture.task("s3", of: web, slot: 3, node: "w2", state: .running),
            Fixture.task("s4", of: web, slot: 4, node: "w2", state: .assigned),
        ]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        #expect(h.task(TaskID("s1"))?.desiredState == .running)
        #expect(h.task(TaskID("s3"))?.desiredState == .running)
        #expect(h.task(TaskID("s2"))?.desiredState == .remove)
        #expect(h.task(TaskID("s4"))?.desiredState == .remove)
        #expect(created(h).isEmpty)
    }

    @Test func scaleDownRemovesNonRunningTasksFirst() {
        let web = Fixture.service("web", replicas: 2)
        let tasks = [
            Fixture.task("s1", of: web, slot: 1, node: "m1", state: .preparing),
            Fixture.task("s2", of: web, slot: 2, node: "w1", state: .running),
            Fixture.task("s3", of: web, slot: 3, node: "w2", state: .running),
        ]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        #expect(h.live("web").map(\.id.rawValue) == ["s2", "s3"])
        #expect(h.task(TaskID("s1"))?.desiredState == .remove)
    }

    @Test func scalingAloneDoesNotReplaceTasks() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 2))])
        h.converge()
        let before = Set(h.running("web").map(\.id))
        h.updateService("web") { $0.mode = .replicated(replicas: 3) }
        h.converge()
        #expect(before.isSubset(of: Set(h.running("web").map(\.id))))
        #expect(h.running("web").count == 3)
        #expect(h.store.service(named: "web")?.updateStatus == nil)
    }

    @Test func failedTaskIsRestartedInItsSlot() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 1))])
        h.converge()
        let old = h.running("web")[0]
        h.setStatus(old.id, .failed, "task: non-zero exit (1)")
        h.settle()
        #expect(h.task(old.id)?.desiredState == .shutdown)
        let replacement = h.live("web")
        #expect(replacement.count == 1)
        #expect(replacement[0].slot == old.slot)
        #expect(replacement[0].desiredState == .ready)
    }

    @Test func tasksOnADownNodeAreReplacedButNotOnDisconnectedOrUnknownNodes() {
        let web = Fixture.service("web", replicas: 3)
        let tasks = [Fixture.task("a", of: web, slot: 1, node: "m1"), Fixture.task("b", of: web, slot: 2, node: "w1"),
                     Fixture.task("c", of: web, slot: 3, node: "w2")]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        h.setNode("w1", state: .disconnected)
        h.setNode("w2", state: .unknown)
        h.settle()
        #expect(created(h).isEmpty)
        h.setNode("w1", state: .down)
        h.settle()
        #expect(h.task(TaskID("b"))?.desiredState == .shutdown)
        #expect(h.task(TaskID("b"))?.status.state == .running)  // still running as far as we know
        #expect(created(h).map(\.slot) == [2])
        #expect(h.task(TaskID("c"))?.desiredState == .running)
    }

    @Test func drainedNodeTasksMoveAndNoRebalancingWhenItComesBack() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 3))])
        h.converge()
        h.setNode("w2", availability: .drain)
        h.converge()
        #expect(h.running("web").count == 3)
        #expect(!h.running("web").contains { $0.nodeID == NodeID("w2") })
        h.setNode("w2", availability: .active)
        h.converge()
        #expect(!h.running("web").contains { $0.nodeID == NodeID("w2") })
    }

    @Test func deletedNodeTasksAreReplaced() {
        let web = Fixture.service("web", replicas: 1)
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: [Fixture.task("a", of: web, slot: 1, node: "w1")])
        h.settle()
        h.commit([.deleteNode(NodeID("w1"))])
        h.settle()
        #expect(h.task(TaskID("a"))?.desiredState == .shutdown)
        #expect(created(h).map(\.slot) == [1])
    }

    @Test func serviceDeleteMarksTasksRemove() {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 2))])
        h.converge()
        let ids = h.tasks("web").map(\.id)
        h.commit([.deleteService(ServiceID("web"))])
        h.settle()
        #expect(ids.allSatisfy { h.task($0)?.desiredState == .remove })
    }

    @Test func deadSlotsAreDeletedOnReconcile() {
        let web = Fixture.service("web", replicas: 1)
        // Slot 2 only has a task desired REMOVE that should be restarted by policy: a dead slot.
        let tasks = [Fixture.task("a", of: web, slot: 1, node: "w1"),
                     Fixture.task("z", of: web, slot: 2, node: "w2", state: .running, desired: .remove)]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        #expect(h.task(TaskID("z")) == nil)
        #expect(h.task(TaskID("a")) != nil)
    }

    @Test func slotWhoseTaskShouldNotRestartStaysOccupied() {
        let web = Fixture.service("web", replicas: 1) { $0.task.restartPolicy.condition = .none }
        let tasks = [Fixture.task("a", of: web, slot: 1, node: "w1", state: .complete, desired: .shutdown)]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        #expect(created(h).isEmpty)
        #expect(h.task(TaskID("a")) != nil)
    }

    @Test func invalidNodeHelperMatchesSwarmKit() {
        #expect(Orchestration.isInvalid(nil))
        #expect(Orchestration.isInvalid(Fixture.node("a", state: .down)))
        #expect(Orchestration.isInvalid(Fixture.node("a", availability: .drain)))
        #expect(!Orchestration.isInvalid(Fixture.node("a", state: .disconnected)))
        #expect(!Orchestration.isInvalid(Fixture.node("a", state: .unknown)))
        #expect(!Orchestration.isInvalid(Fixture.node("a", availability: .pause)))
    }
}
