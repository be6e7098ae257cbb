import SimEngine

/// SwarmKit's global orchestrator (`orchestrator/global/global.go`): one task per eligible node
/// (not drained, not DOWN, satisfying the constraints; no new or updated tasks on paused nodes),
/// created with its node preset. Tasks on nodes that go DOWN or are drained are shut down and
/// not replaced elsewhere; a node that comes back gets a new task.
public struct GlobalOrchestrator: Sendable {
    public private(set) var servicesToReconcile: Set<ServiceID> = []
    public private(set) var nodesToReconcile: Set<NodeID> = []
    public private(set) var tasksToRestart: Set<TaskID> = []
    var deletedServices: [ServiceID] = []
    var deletedNodes: Set<NodeID> = []

    public init() {}

    public var hasWork: Bool {
        !servicesToReconcile.isEmpty || !nodesToReconcile.isEmpty || !tasksToRestart.isEmpty
            || !deletedServices.isEmpty || !deletedNodes.isEmpty
    }

    /// Nodes that may run global tasks: not drained and not DOWN (SwarmKit's `g.nodes`).
    static func isEligible(_ node: NodeObject) -> Bool {
        node.spec.availability != .drain && node.status.state != .down
    }

    // MARK: - Events

    public mutating func observe(_ changes: [StoreChange], store: ClusterStore,
                                 restarts: inout RestartSupervisor, updates: inout UpdateSupervisor) {
        for change in changes {
            switch change {
            case let .serviceCreated(service), let .serviceUpdated(_, service):
                if Orchestration.isGlobal(service) { servicesToReconcile.insert(service.id) }
            case let .serviceDeleted(service):
                guard Orchestration.isGlobal(service) else { continue }
                deletedServices.append(service.id)
                restarts.clearServiceHistory(service.id)
                updates.cancel(service.id)
                servicesToReconcile.remove(service.id)
            case let .nodeCreated(node), let .nodeUpdated(_, node):
                nodesToReconcile.insert(node.id)
            case let .nodeDeleted(node):
                deletedNodes.insert(node.id)
                nodesToReconcile.remove(node.id)
            case let .taskUpdated(_, task):
                handleTaskChange(task, store: store)
            default:
                break
            }
        }
    }

    /// SwarmKit `handleTaskChange`: a global task that stopped while desired running is restarted.
    mutating func handleTaskChange(_ task: TaskObject, store: ClusterStore) {
        guard task.desiredState <= .running, Orchestration.isGlobal(store.service(task.serviceID)) else { return }
        if task.status.state > .running { tasksToRestart.insert(task.id) }
    }

    /// SwarmKit `FixTask` at start: tasks on invalid nodes are shut down, stopped ones restarted.
    mutating func fixTask(_ task: TaskObject, store: ClusterStore) -> [StoreAction] {
        guard task.desiredState <= .running, Orchestration.isGlobal(store.service(task.serviceID)) else { return [] }
        guard let nodeID = task.nodeID, let node = store.node(nodeID), Self.isEligible(node) else {
            return [.setDesiredState(task.id, .shutdown)]
        }
        if task.status.state > .running { tasksToRestart.insert(task.id) }
        return []
    }

    /// Marks every global service for a first reconcile on a new leader.
    public mutating func start(store: ClusterStore) {
        for service in store.servicesSortedByName where Orchestration.isGlobal(service) {
            servicesToReconcile.insert(service.id)
        }
    }

    // MARK: - Restarts

    /// SwarmKit `tickTasks`: restart stopped tasks, or shut them down if their node is paused or no
    /// longer satisfies the constraints.
    public mutating func tickTasks(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                                   restarts: inout RestartSupervisor) -> [StoreAction] {
        let ids = tasksToRestart.sorted()
        tasksToRestart = []
        var actions: [StoreAction] = []
        for id in ids {
            guard let task = store.task(id), task.desiredState <= .running,
                  let service = store.service(task.serviceID), Orchestration.isGlobal(service),
                  let nodeID = task.nodeID, let node = store.node(nodeID), Self.isEligible(node) else { continue }
            if node.spec.availability == .pause || !PlacementConstraint.node(node, satisfies: Orchestration.constraints(of: service)) {
                actions.append(.setDesiredState(task.id, .shutdown))
                continue
            }
            actions += restarts.restart(task, service: service, store: store, now: now, random: &random)
        }
        return actions
    }

    // MARK: - Reconcile

    /// Reconciles marked services and nodes, shuts down the tasks of deleted nodes' and moves the
    /// tasks of deleted services to desired REMOVE.
    public mutating func tickServices(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                                      restarts: RestartSupervisor, updates: inout UpdateSupervisor) -> [StoreAction] {
        var actions = Orchestration.removeTasks(ofDeletedServices: deletedServices, store: store)
        deletedServices = []
        for nodeID in deletedNodes.sorted() {
            // SwarmKit deletes the node's global tasks outright.
            for task in store.tasks(onNode: nodeID) where Orchestration.isGlobal(store.service(task.serviceID)) {
                actions.append(.deleteTask(task.id))
            }
        }
        deletedNodes = []

        let serviceIDs = servicesToReconcile.sorted()
        servicesToReconcile = []
        let eligible = serviceIDs.isEmpty ? [] : store.nodesSorted.filter(Self.isEligible)
        for id in serviceIDs {
            guard let service = store.service(id), Orchestration.isGlobal(service) else { continue }
            actions += reconcile(service, eligibleNodes: eligible, store: store, now: now, random: &random,
                                 restarts: restarts, updates: &updates)
        }

        let nodeIDs = nodesToReconcile.sorted()
        nodesToReconcile = []
        // With no global service in the store, no node has a global task to start or stop.
        guard !nodeIDs.isEmpty, store.services.values.contains(where: { Orchestration.isGlobal($0) }) else { return actions }
        // Services reconciled above already saw every node in this snapshot; SwarmKit commits the
        // two passes separately, so the node pass would find their new tasks and do nothing.
        let reconciled = Set(serviceIDs)
        let services = nodeIDs.isEmpty ? [] : store.servicesSortedByName.filter { Orchestration.isGlobal($0) && !reconciled.contains($0.id) }
        for nodeID in nodeIDs {
            guard let node = store.node(nodeID) else { continue }
            actions += reconcile(node: node, services: services, store: store, now: now, random: &random, restarts: restarts)
        }
        return actions
    }

    /// SwarmKit `reconcileServices` for one service.
    func reconcile(_ service: ServiceObject, eligibleNodes: [NodeObject], store: ClusterStore, now: SimInstant,
                   random: inout RandomStream, restarts: RestartSupervisor, updates: inout UpdateSupervisor) -> [StoreAction] {
        var byNode: [NodeID: [TaskObject]] = [:]
        for task in store.tasks(ofService: service.id) {
            guard let node = task.nodeID else { continue }
            byNode[node, default: []].append(task)
        }
        // Keep runnable tasks, and tasks not restarted by policy that may still need an update.
        for node in Array(byNode.keys) {
            let updatable = restarts.updatableTasks(inSlot: byNode[node]!, service: service)
            byNode[node] = updatable.isEmpty ? nil : updatable
        }
        let constraints = Orchestration.constraints(of: service)
        var actions: [StoreAction] = []
        var updateSlots: [[TaskObject]] = []
        for node in eligibleNodes {
            let tasks = byNode.removeValue(forKey: node.id) ?? []
            if !PlacementConstraint.node(node, satisfies: constraints) {
                actions += Self.shutdown(tasks)
                continue
            }
            // A paused node gets no new or updated tasks.
            if node.spec.availability == .pause { continue }
            if tasks.isEmpty {
                actions.append(.createTask(Orchestration.newTask(for: service, slot: 0, nodeID: node.id, now: now, random: &random)))
            } else {
                updateSlots.append(tasks)
            }
        }
        // Tasks on drained, DOWN or deleted nodes.
        for node in byNode.keys.sorted() { actions += Self.shutdown(byNode[node]!) }
        if !updateSlots.isEmpty { updates.update(service: service, slots: updateSlots, now: now) }
        return actions
    }

    /// SwarmKit `reconcileOneNode`: shut down global tasks on a drained or DOWN node; on an active
    /// node, add missing tasks and replace out-of-date ones directly (not a rolling update).
    func reconcile(node: NodeObject, services: [ServiceObject], store: ClusterStore, now: SimInstant,
                   random: inout RandomStream, restarts: RestartSupervisor) -> [StoreAction] {
        let onNode = store.tasks(onNode: node.id)
        if !Self.isEligible(node) {
            return Self.shutdown(onNode.filter { Orchestration.isGlobal(store.service($0.serviceID)) })
        }
        if node.spec.availability == .pause { return [] }
        var actions: [StoreAction] = []
        for service in services {
            guard PlacementConstraint.node(node, satisfies: Orchestration.constraints(of: service)) else { continue }
            let slot = onNode.filter { $0.serviceID == service.id }
            let tasks = restarts.updatableTasks(inSlot: slot, service: service)
            if tasks.isEmpty {
                actions.append(.createTask(Orchestration.newTask(for: service, slot: 0, nodeID: node.id, now: now, random: &random)))
                continue
            }
            var dirty = tasks.filter { Orchestration.isTaskDirty($0, service: service, node: node) }
            let clean = tasks.filter { !Orchestration.isTaskDirty($0, service: service, node: node) }
            if clean.isEmpty {
                actions.append(.createTask(Orchestration.newTask(for: service, slot: 0, nodeID: node.id, now: now, random: &random)))
            } else {
                dirty += clean.dropFirst()
            }
            actions += Self.shutdown(dirty)
        }
        return actions
    }

    static func shutdown(_ tasks: [TaskObject]) -> [StoreAction] {
        tasks.compactMap { $0.desiredState < .shutdown ? .setDesiredState($0.id, .shutdown) : nil }
    }
}
