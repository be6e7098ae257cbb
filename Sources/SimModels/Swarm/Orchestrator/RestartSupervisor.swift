import SimEngine

/// SwarmKit's restart supervisor (`orchestrator/restart/restart.go`): replaces stopped tasks
/// according to the restart policy and holds replacements at desired READY until their delay
/// has passed and, when asked to, until the task they replace has stopped.
///
/// Its memory (pending delayed starts, restart history) lives on the leader only; a new leader
/// rebuilds it from the store (`TaskInit.checkTasks`).
public struct RestartSupervisor: Sendable {
    /// How long a replacement waits for the old task to stop (`defaultOldTaskTimeout`).
    public static let oldTaskTimeout = SimDuration.minutes(1)

    /// A replacement waiting to be moved to desired RUNNING.
    public struct DelayedStart: Equatable, Sendable {
        public var oldTaskID: TaskID?
        public var oldNodeID: NodeID?
        /// End of the restart delay.
        public var notBefore: SimInstant
        /// Whether the start also waits for the old task to stop (or its node to go DOWN or away).
        public var waitsForOldTask: Bool
        public var oldTaskStopped = false
        /// When waiting for the old task gives up (1 min after the delayed start began).
        public var timeoutAt: SimInstant
        /// A restart of this very task is waiting for this delay to end (tight-loop protection).
        public var restartWaiting = false

        func isDue(at now: SimInstant) -> Bool {
            now >= notBefore && (!waitsForOldTask || oldTaskStopped || now >= timeoutAt)
        }

        var nextInstant: SimInstant {
            if !waitsForOldTask || oldTaskStopped { return notBefore }
            return max(notBefore, timeoutAt)
        }
    }

    struct RestartInfo: Equatable, Sendable {
        var totalRestarts = 0
        /// Restart times within the window (only kept when MaxAttempts and Window are both set).
        var restartedAt: [SimInstant] = []
        var specVersion: Int
    }

    public private(set) var delays: [TaskID: DelayedStart] = [:]
    var history: [ServiceID: [SlotKey: RestartInfo]] = [:]
    var waitingOnTask: [TaskID: Set<TaskID>] = [:]
    var waitingOnNode: [NodeID: Set<TaskID>] = [:]
    /// Tasks restarted in the batch being built: SwarmKit restarts each in its own transaction and
    /// the second one finds the task already shut down.
    var restartedInBatch: Set<TaskID> = []
    /// Replicated slots given a replacement in the batch being built (see `restart`).
    var replacedSlotsInBatch: Set<SlotKey> = []

    public init() {}

    /// Starts a new batch of actions (forgets which tasks the previous batch restarted).
    public mutating func beginBatch() {
        restartedInBatch = []
        replacedSlotsInBatch = []
    }

    // MARK: - Restart

    /// Replaces `task` if its restart policy says so (SwarmKit `Supervisor.Restart`): the old task
    /// goes to desired SHUTDOWN; the replacement is created in the same slot (global: same node)
    /// at desired READY and started after the restart delay (none if the old node is drained),
    /// and, unless the old node is DOWN or the old task already stopped, after the old task stops
    /// (at most 1 min).
    public mutating func restart(_ task: TaskObject, service: ServiceObject, store: ClusterStore,
                                 now: SimInstant, random: inout RandomStream) -> [StoreAction] {
        if delays[task.id] != nil {
            // The task is itself a replacement still in its delayed start: wait for it to end.
            delays[task.id]!.restartWaiting = true
            return []
        }
        guard task.desiredState <= .running, restartedInBatch.insert(task.id).inserted else { return [] }
        var actions: [StoreAction] = [.setDesiredState(task.id, .shutdown)]
        var stopped = task
        stopped.desiredState = .shutdown
        guard shouldRestart(stopped, service: service) else { return actions }

        let replacement: TaskObject
        if Orchestration.isGlobal(service) {
            replacement = Orchestration.newTask(for: service, slot: 0, nodeID: task.nodeID, now: now, random: &random)
        } else {
            replacement = Orchestration.newTask(for: service, slot: task.slot, nodeID: nil, now: now, random: &random)
        }
        var restartTask = replacement
        restartTask.desiredState = .ready
        // One task to run per slot. SwarmKit replaces every task it restarts, so a slot that
        // holds two (a start-first update's old and new task) can end up running two for good
        // (`2/1`), which SCENARIO_FORMAT §8 rules out: a task is only shut down when another one
        // still holds its slot, or its slot was already given a replacement in this batch (a node
        // went down under both).
        if !Orchestration.isGlobal(service),
           slotIsHeld(besides: task, store: store) || !replacedSlotsInBatch.insert(SlotKey(restartTask)).inserted {
            return actions
        }

        let node = task.nodeID.flatMap { store.node($0) }
        // The restart delay is not applied on drained nodes.
        let delay = node?.spec.availability == .drain ? SimDuration.zero : task.spec.restartPolicy.delay
        // Normally wait for the old task to stop, unless it already did or its node is down.
        let waitStop = !((node?.status.state == .down) || task.status.state > .running)

        actions.append(.createTask(restartTask))
        recordRestartHistory(SlotKey(restartTask), task: restartTask)
        delayStart(oldTask: task, newTaskID: restartTask.id, delay: delay, waitStop: waitStop, now: now)
        return actions
    }

    /// Whether another task of `task`'s slot is still meant to run there: desired at most RUNNING,
    /// not failed, not restarted in this batch, and on a node that is up and active.
    func slotIsHeld(besides task: TaskObject, store: ClusterStore) -> Bool {
        store.tasks(inSlot: SlotKey(task)).contains { other in
            other.id != task.id && other.desiredState <= .running && other.status.state <= .running
                && !restartedInBatch.contains(other.id)
                && (other.nodeID == nil || !Orchestration.isInvalid(store.node(other.nodeID!)))
        }
    }

    /// SwarmKit `ShouldRestart`: condition `none` never restarts, `on-failure` not after a clean
    /// exit; with MaxAttempts, restarts of this slot (node, for global) and spec version are
    /// counted, within the window if one is set.
    public func shouldRestart(_ task: TaskObject, service: ServiceObject) -> Bool {
        let policy = task.spec.restartPolicy
        switch policy.condition {
        case .none: return false
        case .onFailure: if task.status.state == .complete { return false }
        case .any: break
        }
        guard policy.maxAttempts > 0 else { return true }
        let key = SlotKey(serviceID: task.serviceID, slot: task.slot, nodeID: Orchestration.isGlobal(service) ? task.nodeID : nil)
        guard let info = history[task.serviceID]?[key], info.specVersion == task.specVersion else { return true }
        guard policy.window > .zero else { return info.totalRestarts < policy.maxAttempts }
        guard !info.restartedAt.isEmpty else { return true }
        // Restarts within [timestamp − window, timestamp) of the task's last status change.
        let timestamp = task.status.timestamp
        let lookback = timestamp - policy.window
        let recent = info.restartedAt.filter { $0 > lookback && $0 < timestamp }.count
        return recent < policy.maxAttempts
    }

    /// SwarmKit `UpdatableTasksInSlot`: the slot's tasks desired at most RUNNING, or else its
    /// newest task if that one should not be restarted (so that a rolling update still reaches
    /// it), except during a rollback. Empty means the slot is dead.
    public func updatableTasks(inSlot slot: [TaskObject], service: ServiceObject) -> [TaskObject] {
        guard !slot.isEmpty else { return [] }
        let runnable = slot.filter { $0.desiredState <= .running }
        if !runnable.isEmpty { return runnable }
        if service.updateStatus?.state == .rollbackStarted { return [] }
        var newest = slot[0]
        for task in slot.dropFirst() where task.status.timestamp > newest.status.timestamp { newest = task }
        return shouldRestart(newest, service: service) ? [] : [newest]
    }

    /// Counts a restart of `key` (SwarmKit `RecordRestartHistory`), at the replacement's creation.
    public mutating func recordRestartHistory(_ key: SlotKey, task: TaskObject) {
        let policy = task.spec.restartPolicy
        guard policy.maxAttempts > 0 else { return }
        var info = history[task.serviceID]?[key] ?? RestartInfo(specVersion: task.specVersion)
        if info.specVersion != task.specVersion {
            // The service changed: past failures don't count against the new definition.
            info = RestartInfo(specVersion: task.specVersion)
        }
        info.totalRestarts += 1
        if policy.window > .zero {
            info.restartedAt.removeAll { task.createdAt - $0 > policy.window }
            info.restartedAt.append(task.createdAt)
        }
        history[task.serviceID, default: [:]][key] = info
    }

    /// Forgets the restart history of a deleted service.
    public mutating func clearServiceHistory(_ serviceID: ServiceID) {
        history[serviceID] = nil
    }

    // MARK: - Delayed starts

    /// Holds `newTaskID` at desired READY until `now + delay` and, if `waitStop` and the old task
    /// is still running, until the old task stops, its node goes DOWN or is deleted, or 1 min passes
    /// (SwarmKit `DelayStart`). Replaces an earlier delayed start of the same task.
    public mutating func delayStart(oldTask: TaskObject?, newTaskID: TaskID, delay: SimDuration, waitStop: Bool, now: SimInstant) {
        cancel(newTaskID)
        let waitForOld = waitStop && oldTask != nil && oldTask!.status.state <= .running
        let entry = DelayedStart(oldTaskID: waitForOld ? oldTask!.id : nil, oldNodeID: waitForOld ? oldTask!.nodeID : nil,
                                 notBefore: now + delay, waitsForOldTask: waitForOld,
                                 timeoutAt: now + Self.oldTaskTimeout)
        delays[newTaskID] = entry
        if waitForOld {
            waitingOnTask[oldTask!.id, default: []].insert(newTaskID)
            if let node = oldTask!.nodeID { waitingOnNode[node, default: []].insert(newTaskID) }
        }
    }

    /// Whether `taskID` is still in its delayed start.
    public func isDelayed(_ taskID: TaskID) -> Bool { delays[taskID] != nil }

    /// Cancels a pending delayed start.
    public mutating func cancel(_ taskID: TaskID) {
        guard let entry = delays.removeValue(forKey: taskID) else { return }
        if let old = entry.oldTaskID {
            waitingOnTask[old]?.remove(taskID)
            if waitingOnTask[old]?.isEmpty == true { waitingOnTask[old] = nil }
        }
        if let node = entry.oldNodeID {
            waitingOnNode[node]?.remove(taskID)
            if waitingOnNode[node]?.isEmpty == true { waitingOnNode[node] = nil }
        }
    }

    /// Notes old tasks that stopped and nodes that went DOWN or away; drops delayed starts of
    /// deleted tasks.
    public mutating func observe(_ changes: [StoreChange]) {
        for change in changes {
            switch change {
            case let .taskUpdated(_, task) where task.status.state > .running:
                for id in waitingOnTask[task.id] ?? [] { delays[id]?.oldTaskStopped = true }
            case let .nodeUpdated(_, node) where node.status.state == .down:
                for id in waitingOnNode[node.id] ?? [] { delays[id]?.oldTaskStopped = true }
            case let .nodeDeleted(node):
                for id in waitingOnNode[node.id] ?? [] { delays[id]?.oldTaskStopped = true }
            case let .taskDeleted(task):
                cancel(task.id)
            default:
                break
            }
        }
    }

    /// Starts the replacements whose wait is over (SwarmKit `StartNow`: desired READY → RUNNING),
    /// then performs restarts that were waiting for those delays.
    public mutating func fireDueStarts(store: ClusterStore, now: SimInstant, random: inout RandomStream) -> [StoreAction] {
        let due = delays.filter { $0.value.isDue(at: now) }.keys.sorted()
        guard !due.isEmpty else { return [] }
        var actions: [StoreAction] = []
        var waiters: [TaskID] = []
        for id in due {
            if delays[id]!.restartWaiting { waiters.append(id) }
            cancel(id)
            if let task = store.task(id), task.desiredState < .running {
                actions.append(.setDesiredState(id, .running))
            }
        }
        for id in waiters {
            guard let task = store.task(id), task.desiredState <= .running, let service = store.service(task.serviceID) else { continue }
            actions += restart(task, service: service, store: store, now: now, random: &random)
        }
        return actions
    }

    /// The next instant at which a delayed start may become due.
    public var nextWake: SimInstant? {
        delays.values.map(\.nextInstant).min()
    }
}
