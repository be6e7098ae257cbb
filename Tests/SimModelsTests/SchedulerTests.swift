import Testing
import SimEngine
@testable import SimModels

@Suite struct SchedulerTests {
    // MARK: - Helpers

    /// `count` PENDING tasks of `service`, slots `first`..., not assigned.
    static func pending(_ service: ServiceObject, count: Int, first: Int = 1) -> [TaskObject] {
        (0..<count).map { i in
            Fixture.task("\(service.spec.name)-\(first + i)", of: service, slot: first + i, state: .pending)
        }
    }

    /// Runs one pass and applies it; returns the store after and the actions.
    static func pass(_ store: ClusterStore, scheduler: inout Scheduler, at now: SimInstant = .zero) -> (ClusterStore, [StoreAction]) {
        var store = store
        let actions = scheduler.schedule(store: store, now: now)
        store.apply(actions)
        return (store, actions)
    }

    static func pass(_ store: ClusterStore) -> (ClusterStore, [StoreAction]) {
        var scheduler = Scheduler()
        return pass(store, scheduler: &scheduler)
    }

    /// Tasks of `service` per node hostname.
    static func spread(_ store: ClusterStore, _ service: ServiceObject) -> [String: Int] {
        var counts: [String: Int] = [:]
        for task in store.tasks(ofService: service.id) where task.status.state == .assigned {
            counts[task.nodeID!.rawValue, default: 0] += 1
        }
        return counts
    }

    static func errors(_ store: ClusterStore, _ service: ServiceObject) -> [String] {
        store.tasks(ofService: service.id).filter { $0.status.state == .pending }.map(\.status.err)
    }

    // MARK: - Assignment

    @Test func assignedTasksCarrySwarmKitMessage() {
        let web = Fixture.service("web")
        let (store, actions) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: Self.pending(web, count: 1)))
        #expect(actions.assignments.map(\.1) == [NodeID("w1")])
        let task = store.tasks(ofService: web.id)[0]
        #expect(task.status.state == .assigned)
        #expect(task.status.message == "scheduler assigned task to node")
        #expect(task.status.err == "")
    }

    @Test func scalingOneToFiveOnOneManagerAndTwoWorkersSpreadsTwoTwoOne() {
        let web = Fixture.service("web", replicas: 5)
        let running = Fixture.task("web-1", of: web, slot: 1, node: "m1", state: .running)
        let store = Fixture.store(nodes: [Fixture.node("m1", role: .manager), Fixture.node("w1"), Fixture.node("w2")],
                                  services: [web], tasks: [running] + Self.pending(web, count: 4, first: 2))
        let (after, _) = Self.pass(store)
        var counts = Self.spread(after, web)
        counts["m1", default: 0] += 1  // the running task
        #expect(counts.keys.sorted() == ["m1", "w1", "w2"])
        #expect(counts.values.sorted() == [1, 2, 2])
    }

    @Test func constraintOnHostnamePutsEveryReplicaOnThatNode() {
        let web = Fixture.service("web", replicas: 4) { $0.task.placement.constraints = ["node.hostname==w2"] }
        let store = Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2"), Fixture.node("w3")],
                                  services: [web], tasks: Self.pending(web, count: 4))
        let (after, _) = Self.pass(store)
        #expect(Self.spread(after, web) == ["w2": 4])
    }

    @Test func unsatisfiableConstraintLeavesTasksPendingWithExplanation() {
        let web = Fixture.service("web", replicas: 2) { $0.task.placement.constraints = ["node.labels.zone==mars"] }
        let store = Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2"), Fixture.node("w3")],
                                  services: [web], tasks: Self.pending(web, count: 2))
        let (after, _) = Self.pass(store)
        #expect(Self.errors(after, web) == Array(repeating: "no suitable node (scheduling constraints not satisfied on 3 nodes)", count: 2))
    }

    @Test func unchangedExplanationIsNotWrittenAgain() {
        let web = Fixture.service("web") { $0.task.placement.constraints = ["node.role==manager"] }
        var scheduler = Scheduler()
        let (after, first) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: Self.pending(web, count: 1)),
                                       scheduler: &scheduler)
        #expect(first.count == 1)
        let (_, second) = Self.pass(after, scheduler: &scheduler, at: Fixture.seconds(1))
        #expect(second.isEmpty)
        #expect(Self.errors(after, web) == ["no suitable node (scheduling constraints not satisfied on 1 node)"])
    }

    @Test func noNodesAtAllGivesBareNoSuitableNode() {
        let web = Fixture.service("web")
        let (after, _) = Self.pass(Fixture.store(services: [web], tasks: Self.pending(web, count: 1)))
        #expect(Self.errors(after, web) == ["no suitable node"])
    }

    // MARK: - Filters and their explanations

    @Test func readyFilterExplanationSingular() {
        let web = Fixture.service("web")
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1", state: .down)], services: [web], tasks: Self.pending(web, count: 1)))
        #expect(Self.errors(after, web) == ["no suitable node (1 node not available for new tasks)"])
    }

    @Test func readyFilterRejectsDownDrainedPausedAndUnknownNodes() {
        let web = Fixture.service("web")
        let nodes = [Fixture.node("w1", state: .down), Fixture.node("w2", availability: .drain),
                     Fixture.node("w3", availability: .pause), Fixture.node("w4", state: .unknown),
                     Fixture.node("w5", state: .disconnected)]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 1)))
        #expect(Self.errors(after, web) == ["no suitable node (5 nodes not available for new tasks)"])
    }

    @Test func resourceFilterExplanationSingularAndPlural() {
        let big = Fixture.service("big") { $0.task.reservations = Resources(nanoCPUs: 8 * Fixture.cpu) }
        let (one, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [big], tasks: Self.pending(big, count: 1)))
        #expect(Self.errors(one, big) == ["no suitable node (insufficient resources on 1 node)"])
        let (two, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [big], tasks: Self.pending(big, count: 1)))
        #expect(Self.errors(two, big) == ["no suitable node (insufficient resources on 2 nodes)"])
    }

    @Test func resourcesRunOutDuringAPass() {
        let web = Fixture.service("web", replicas: 5) { $0.task.reservations = Resources(nanoCPUs: Fixture.cpu, memoryBytes: Fixture.gib) }
        let nodes = [Fixture.node("w1", cpus: 2), Fixture.node("w2", cpus: 2)]
        let (after, actions) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 5)))
        #expect(actions.assignments.count == 4)
        #expect(Self.spread(after, web) == ["w1": 2, "w2": 2])
        #expect(Self.errors(after, web) == ["no suitable node (insufficient resources on 2 nodes)"])
        #expect(after.usage(ofNode: NodeID("w1")).reservedNanoCPUs == 2 * Fixture.cpu)
    }

    @Test func reservationsOfRunningTasksCountAgainstTheNode() {
        let web = Fixture.service("web", replicas: 2) { $0.task.reservations = Resources(memoryBytes: 6 * Fixture.gib) }
        let running = Fixture.task("web-1", of: web, slot: 1, node: "w1", state: .running)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web],
                                                 tasks: [running] + Self.pending(web, count: 1, first: 2)))
        #expect(Self.spread(after, web) == ["w2": 1])
    }

    @Test func hostModePortConflictsKeepTasksApart() {
        let web = Fixture.service("web", replicas: 3) {
            $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080, publishMode: .host)]
        }
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web],
                                                 tasks: Self.pending(web, count: 3)))
        #expect(Self.spread(after, web) == ["w1": 1, "w2": 1])
        #expect(Self.errors(after, web) == ["no suitable node (host-mode port already in use on 2 nodes)"])
    }

    @Test func hostPortExplanationSingular() {
        let web = Fixture.service("web", replicas: 2) {
            $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080, publishMode: .host)]
        }
        let running = Fixture.task("web-1", of: web, slot: 1, node: "w1", state: .running)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [web],
                                                 tasks: [running] + Self.pending(web, count: 1, first: 2)))
        #expect(Self.errors(after, web) == ["no suitable node (host-mode port already in use on 1 node)"])
    }

    @Test func maxReplicasPerNodeLimitsEachNode() {
        let web = Fixture.service("web", replicas: 3) { $0.task.placement.maxReplicasPerNode = 1 }
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web],
                                                 tasks: Self.pending(web, count: 3)))
        #expect(Self.spread(after, web) == ["w1": 1, "w2": 1])
        #expect(Self.errors(after, web) == ["no suitable node (max replicas per node limit exceed)"])
    }

    @Test func explanationListsMostFailuresFirst() {
        let web = Fixture.service("web") { $0.task.placement.constraints = ["node.labels.disk==ssd"] }
        let nodes = [Fixture.node("w1", state: .down), Fixture.node("w2"), Fixture.node("w3"), Fixture.node("w4")]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 1)))
        #expect(Self.errors(after, web) == ["no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available for new tasks)"])
    }

    @Test func filterExplanationTexts() {
        #expect(SchedulerFilter.ready.explain(nodes: 1) == "1 node not available for new tasks")
        #expect(SchedulerFilter.ready.explain(nodes: 2) == "2 nodes not available for new tasks")
        #expect(SchedulerFilter.resources.explain(nodes: 3) == "insufficient resources on 3 nodes")
        #expect(SchedulerFilter.plugins.explain(nodes: 1) == "missing plugin on 1 node")
        #expect(SchedulerFilter.constraints.explain(nodes: 1) == "scheduling constraints not satisfied on 1 node")
        #expect(SchedulerFilter.platform.explain(nodes: 2) == "unsupported platform on 2 nodes")
        #expect(SchedulerFilter.hostPorts.explain(nodes: 2) == "host-mode port already in use on 2 nodes")
        #expect(SchedulerFilter.maxReplicas.explain(nodes: 7) == "max replicas per node limit exceed")
        #expect(SchedulerFilter.volumes.explain(nodes: 2) == "cannot fulfill requested CSI volume mounts on 2 nodes")
    }

    // MARK: - Ranking

    @Test func rankingPrefersFewerTasksOfThisServiceFirst() {
        let web = Fixture.service("web", replicas: 2)
        let other = Fixture.service("other", replicas: 3)
        let tasks = [Fixture.task("web-1", of: web, slot: 1, node: "w2")]
            + (1...3).map { Fixture.task("other-\($0)", of: other, slot: $0, node: "w1") }
            + Self.pending(web, count: 1, first: 2)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web, other], tasks: tasks))
        #expect(after.task(TaskID("web-2"))?.nodeID == NodeID("w1"))
    }

    @Test func rankingThenPrefersFewerTasksInTotal() {
        let web = Fixture.service("web")
        let other = Fixture.service("other", replicas: 3)
        let tasks = [Fixture.task("other-1", of: other, slot: 1, node: "w1"), Fixture.task("other-2", of: other, slot: 2, node: "w1")]
            + [Fixture.task("other-3", of: other, slot: 3, node: "w2")] + Self.pending(web, count: 1)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web, other], tasks: tasks))
        #expect(after.task(TaskID("web-1"))?.nodeID == NodeID("w2"))
    }

    @Test func rankingTiesAreBrokenByNodeID() {
        let web = Fixture.service("web")
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w3"), Fixture.node("w1"), Fixture.node("w2")],
                                                 services: [web], tasks: Self.pending(web, count: 1)))
        #expect(after.task(TaskID("web-1"))?.nodeID == NodeID("w1"))
    }

    @Test func nodeWithFiveRecentFailuresIsRankedLast() {
        let web = Fixture.service("web")
        let other = Fixture.service("other", replicas: 2)
        // w1 is emptier but failed this service 5 times within 5 minutes.
        let tasks = [Fixture.task("other-1", of: other, slot: 1, node: "w2"), Fixture.task("other-2", of: other, slot: 2, node: "w2")]
            + Self.pending(web, count: 1)
        var scheduler = Scheduler()
        for i in 0..<5 { scheduler.recordFailure(node: NodeID("w1"), serviceID: web.id, specVersion: 1, at: Fixture.seconds(Int64(i))) }
        let store = Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web, other], tasks: tasks)
        let (after, _) = Self.pass(store, scheduler: &scheduler, at: Fixture.seconds(60))
        #expect(after.task(TaskID("web-1"))?.nodeID == NodeID("w2"))
        // Five minutes after the last failure it counts no more.
        var later = Scheduler()
        for i in 0..<5 { later.recordFailure(node: NodeID("w1"), serviceID: web.id, specVersion: 1, at: Fixture.seconds(Int64(i))) }
        let (fresh, _) = Self.pass(store, scheduler: &later, at: Fixture.seconds(400))
        #expect(fresh.task(TaskID("web-1"))?.nodeID == NodeID("w1"))
    }

    @Test func failuresAreLearnedFromCommittedChanges() {
        let web = Fixture.service("web")
        var scheduler = Scheduler()
        var task = Fixture.task("t", of: web, slot: 1, node: "w1", state: .running)
        var failed = task
        failed.status = Fixture.status(.failed)
        scheduler.observe([.taskUpdated(old: task, new: failed)], now: Fixture.seconds(10))
        task.status = Fixture.status(.starting)
        scheduler.observe([.taskUpdated(old: task, new: failed)], now: Fixture.seconds(11))
        #expect(scheduler.recentFailureCount(node: NodeID("w1"), serviceID: web.id, specVersion: 1, now: Fixture.seconds(12)) == 2)
    }

    // MARK: - Spread preferences

    @Test func spreadOverZonesBalancesBranchesNotNodes() {
        let web = Fixture.service("web", replicas: 6) { $0.task.placement.spreadOver = ["node.labels.zone"] }
        let nodes = [Fixture.node("e1", labels: ["zone": "east"]), Fixture.node("e2", labels: ["zone": "east"]),
                     Fixture.node("w1", labels: ["zone": "west"])]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 6)))
        let counts = Self.spread(after, web)
        #expect((counts["e1"] ?? 0) + (counts["e2"] ?? 0) == 3)
        #expect(counts["w1"] == 3)
        #expect(Set([counts["e1"], counts["e2"]]) == Set([2, 1]))
    }

    @Test func spreadCountsExistingTasksAndGivesRemainderOneEach() {
        let web = Fixture.service("web", replicas: 5) { $0.task.placement.spreadOver = ["engine.labels.rack"] }
        let nodes = [Fixture.node("a1", engineLabels: ["rack": "a"]), Fixture.node("b1", engineLabels: ["rack": "b"]),
                     Fixture.node("c1", engineLabels: ["rack": "c"])]
        let existing = [Fixture.task("web-1", of: web, slot: 1, node: "a1"), Fixture.task("web-2", of: web, slot: 2, node: "a1")]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: existing + Self.pending(web, count: 3, first: 3)))
        // (2 existing + 3 new) / 3 racks = 1 each, remainder 2: racks b and c get 2 and 1 (label order).
        #expect(Self.spread(after, web) == ["b1": 2, "c1": 1])
    }

    @Test func nodesWithoutTheLabelFormTheirOwnBranch() {
        let web = Fixture.service("web", replicas: 2) { $0.task.placement.spreadOver = ["node.labels.zone"] }
        let nodes = [Fixture.node("e1", labels: ["zone": "east"]), Fixture.node("e2", labels: ["zone": "east"]), Fixture.node("x1")]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 2)))
        let counts = Self.spread(after, web)
        #expect(counts["x1"] == 1)
        #expect((counts["e1"] ?? 0) + (counts["e2"] ?? 0) == 1)
    }

    @Test func fullBranchesGiveWayToOthers() {
        let web = Fixture.service("web", replicas: 4) {
            $0.task.placement.spreadOver = ["node.labels.zone"]
            $0.task.reservations = Resources(nanoCPUs: 2 * Fixture.cpu)
        }
        let nodes = [Fixture.node("e1", labels: ["zone": "east"], cpus: 2), Fixture.node("w1", labels: ["zone": "west"], cpus: 8)]
        let (after, _) = Self.pass(Fixture.store(nodes: nodes, services: [web], tasks: Self.pending(web, count: 4)))
        #expect(Self.spread(after, web) == ["e1": 1, "w1": 3])
    }

    // MARK: - Pre-assigned (global) tasks

    @Test func preassignedTaskIsConfirmed() {
        let agent = Fixture.globalService("agent")
        let task = Fixture.task("agent-w1", of: agent, slot: 0, node: "w1", state: .pending)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [agent], tasks: [task]))
        let placed = after.task(task.id)!
        #expect(placed.status.state == .assigned)
        #expect(placed.status.message == "scheduler confirmed task can run on preassigned node")
    }

    @Test func preassignedTaskThatDoesNotFitStaysPendingWithExplanation() {
        let agent = Fixture.globalService("agent") { $0.task.reservations = Resources(memoryBytes: 64 * Fixture.gib) }
        let task = Fixture.task("agent-w1", of: agent, slot: 0, node: "w1", state: .pending)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [agent], tasks: [task]))
        #expect(after.task(task.id)?.status.state == .pending)
        #expect(after.task(task.id)?.status.err == "insufficient resources on 1 node")
    }

    @Test func pendingTaskOfOldRevisionDesiredShutdownIsShutDown() {
        var web = Fixture.service("web") { $0.task.placement.constraints = ["node.role==manager"] }
        let task = Fixture.task("web-1", of: web, slot: 1, state: .pending, desired: .shutdown)
        web.specVersion = 2
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: [task]))
        #expect(after.task(task.id)?.status.state == .shutdown)
    }

    @Test func tasksAreGroupedBySpecVersion() {
        var web = Fixture.service("web", replicas: 2)
        let old = Fixture.task("web-1", of: web, slot: 1, state: .pending)
        web.specVersion = 2
        web.spec.task.placement.constraints = ["node.hostname==w2"]
        let new = Fixture.task("web-2", of: web, slot: 2, state: .pending)
        let (after, _) = Self.pass(Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web], tasks: [old, new]))
        #expect(after.task(old.id)?.nodeID == NodeID("w1"))
        #expect(after.task(new.id)?.nodeID == NodeID("w2"))
    }

    @Test func wantsToRunOnlyAfterRelevantChanges() {
        let web = Fixture.service("web")
        var scheduler = Scheduler()
        let store = Fixture.store(nodes: [Fixture.node("w1")], services: [web], tasks: Self.pending(web, count: 1))
        #expect(scheduler.wantsToRun(store: store))
        _ = scheduler.schedule(store: store, now: .zero)
        #expect(!scheduler.wantsToRun(store: store))
        let node = Fixture.node("w1")
        var down = node
        down.status.state = .down
        scheduler.observe([.nodeUpdated(old: node, new: down)], now: .zero)
        #expect(scheduler.wantsToRun(store: store))
    }
}
