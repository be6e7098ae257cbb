import Testing
import SimEngine
@testable import SimModels

@Suite struct ReaperTests {
    /// A reaper that has seen `tasks` created at time 0, ticked at `at`.
    static func reap(_ store: ClusterStore, created tasks: [TaskObject], at: SimInstant = Fixture.millis(250)) -> [TaskID] {
        var reaper = TaskReaper()
        reaper.observe(tasks.map { .taskCreated($0) }, now: .zero)
        return reaper.tick(store: store, now: at).deletedTaskIDs
    }

    /// `count` tasks of `service` in slot 1, the first `stopped` failed, with increasing timestamps.
    static func history(_ service: ServiceObject, count: Int, stopped: Int, node: String = "w1") -> [TaskObject] {
        (0..<count).map { i in
            Fixture.task("t\(i)", of: service, slot: service.spec.mode == .global ? 0 : 1, node: node,
                         state: i < stopped ? .failed : .running, desired: i < stopped ? .shutdown : .running,
                         at: Fixture.seconds(Int64(i)))
        }
    }

    @Test func keepsFiveTasksPerSlotDeletingTheOldestStoppedFirst() {
        let web = Fixture.service("web")
        let tasks = Self.history(web, count: 8, stopped: 7)
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        #expect(Self.reap(store, created: tasks) == [TaskID("t0"), TaskID("t1"), TaskID("t2")])
    }

    @Test func waitsForTheBatchingInterval() {
        let web = Fixture.service("web")
        let tasks = Self.history(web, count: 7, stopped: 6)
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        var reaper = TaskReaper()
        reaper.observe(tasks.map { .taskCreated($0) }, now: .zero)
        #expect(reaper.tick(store: store, now: Fixture.millis(249)).isEmpty)
        // Another event pushes the batch back.
        reaper.observe([.taskUpdated(old: tasks[6], new: tasks[6])], now: Fixture.millis(200))
        #expect(reaper.nextWake == Fixture.millis(450))
        #expect(reaper.tick(store: store, now: Fixture.millis(450)).deletedTaskIDs == [TaskID("t0"), TaskID("t1")])
    }

    @Test func maxAttemptsPlusOneIsTheLimitWhenSet() {
        let web = Fixture.service("web") { $0.task.restartPolicy.maxAttempts = 2 }
        let tasks = Self.history(web, count: 5, stopped: 4)
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        #expect(Self.reap(store, created: tasks) == [TaskID("t0"), TaskID("t1")])
    }

    @Test func runningTasksAreNeverDeleted() {
        let web = Fixture.service("web")
        // Old tasks still running on a node that went away: desired SHUTDOWN but observed RUNNING.
        var tasks = Self.history(web, count: 7, stopped: 0)
        for i in 0..<6 { tasks[i].desiredState = .shutdown }
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        #expect(Self.reap(store, created: tasks).isEmpty)
    }

    @Test func neverRunTasksDesiredShutdownAreDeleted() {
        let web = Fixture.service("web")
        var tasks = Self.history(web, count: 7, stopped: 5)
        tasks[0].status = Fixture.status(.pending, at: .zero)
        tasks[0].nodeID = nil
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        #expect(Self.reap(store, created: tasks) == [TaskID("t0"), TaskID("t1")])
    }

    @Test func globalHistoryIsCountedPerNode() {
        let agent = Fixture.globalService("agent")
        let onW1 = Self.history(agent, count: 6, stopped: 5, node: "w1")
        let onW2 = (0..<3).map { Fixture.task("u\($0)", of: agent, slot: 0, node: "w2", state: .failed, desired: .shutdown) }
        let store = Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [agent], tasks: onW1 + onW2)
        #expect(Self.reap(store, created: onW1 + onW2) == [TaskID("t0")])
    }

    @Test func clusterRetentionLimitIsUsedAndNegativeNeverCleans() {
        let web = Fixture.service("web")
        let tasks = Self.history(web, count: 4, stopped: 3)
        var store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: tasks)
        var cluster = store.cluster!
        cluster.taskHistoryRetentionLimit = 2
        store.apply(.putCluster(cluster))
        #expect(Self.reap(store, created: tasks) == [TaskID("t0"), TaskID("t1")])
        cluster.taskHistoryRetentionLimit = -1
        store.apply(.putCluster(cluster))
        #expect(Self.reap(store, created: tasks).isEmpty)
    }

    @Test func tasksDesiredRemoveAreDeletedOnceStoppedOrNeverAssigned() {
        let web = Fixture.service("web")
        let running = Fixture.task("r", of: web, slot: 2, node: "w1", state: .running, desired: .remove)
        let pending = Fixture.task("p", of: web, slot: 3, state: .pending, desired: .remove)
        var reaper = TaskReaper()
        var stopped = running
        stopped.status = Fixture.status(.shutdown)
        reaper.observe([.taskUpdated(old: running, new: running), .taskUpdated(old: pending, new: pending)], now: .zero)
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: [running, pending])
        #expect(reaper.tick(store: store, now: Fixture.millis(250)).deletedTaskIDs == [TaskID("p")])
        reaper.observe([.taskUpdated(old: running, new: stopped)], now: Fixture.seconds(1))
        #expect(reaper.tick(store: store, now: Fixture.seconds(2)).deletedTaskIDs == [TaskID("r")])
    }

    @Test func deletedServiceTasksAreReapedAfterTheyStop() {
        var h = LeaderHarness(nodes: [Fixture.node("w1"), Fixture.node("w2")])
        h.commit([.createService(Fixture.service("web", replicas: 2))])
        h.converge()
        h.commit([.deleteService(ServiceID("web"))])
        h.settle()
        #expect(h.store.tasks.count == 2)
        h.runAgents()
        h.advance(by: .milliseconds(250))
        #expect(h.store.tasks.isEmpty)
    }

    @Test func scaleDownTasksAreReapedAfterTheyStop() {
        var h = LeaderHarness(nodes: [Fixture.node("w1"), Fixture.node("w2")])
        h.commit([.createService(Fixture.service("web", replicas: 3))])
        h.converge()
        h.updateService("web") { $0.mode = .replicated(replicas: 1) }
        h.converge()
        h.advance(by: .milliseconds(250))
        #expect(h.tasks("web").count == 1)
    }

    @Test func restartHistoryStaysWithinTheLimitInALongCrashLoop() {
        var h = LeaderHarness(nodes: [Fixture.node("w1")])
        h.commit([.createService(Fixture.service("web", replicas: 1))])
        h.converge()
        for i in 1...12 {
            h.advance(to: Fixture.seconds(Int64(10 * i)), agents: true)
            h.converge()
            if let task = h.running("web").first { h.setStatus(task.id, .failed) }
            h.settle()
        }
        h.advance(by: .seconds(1))
        #expect(h.tasks("web").count == 5)
        #expect(h.live("web").count == 1)
    }
}
