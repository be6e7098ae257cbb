import Testing
import SimEngine
@testable import SimModels

/// The largest clusters the simulator is meant for: 10,000 nodes and 20,000 tasks. These check
/// that single-task work does not scan everything and that a full pass stays affordable.
@Suite struct SchedulerScaleTests {
    static func bigStore(nodes nodeCount: Int, tasksPerNode: Int) -> (ClusterStore, ServiceObject) {
        let web = Fixture.service("web", replicas: nodeCount * tasksPerNode)
        var actions: [StoreAction] = [.putCluster(ClusterObject(id: SwarmID("cluster"), createdAt: .zero)), .createService(web)]
        for n in 0..<nodeCount {
            actions.append(.createNode(Fixture.node("n\(n)", labels: ["zone": "z\(n % 3)"])))
        }
        var slot = 1
        for n in 0..<nodeCount {
            for _ in 0..<tasksPerNode {
                actions.append(.createTask(Fixture.task("t\(slot)", of: web, slot: slot, node: "n\(n)")))
                slot += 1
            }
        }
        var store = ClusterStore()
        store.apply(actions)
        return (store, web)
    }

    @Test func tenThousandNodesAndTwentyThousandTasks() {
        let clock = ContinuousClock()
        var (store, web) = Self.bigStore(nodes: 10_000, tasksPerNode: 2)
        #expect(store.tasks.count == 20_000)

        // A node going down: the leader restarts its two tasks without touching the others.
        var leader = SwarmLeader()
        var random = RandomStream(seed: 3)
        _ = leader.nextBatch(store: store, now: .zero, random: &random)
        var elapsed = clock.measure {
            let changes = store.apply(.updateNodeStatus(NodeID("n42"), NodeStatus(state: .down)))
            leader.observe(changes.map { [$0] } ?? [], store: store, now: Fixture.seconds(1))
            let batch = leader.nextBatch(store: store, now: Fixture.seconds(1), random: &random)
            #expect(batch.createdTasks.count == 2)
            store.apply(batch)
        }
        // Generous bounds (machines are shared): they catch quadratic blow-ups, not jitter.
        #expect(elapsed < .seconds(2))

        // A scheduling pass placing 1,000 new tasks with a spread preference.
        var spread = web
        spread.spec.task.placement.spreadOver = ["node.labels.zone"]
        let pending = (0..<1_000).map { i in Fixture.task("p\(i)", of: spread, slot: 30_000 + i, state: .pending) }
        store.apply(pending.map { .createTask($0) })
        var scheduler = Scheduler()
        var actions: [StoreAction] = []
        elapsed = clock.measure { actions = scheduler.schedule(store: store, now: .zero) }
        #expect(actions.assignments.count == 1_000)
        #expect(elapsed < .seconds(10))
    }
}
