import Testing
import SimEngine
@testable import SimModels

@Suite struct StoreTests {
    let web = Fixture.service("web", replicas: 3)

    @Test func twoStoresFedTheSameActionsAreEqual() {
        var random = RandomStream(seed: 11)
        let actions = StoreTests.randomActions(count: 600, random: &random)
        var a = ClusterStore()
        var b = ClusterStore()
        let changesA = a.apply(actions)
        // The second store gets the same actions in several batches.
        var changesB: [StoreChange] = []
        var index = 0
        while index < actions.count {
            let end = min(actions.count, index + 1 + index % 7)
            changesB += b.apply(Array(actions[index..<end]))
            index = end
        }
        #expect(a == b)
        #expect(changesA == changesB)
        #expect(a.invariantViolations().isEmpty)
        #expect(a.tasksSorted.map(\.id) == b.tasksSorted.map(\.id))
    }

    @Test func indexesStayConsistentUnderRandomActions() {
        for seed in UInt64(1)...5 {
            var random = RandomStream(seed: seed)
            var store = ClusterStore()
            for action in StoreTests.randomActions(count: 400, random: &random) {
                store.apply(action)
            }
            #expect(store.invariantViolations().isEmpty, "seed \(seed)")
        }
    }

    @Test func taskStatusNeverMovesBackwards() {
        var store = Fixture.store(services: [web], tasks: [Fixture.task("t1", of: web, slot: 1, node: "w1", state: .running)])
        let change = store.apply(.updateTaskStatus(TaskID("t1"), Fixture.status(.preparing)))
        #expect(change == nil)
        #expect(store.task(TaskID("t1"))?.status.state == .running)
        // The same state with a new message is accepted.
        #expect(store.apply(.updateTaskStatus(TaskID("t1"), Fixture.status(.running, "still running"))) != nil)
        #expect(store.apply(.updateTaskStatus(TaskID("t1"), Fixture.status(.failed))) != nil)
        #expect(store.task(TaskID("t1"))?.status.state == .failed)
    }

    @Test func desiredStateNeverMovesBackwards() {
        var store = Fixture.store(services: [web], tasks: [Fixture.task("t1", of: web, slot: 1, node: "w1")])
        store.apply(.setDesiredState(TaskID("t1"), .remove))
        store.apply(.setDesiredState(TaskID("t1"), .shutdown))
        #expect(store.task(TaskID("t1"))?.desiredState == .remove)
    }

    @Test func assignmentOnlyLandsOnPendingTasks() {
        let pending = Fixture.task("t1", of: web, slot: 1, state: .pending)
        let assigned = Fixture.task("t2", of: web, slot: 2, node: "w1", state: .assigned)
        var store = Fixture.store(nodes: [Fixture.node("w1"), Fixture.node("w2")], services: [web], tasks: [pending, assigned])
        let status = Fixture.status(.assigned, "scheduler assigned task to node")
        #expect(store.apply(.assignTask(TaskID("t2"), NodeID("w2"), status)) == nil)
        #expect(store.apply(.assignTask(TaskID("gone"), NodeID("w2"), status)) == nil)
        #expect(store.apply(.assignTask(TaskID("t1"), NodeID("w2"), status)) != nil)
        #expect(store.task(TaskID("t1"))?.nodeID == NodeID("w2"))
        #expect(store.apply(.assignTask(TaskID("t1"), NodeID("w1"), status)) == nil)
        #expect(store.tasks(onNode: NodeID("w2")).map(\.id) == [TaskID("t1")])
    }

    @Test func actionsOnMissingObjectsChangeNothing() {
        var store = Fixture.store()
        #expect(store.apply(.updateNodeStatus(NodeID("nope"), NodeStatus(state: .down))) == nil)
        #expect(store.apply(.setDesiredState(TaskID("nope"), .shutdown)) == nil)
        #expect(store.apply(.deleteService(ServiceID("nope"))) == nil)
        #expect(store.changeCount == 1) // the cluster object only
    }

    @Test func duplicateServiceNamesAreRefused() {
        var store = Fixture.store(services: [web])
        var other = Fixture.service("web")
        other.id = ServiceID("other")
        #expect(store.apply(.createService(other)) == nil)
        #expect(store.service(named: "web")?.id == ServiceID("web"))
    }

    @Test func tasksOfServiceAreSortedBySlotThenCreation() {
        let tasks = [
            Fixture.task("z3", of: web, slot: 3, state: .new),
            Fixture.task("y1", of: web, slot: 1, state: .failed),
            Fixture.task("x1", of: web, slot: 1, state: .new),
            Fixture.task("a2", of: web, slot: 2, state: .new),
        ]
        let store = Fixture.store(services: [web], tasks: tasks)
        #expect(store.tasks(ofService: web.id).map(\.id.rawValue) == ["y1", "x1", "a2", "z3"])
        #expect(store.tasks(inSlot: SlotKey(serviceID: web.id, slot: 1, nodeID: nil)).map(\.id.rawValue) == ["y1", "x1"])
        #expect(store.newTasks.map(\.id.rawValue) == ["z3", "x1", "a2"])
    }

    @Test func nodeUsageCountsAssignedToRunningTasks() {
        var reserved = web
        reserved.spec.task.reservations = Resources(nanoCPUs: Fixture.cpu, memoryBytes: Fixture.gib)
        reserved.spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080, publishMode: .host)]
        let tasks = [
            Fixture.task("t1", of: reserved, slot: 1, node: "w1", state: .running),
            Fixture.task("t2", of: reserved, slot: 2, node: "w1", state: .assigned, desired: .shutdown),
            Fixture.task("t3", of: reserved, slot: 3, node: "w1", state: .failed),
            Fixture.task("t4", of: reserved, slot: 4, node: "w1", state: .pending),
        ]
        var store = Fixture.store(nodes: [Fixture.node("w1")], services: [reserved], tasks: tasks)
        var usage = store.usage(ofNode: NodeID("w1"))
        #expect(usage.tasks == 2)
        #expect(usage.activeTasks == 1)
        #expect(usage.activeTasksByService == [reserved.id: 1])
        #expect(usage.reservedNanoCPUs == 2 * Fixture.cpu)
        #expect(usage.hostPorts == [HostPort(proto: "tcp", port: 8080): 2])
        store.apply(.updateTaskStatus(TaskID("t1"), Fixture.status(.complete)))
        store.apply(.deleteTask(TaskID("t2")))
        usage = store.usage(ofNode: NodeID("w1"))
        #expect(usage == NodeUsage())
        #expect(store.invariantViolations().isEmpty)
    }

    @Test func changesCarryOldAndNewObjects() {
        var store = Fixture.store(nodes: [Fixture.node("w1")])
        let changes = store.apply([.updateNodeStatus(NodeID("w1"), NodeStatus(state: .down, message: "heartbeat failure")),
                                   .updateNodeStatus(NodeID("w1"), NodeStatus(state: .down, message: "heartbeat failure"))])
        #expect(changes.count == 1)
        guard case let .nodeUpdated(old, new) = changes.first else {
            Issue.record("expected a node update")
            return
        }
        #expect(old.status.state == .ready)
        #expect(new.status.state == .down)
    }

    @Test func updateStatusChangesFollowSwarmKitGuards() {
        var service = web
        service.previousSpec = Fixture.spec("web", replicas: 3, image: "nginx:1.0")
        var store = Fixture.store(services: [service])
        store.apply(.changeUpdateStatus(web.id, .pause(message: "ignored")))
        #expect(store.service(web.id)?.updateStatus == nil)
        store.apply(.changeUpdateStatus(web.id, .start(at: Fixture.seconds(1))))
        #expect(store.service(web.id)?.updateStatus?.message == "update in progress")
        store.apply(.changeUpdateStatus(web.id, .rollback(message: "update rolled back due to failure or early termination of task t1", at: Fixture.seconds(2))))
        let rolled = store.service(web.id)!
        #expect(rolled.updateStatus?.state == .rollbackStarted)
        #expect(rolled.spec.task.image == "nginx:1.0")
        #expect(rolled.previousSpec == nil)
        #expect(rolled.specVersion == 2)
        store.apply(.changeUpdateStatus(web.id, .complete(at: Fixture.seconds(3))))
        #expect(store.service(web.id)?.updateStatus?.state == .rollbackCompleted)
        #expect(store.service(web.id)?.updateStatus?.message == "rollback completed")
    }

    @Test func dispatcherWritesBecomeStoreActions() {
        let write = DispatcherWrite.nodeStatus(NodeID("w1"), NodeStatus(state: .ready), description: nil)
        #expect(StoreAction.actions(for: write) == [.updateNodeStatus(NodeID("w1"), NodeStatus(state: .ready))])
        var store = Fixture.store(nodes: [Fixture.node("w1")], services: [web],
                                  tasks: [Fixture.task("t1", of: web, slot: 1, node: "w1", state: .assigned),
                                          Fixture.task("t0", of: web, slot: 2, node: "w1", state: .pending)])
        #expect(store.tasksAssigned(to: NodeID("w1")).map(\.id) == [TaskID("t1")])
        store.apply(StoreAction.actions(for: .taskStatuses([TaskStatusUpdate(taskID: TaskID("t1"), status: Fixture.status(.accepted))])))
        #expect(store.task(TaskID("t1"))?.status.state == .accepted)
    }

    // MARK: - Random action sequences

    static func randomActions(count: Int, random: inout RandomStream) -> [StoreAction] {
        let nodeNames = ["n1", "n2", "n3", "n4"]
        let services = [Fixture.service("a", replicas: 3), Fixture.globalService("b")]
        var actions: [StoreAction] = nodeNames.map { .createNode(Fixture.node($0)) }
        actions += services.map { .createService($0) }
        var taskIDs: [String] = []
        let states = TaskState.allCases
        for i in 0..<count {
            switch random.nextInt(below: 8) {
            case 0, 1:
                let service = services[random.nextInt(below: 2)]
                let id = "t\(i)"
                taskIDs.append(id)
                let global = service.spec.mode == .global
                let node: String? = global || random.nextBool(probability: 0.5) ? nodeNames[random.nextInt(below: 4)] : nil
                actions.append(.createTask(Fixture.task(id, of: service, slot: global ? 0 : 1 + random.nextInt(below: 3),
                                                        node: node, state: states[random.nextInt(below: 4)])))
            case 2 where !taskIDs.isEmpty:
                let id = taskIDs[random.nextInt(below: taskIDs.count)]
                actions.append(.updateTaskStatus(TaskID(id), Fixture.status(states[random.nextInt(below: states.count)])))
            case 3 where !taskIDs.isEmpty:
                let id = taskIDs[random.nextInt(below: taskIDs.count)]
                actions.append(.setDesiredState(TaskID(id), states[random.nextInt(below: states.count)]))
            case 4 where !taskIDs.isEmpty:
                let id = taskIDs[random.nextInt(below: taskIDs.count)]
                actions.append(.assignTask(TaskID(id), NodeID(nodeNames[random.nextInt(below: 4)]), Fixture.status(.assigned)))
            case 5 where !taskIDs.isEmpty:
                actions.append(.deleteTask(TaskID(taskIDs[random.nextInt(below: taskIDs.count)])))
            case 6:
                let state: NodeState = random.nextBool(probability: 0.5) ? .ready : .down
                actions.append(.updateNodeStatus(NodeID(nodeNames[random.nextInt(below: 4)]), NodeStatus(state: state)))
            default:
                if let id = taskIDs.last {
                    actions.append(.allocateTask(TaskID(id), networks: [], status: Fixture.status(.pending)))
                }
            }
        }
        return actions
    }
}
