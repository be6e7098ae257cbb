import SimEngine

/// SwarmKit's replicated orchestrator (`orchestrator/replicated`): keeps `replicas` slots of each
/// replicated service, restarts tasks that stop or sit on an invalid node, and hands the slots to
/// the update supervisor.
///
/// Event-driven like SwarmKit: `observe` notes what to do from committed changes;
/// `tickTasks` (restarts) and `tickServices` (reconcile) produce the store actions.
public struct ReplicatedOrchestrator: Sendable {
    /// Services to reconcile (created, updated, or lost a runnable task).
    public private(set) var servicesToReconcile: Set<ServiceID> = []
    /// Tasks to pass to the restart supervisor.
    public private(set) var tasksToRestart: Set<TaskID> = []
    /// Deleted services whose tasks must go to desired REMOVE.
    var deletedServices: [ServiceID] = []

    public init() {}

    /// Whether `tickTasks` or `tickServices` has work.
    public var hasWork: Bool { !servicesToReconcile.isEmpty || !tasksToRestart.isEmpty || !deletedServices.isEmpty }

    // MARK: - Events

    public mutating func observe(_ changes: [StoreChange], store: ClusterStore,
                                 restarts: inout RestartSupervisor, updates: inout UpdateSupervisor) {
        for change in changes {
            switch change {
            case let .serviceCreated(service), let .serviceUpdated(_, service):
                if Orchestration.isReplicated(service) { servicesToReconcile.insert(service.id) }
            case let .serviceDeleted(service):
                guard Orchestration.isReplicated(service) else { continue }
                deletedServices.append(service.id)
                restarts.clearServiceHistory(service.id)
                updates.cancel(service.id)
                servicesToReconcile.remove(service.id)
            case let .nodeDeleted(node):
                restartTasks(onNode: node.id, store: store)
            case let .nodeCreated(node), let .nodeUpdated(_, node):
                if Orchestration.isInvalid(node) { restartTasks(onNode: node.id, store: store) }
            case let .taskDeleted(task):
                if task.desiredState <= .running, let service = store.service(task.serviceID), Orchestration.isReplicated(service) {
                    servicesToReconcile.insert(service.id)
                }
                restarts.cancel(task.id)
            case let .taskCreated(task), let .taskUpdated(_, task):
                handleTaskChange(task, store: store)
            default:
                break
            }
        }
    }

    mutating func restartTasks(onNode nodeID: NodeID, store: ClusterStore) {
        for task in store.tasks(onNode: nodeID) where task.desiredState <= .running {
            if Orchestration.isReplicated(store.service(task.serviceID)) { tasksToRestart.insert(task.id) }
        }
    }

    /// SwarmKit `handleTaskChange` (and `FixTask` at start): restart tasks that stopped, or whose
    /// node is gone, DOWN or drained, unless already desired past RUNNING.
    mutating func handleTaskChange(_ task: TaskObject, store: ClusterStore) {
        guard task.desiredState <= .running, Orchestration.isReplicated(store.service(task.serviceID)) else { return }
        if task.status.state > .running || (task.nodeID != nil && Orchestration.isInvalid(store.node(task.nodeID!))) {
            tasksToRestart.insert(task.id)
        }
    }

    /// Marks everything for a first pass on a new leader (SwarmKit `initTasks` / `initServices`).
    public mutating func start(store: ClusterStore) {
        for service in store.servicesSortedByName where Orchestration.isReplicated(service) {
            servicesToReconcile.insert(service.id)
        }
    }

    // MARK: - Restarts

    /// SwarmKit `tickTasks`: restart every task marked for restart.
    public mutating func tickTasks(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                                   restarts: inout RestartSupervisor) -> [StoreAction] {
        let ids = tasksToRestart.sorted()
        tasksToRestart = []
        var actions: [StoreAction] = []
        for id in ids {
            guard let task = store.task(id), task.desiredState <= .running,
                  let service = store.service(task.serviceID), Orchestration.isReplicated(service) else { continue }
            actions += restarts.restart(task, service: service, store: store, now: now, random: &random)
        }
        return actions
    }

    // MARK: - Reconcile

    /// SwarmKit `tickServices`: reconcile every marked service, and move the tasks of deleted
    /// services to desired REMOVE (`SetServiceTasksRemove`).
    public mutating func tickServices(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                                      restarts: RestartSupervisor, updates: inout UpdateSupervisor) -> [StoreAction] {
        var actions = Orchestration.removeTasks(ofDeletedServices: deletedServices, store: store)
        deletedServices = []
        let ids = servicesToReconcile.sorted()
        servicesToReconcile = []
        for id in ids {
            guard let service = store.service(id), Orchestration.isReplicated(service) else { continue }
            actions += reconcile(service, store: store, now: now, random: &random, restarts: restarts, updates: &updates)
        }
        return actions
    }

    /// SwarmKit `reconcile`: scale up into the lowest free slot numbers, scale down keeping running
    /// tasks and spreading by per-node index, delete dead slots, and pass the kept slots to the updater.
    func reconcile(_ service: ServiceObject, store: ClusterStore, now: SimInstant, random: inout RandomStream,
                   restarts: RestartSupervisor, updates: inout UpdateSupervisor) -> [StoreAction] {
        guard case let .replicated(replicas) = service.spec.mode else { return [] }
        // Slots, by slot number.
        var bySlot: [Int: [TaskObject]] = [:]
        for task in store.tasks(ofService: service.id) { bySlot[task.slot, default: []].append(task) }
        var runnable: [(slot: Int, tasks: [TaskObject])] = []
        var dead: [Int: [TaskObject]] = [:]
        for slot in bySlot.keys.sorted() {
            let updatable = restarts.updatableTasks(inSlot: bySlot[slot]!, service: service)
            if updatable.isEmpty { dead[slot] = bySlot[slot]! } else { runnable.append((slot, updatable)) }
        }

        var actions: [StoreAction] = []
        let count = runnable.count
        if replicas > count {
            updates.update(service: service, slots: runnable.map(\.tasks), now: now)
            let used = Set(runnable.map(\.slot))
            var slot = 0
            for _ in 0..<(replicas - count) {
                repeat { slot += 1 } while used.contains(slot)
                dead[slot] = nil
                actions.append(.createTask(Orchestration.newTask(for: service, slot: slot, nodeID: nil, now: now, random: &random)))
            }
            actions += Self.deleteTasks(in: dead)
        } else if replicas < count {
            // Running slots first (stable on slot number), then by the per-node index of each slot,
            // so that nodes with the most copies lose theirs first.
            let running = runnable.filter { $0.tasks.contains { $0.status.state == .running } }
            let others = runnable.filter { !$0.tasks.contains { $0.status.state == .running } }
            var perNode: [NodeID: Int] = [:]
            var indexed: [(slot: (slot: Int, tasks: [TaskObject]), index: Int)] = []
            for entry in running + others {
                if entry.tasks.count == 1, let node = entry.tasks[0].nodeID {
                    perNode[node, default: 0] += 1
                    indexed.append((entry, perNode[node]!))
                } else {
                    indexed.append((entry, -1))
                }
            }
            let sorted = indexed.enumerated().sorted { a, b in
                let ia = a.element.index, ib = b.element.index
                if ia < 0 && ib >= 0 { return false }
                if ib < 0 && ia >= 0 { return true }
                if ia != ib { return ia < ib }
                return a.offset < b.offset
            }.map(\.element.slot)
            updates.update(service: service, slots: sorted.prefix(replicas).map(\.tasks), now: now)
            actions += Self.deleteTasks(in: dead)
            for entry in sorted.dropFirst(replicas) {
                for task in entry.tasks where task.desiredState < .remove {
                    actions.append(.setDesiredState(task.id, .remove))
                }
            }
        } else {
            actions += Self.deleteTasks(in: dead)
            updates.update(service: service, slots: runnable.map(\.tasks), now: now)
        }
        return actions
    }

    static func deleteTasks(in slots: [Int: [TaskObject]]) -> [StoreAction] {
        slots.keys.sorted().flatMap { slots[$0]!.map { StoreAction.deleteTask($0.id) } }
    }
}
