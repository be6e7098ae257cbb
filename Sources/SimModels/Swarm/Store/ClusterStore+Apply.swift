import SimEngine

extension ClusterStore {
    /// Applies committed actions in order and returns what changed, in order.
    /// - Complexity: O(1) amortised per task or node action (plus the size of the object);
    ///   deleting a service or network also costs O(name).
    @discardableResult
    public mutating func apply(_ actions: [StoreAction]) -> [StoreChange] {
        storage.fields.apply(actions)
    }

    /// Applies one action; nil if it changed nothing.
    @discardableResult
    public mutating func apply(_ action: StoreAction) -> StoreChange? {
        storage.fields.apply(action)
    }

    /// Updates the task indexes for `old` becoming `new` (either may be nil).
    mutating func indexTask(old: TaskObject?, new: TaskObject?) {
        storage.fields.indexTask(old: old, new: new)
    }

    /// SwarmKit's updater writes, with the checks its transactions make.
    static func applyUpdateStatus(_ change: UpdateStatusChange, to service: inout ServiceObject) {
        switch change {
        case let .start(at):
            guard service.updateStatus == nil else { return }
            service.updateStatus = UpdateStatus(state: .updating, message: "update in progress", startedAt: at)
        case let .pause(message):
            guard var status = service.updateStatus else { return }
            status.state = status.state == .rollbackStarted ? .rollbackPaused : .paused
            status.message = message
            service.updateStatus = status
        case let .rollback(message, _):
            guard var status = service.updateStatus, let previous = service.previousSpec else { return }
            status.state = .rollbackStarted
            status.message = message
            service.updateStatus = status
            service.spec = previous
            service.previousSpec = nil
            // A fresh version (SwarmKit restores PreviousSpecVersion; its versions are Raft
            // indexes and never repeat, ours are counters, so we move forwards instead).
            service.specVersion += 1
        case let .complete(at):
            guard var status = service.updateStatus else { return }
            if status.state == .rollbackStarted {
                status.state = .rollbackCompleted
                status.message = "rollback completed"
            } else {
                status.state = .completed
                status.message = "update completed"
            }
            status.completedAt = at
            service.updateStatus = status
        }
    }

    /// Whether `task` counts in its node's usage (SwarmKit's scheduler NodeInfo holds tasks
    /// observed ASSIGNED..RUNNING).
    static func consumesNode(_ task: TaskObject) -> Bool {
        task.nodeID != nil && task.status.state >= .assigned && task.status.state <= .running
    }

    /// Whether two versions of a task are in the same slot (`SlotKey(a) == SlotKey(b)`, without
    /// building the keys: most updates leave the slot alone).
    static func sameSlot(_ a: TaskObject, _ b: TaskObject) -> Bool {
        a.slot == b.slot && a.serviceID == b.serviceID && (a.slot > 0 || a.nodeID == b.nodeID)
    }

    /// Whether `old` and `new` add the same to their node's usage (both counted there, as for a
    /// status step within ASSIGNED..RUNNING), so that replacing one by the other changes none of it.
    static func usesNodeAlike(_ old: TaskObject, _ new: TaskObject) -> Bool {
        consumesNode(old) && consumesNode(new) && old.nodeID == new.nodeID && old.serviceID == new.serviceID
            && (old.desiredState <= .complete) == (new.desiredState <= .complete)
            && old.spec.reservations == new.spec.reservations && old.hostPorts == new.hostPorts
    }
}

/// Applying actions works on the tables in place: the store made its box unique once for the
/// whole batch, and no table is checked again.
extension ClusterStore.Tables {
    /// Applies actions in order and returns what changed, in order.
    mutating func apply(_ actions: [StoreAction]) -> [StoreChange] {
        var changes: [StoreChange] = []
        changes.reserveCapacity(actions.count)
        for action in actions {
            if let change = apply(action) { changes.append(change) }
        }
        return changes
    }

    /// Applies one action and counts it; nil if it changed nothing.
    mutating func apply(_ action: StoreAction) -> StoreChange? {
        let change = applyWithoutCounting(action)
        if let change {
            changeCount &+= 1
            if change.isNodeChange { nodeChangeCount &+= 1 }
        }
        return change
    }

    private mutating func applyWithoutCounting(_ action: StoreAction) -> StoreChange? {
        switch action {
        case let .putCluster(object):
            guard cluster != object else { return nil }
            cluster = object
            return .clusterUpdated(object)

        // MARK: Nodes
        case let .createNode(node):
            guard nodes[node.id] == nil else { return nil }
            nodes[node.id] = node
            return .nodeCreated(node)
        case let .updateNode(node):
            return replaceNode(node.id) { $0 = node }
        case let .deleteNode(id):
            guard let old = nodes.removeValue(forKey: id) else { return nil }
            return .nodeDeleted(old)
        case let .updateNodeStatus(id, status):
            return replaceNode(id) { $0.status = status }
        case let .updateNodeSpec(id, spec):
            return replaceNode(id) { $0.spec = spec }
        case let .updateNodeDescription(id, description):
            return replaceNode(id) { $0.description = description }
        case let .updateNodeRole(id, role):
            return replaceNode(id) { $0.role = role }
        case let .updateManagerStatus(id, status):
            return replaceNode(id) { $0.managerStatus = status }

        // MARK: Services
        case let .createService(service):
            guard services[service.id] == nil, serviceIDsByName[service.spec.name] == nil else { return nil }
            services[service.id] = service
            serviceIDsByName[service.spec.name] = service.id
            return .serviceCreated(service)
        case let .updateService(service):
            // SwarmKit's store refuses a write made from an older version ("update out of
            // sequence"): two updates computed from the same committed service must not both
            // land, the second silently undoing the first under the same version number.
            guard let old = services[service.id], service.specVersion == old.specVersion + 1 else { return nil }
            if old.spec.name != service.spec.name {
                // Renaming is refused by the control API; keep the index right if it happens anyway.
                guard serviceIDsByName[service.spec.name] == nil else { return nil }
                serviceIDsByName[old.spec.name] = nil
                serviceIDsByName[service.spec.name] = service.id
            }
            return replaceService(service.id) { $0 = service }
        case let .deleteService(id):
            guard let old = services.removeValue(forKey: id) else { return nil }
            serviceIDsByName[old.spec.name] = nil
            return .serviceDeleted(old)
        case let .updateServiceEndpoint(id, endpoint):
            return replaceService(id) { $0.endpoint = endpoint }
        case let .changeUpdateStatus(id, change):
            return replaceService(id) { ClusterStore.applyUpdateStatus(change, to: &$0) }

        // MARK: Tasks
        case let .createTask(task):
            guard tasks[task.id] == nil else { return nil }
            tasks[task.id] = task
            taskSequence[task.id] = nextSequence
            nextSequence += 1
            indexTask(old: nil, new: task)
            return .taskCreated(task)
        case let .updateTask(task):
            return replaceTask(task.id) { $0 = task }
        case let .deleteTask(id):
            guard let old = tasks.removeValue(forKey: id) else { return nil }
            indexTask(old: old, new: nil)
            taskSequence[id] = nil
            return .taskDeleted(old)
        case let .updateTaskStatus(id, status):
            // SwarmKit: "we only allow tasks to proceed to a greater state".
            guard let old = tasks[id], status.state >= old.status.state, status != old.status else { return nil }
            var new = old
            new.status = status
            return store(new, replacing: old)
        case let .setDesiredState(id, state):
            guard let old = tasks[id], state > old.desiredState else { return nil }
            var new = old
            new.desiredState = state
            return store(new, replacing: old)
        case let .assignTask(id, nodeID, status):
            return replaceTask(id) { task in
                guard task.status.state == .pending, task.nodeID == nil || task.nodeID == nodeID,
                      status.state >= task.status.state else { return }
                task.nodeID = nodeID
                task.status = status
            }
        case let .allocateTask(id, networks, status):
            let endpoint = tasks[id].flatMap { TaskServiceEndpoint.make(task: $0, networks: networks, services: services,
                                                                               networkObjects: self.networks) }
            return replaceTask(id) { task in
                guard task.status.state == .new, status.state >= task.status.state else { return }
                task.networks = networks
                task.serviceEndpoint = endpoint
                task.status = status
            }

        // MARK: Networks
        case let .createNetwork(network):
            guard networks[network.id] == nil, networkIDsByName[network.name] == nil else { return nil }
            networks[network.id] = network
            networkIDsByName[network.name] = network.id
            networkSequence[network.id] = nextSequence
            nextSequence += 1
            return .networkCreated(network)
        case let .updateNetwork(network):
            guard let old = networks[network.id], old != network else { return nil }
            if old.name != network.name {
                guard networkIDsByName[network.name] == nil else { return nil }
                networkIDsByName[old.name] = nil
                networkIDsByName[network.name] = network.id
            }
            networks[network.id] = network
            return .networkUpdated(old: old, new: network)
        case let .deleteNetwork(id):
            guard let old = networks.removeValue(forKey: id) else { return nil }
            networkIDsByName[old.name] = nil
            networkSequence[id] = nil
            return .networkDeleted(old)
        }
    }

    // MARK: - Replacing objects

    private mutating func replaceNode(_ id: NodeID, _ body: (inout NodeObject) -> Void) -> StoreChange? {
        guard let old = nodes[id] else { return nil }
        var new = old
        body(&new)
        new.id = id
        guard new != old else { return nil }
        nodes[id] = new
        return .nodeUpdated(old: old, new: new)
    }

    private mutating func replaceService(_ id: ServiceID, _ body: (inout ServiceObject) -> Void) -> StoreChange? {
        guard let old = services[id] else { return nil }
        var new = old
        body(&new)
        new.id = id
        guard new != old else { return nil }
        services[id] = new
        return .serviceUpdated(old: old, new: new)
    }

    private mutating func replaceTask(_ id: TaskID, _ body: (inout TaskObject) -> Void) -> StoreChange? {
        guard let old = tasks[id] else { return nil }
        var new = old
        body(&new)
        new.id = id
        guard new != old else { return nil }
        return store(new, replacing: old)
    }

    /// Replaces `old` by `new` (same ID, known to differ) and updates the indexes.
    private mutating func store(_ new: TaskObject, replacing old: TaskObject) -> StoreChange {
        tasks[new.id] = new
        indexTask(old: old, new: new)
        return .taskUpdated(old: old, new: new)
    }

    // MARK: - Task indexes

    mutating func indexTask(old: TaskObject?, new: TaskObject?) {
        // Both versions add the same to their node's usage: leave it alone.
        let sameUsage = old.flatMap { old in new.map { ClusterStore.usesNodeAlike(old, $0) } } ?? false
        if let old {
            if new == nil || old.serviceID != new!.serviceID {
                tasksByService[old.serviceID]?.remove(old.id)
                if tasksByService[old.serviceID]?.isEmpty == true { tasksByService[old.serviceID] = nil }
            }
            if let nodeID = old.nodeID, new == nil || new!.nodeID != nodeID {
                tasksByNode[nodeID]?.remove(old.id)
                if tasksByNode[nodeID]?.isEmpty == true { tasksByNode[nodeID] = nil }
            }
            if new == nil || !ClusterStore.sameSlot(old, new!) {
                let oldKey = SlotKey(old)
                tasksBySlot[oldKey]?.removeAll { $0 == old.id }
                if tasksBySlot[oldKey]?.isEmpty == true { tasksBySlot[oldKey] = nil }
            }
            if old.status.state == .new { newTaskIDs.remove(old.id) }
            if old.status.state == .pending { pendingTaskIDs.remove(old.id) }
            if ClusterStore.consumesNode(old) && !sameUsage { addUsage(of: old, sign: -1) }
        }
        if let new {
            if old == nil || old!.serviceID != new.serviceID {
                tasksByService[new.serviceID, default: []].insert(new.id)
            }
            if let nodeID = new.nodeID, old == nil || old!.nodeID != nodeID {
                tasksByNode[nodeID, default: []].insert(new.id)
            }
            if old == nil || !ClusterStore.sameSlot(old!, new) {
                let newKey = SlotKey(new)
                // Keep creation order within the slot.
                // Updated in place through the defaulted subscript (no copy of the array).
                let seq = taskSequence[new.id]!
                let at = tasksBySlot[newKey]?.firstIndex { taskSequence[$0]! > seq } ?? tasksBySlot[newKey]?.count ?? 0
                tasksBySlot[newKey, default: []].insert(new.id, at: at)
            }
            if new.status.state == .new { newTaskIDs.insert(new.id) }
            if new.status.state == .pending { pendingTaskIDs.insert(new.id) }
            if ClusterStore.consumesNode(new) && !sameUsage { addUsage(of: new, sign: 1) }
        }
    }

    private mutating func addUsage(of task: TaskObject, sign: Int) {
        guard let nodeID = task.nodeID else { return }
        // Taken out of the dictionary (not copied) so its own dictionaries stay uniquely
        // referenced and are updated in place instead of being copied on every change.
        var usage = usageByNode.removeValue(forKey: nodeID) ?? NodeUsage()
        usage.tasks += sign
        usage.reservedNanoCPUs += Int64(sign) * task.spec.reservations.nanoCPUs
        usage.reservedMemoryBytes += Int64(sign) * task.spec.reservations.memoryBytes
        if task.desiredState <= .complete {
            usage.activeTasks += sign
            let count = (usage.activeTasksByService[task.serviceID] ?? 0) + sign
            usage.activeTasksByService[task.serviceID] = count == 0 ? nil : count
        }
        for port in task.hostPorts where port.publishMode == .host {
            guard let published = port.publishedPort, published != 0 else { continue }
            let key = HostPort(proto: port.proto, port: published)
            let count = (usage.hostPorts[key] ?? 0) + sign
            usage.hostPorts[key] = count == 0 ? nil : count
        }
        if !(usage.isEmpty && usage == NodeUsage()) { usageByNode[nodeID] = usage }
    }
}
