import SimEngine

/// SwarmKit's update supervisor (`orchestrator/update/updater.go`): one rolling update per
/// service, as a state machine advanced by the leader instead of goroutines.
///
/// An update takes the slots the orchestrator hands it, keeps the dirty ones, marks the service
/// UPDATING ("update in progress") and lets `parallelism` workers replace slot after slot: a new
/// task at desired READY, started once the old one stopped (stop-first) or at once with the old
/// one stopped when the new one runs (start-first); each worker waits for its task to reach
/// RUNNING and then sleeps `delay`. Tasks of the update that fail before RUNNING or within
/// `monitor` after it count as failures; above `maxFailureRatio` the failure action pauses,
/// rolls back (`spec = previousSpec`) or, for `continue`, nothing. After the last slot the update
/// watches one more monitor period, then completes ("update completed" / "rollback completed").
public struct UpdateSupervisor: Sendable {
    public private(set) var updaters: [ServiceID: Updater] = [:]

    public init() {}

    public var hasWork: Bool { !updaters.isEmpty }

    /// Starts an update of `slots` towards `service`, unless one already works towards the same
    /// spec; a different one is cancelled first (SwarmKit `Supervisor.Update`).
    public mutating func update(service: ServiceObject, slots: [[TaskObject]], now: SimInstant) {
        if let existing = updaters[service.id], !existing.isFinished, existing.newService.spec == service.spec {
            return
        }
        updaters[service.id] = Updater(service: service, slots: slots)
    }

    /// Cancels the update of a service (deleted, or superseded).
    public mutating func cancel(_ serviceID: ServiceID) {
        updaters[serviceID] = nil
    }

    /// Feeds committed task changes to the running updates (task progress and failures).
    public mutating func observe(_ changes: [StoreChange], now: SimInstant) {
        guard !updaters.isEmpty else { return }
        for change in changes {
            guard case let .taskUpdated(_, task) = change, updaters[task.serviceID] != nil else { continue }
            updaters[task.serviceID]!.observe(task, now: now)
        }
    }

    /// Advances every update; returns the store actions to propose.
    public mutating func advance(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                                 restarts: inout RestartSupervisor) -> [StoreAction] {
        var actions: [StoreAction] = []
        for id in updaters.keys.sorted() {
            actions += updaters[id]!.advance(store: store, now: now, random: &random, restarts: &restarts)
            if updaters[id]!.isFinished { updaters[id] = nil }
        }
        return actions
    }

    /// The earliest instant an update has something to do without new changes.
    public var nextWake: SimInstant? {
        updaters.values.compactMap(\.nextWake).min()
    }
}

/// One rolling update of one service.
public struct Updater: Sendable {
    enum Worker: Equatable, Sendable {
        case idle
        /// Waiting for the restart supervisor to start `task`; then, if `waitRunning`, for it to run.
        case waitingForStart(task: TaskID, slot: [TaskID], startFirst: Bool, waitRunning: Bool)
        /// Waiting for `task` to reach RUNNING (no timeout, as in SwarmKit).
        case waitingForRunning(task: TaskID, slot: [TaskID], startFirst: Bool)
        case sleeping(until: SimInstant)
    }

    public let newService: ServiceObject
    let slots: [[TaskObject]]
    var started = false
    public private(set) var isFinished = false
    var dirtySlots: [[TaskObject]] = []
    var nextSlot = 0
    var workers: [Worker] = []
    var config = UpdateConfig()
    var isRollback = false
    /// Tasks created by this update, with the time they reached RUNNING.
    var updatedTasks: [TaskID: SimInstant?] = [:]
    var failedTasks: Set<TaskID> = []
    public private(set) var totalFailures = 0
    /// A failure action fired: no more slots are dispatched.
    var stopped = false
    var monitorUntil: SimInstant?
    /// The monitoring period; lengthened to `delay + 1 s` for the final watch when the delay is at
    /// least the monitor (SwarmKit changes the one variable both uses read).
    var monitorPeriod = SimDuration.seconds(5)
    var pendingActions: [StoreAction] = []

    init(service: ServiceObject, slots: [[TaskObject]]) {
        self.newService = service
        self.slots = slots
    }

    var serviceID: ServiceID { newService.id }

    /// The time the final monitoring period ends, once all slots are done.
    public var monitoringEnds: SimInstant? { monitorUntil }

    var nextWake: SimInstant? {
        if isFinished { return nil }
        if !started || !pendingActions.isEmpty { return .zero }
        var wake: SimInstant? = monitorUntil
        for worker in workers {
            if case let .sleeping(until) = worker { wake = min(wake ?? until, until) }
        }
        return wake
    }

    // MARK: - Events

    mutating func observe(_ task: TaskObject, now: SimInstant) {
        guard started, !isFinished else { return }
        if let entry = updatedTasks[task.id], entry == nil, task.status.state >= .running {
            updatedTasks[task.id] = .some(now)
        }
        if task.status.state > .running, config.failureAction != .continue, !stopped {
            failureTriggersAction(task, now: now)
        }
    }

    /// SwarmKit `failureTriggersAction`.
    mutating func failureTriggersAction(_ task: TaskObject, now: SimInstant) {
        guard !failedTasks.contains(task.id), let entry = updatedTasks[task.id] else { return }
        if let startedAt = entry, now - startedAt > monitorPeriod { return }
        failedTasks.insert(task.id)
        totalFailures += 1
        guard Double(totalFailures) / Double(max(dirtySlots.count, 1)) > config.maxFailureRatio else { return }
        switch config.failureAction {
        case .pause:
            stopped = true
            pendingActions.append(.changeUpdateStatus(serviceID, .pause(message: "update paused due to failure or early termination of task \(task.id)")))
        case .rollback:
            stopped = true
            if isRollback {
                // Never roll back a rollback. (SwarmKit forgets to stop here and later marks the
                // update COMPLETED; unreachable with Docker's CLI, which refuses a rollback
                // failure action of "rollback". We stop.)
                pendingActions.append(.changeUpdateStatus(serviceID, .pause(message: "rollback paused due to failure or early termination of task \(task.id)")))
            } else {
                pendingActions.append(.changeUpdateStatus(serviceID, .rollback(message: "update rolled back due to failure or early termination of task \(task.id)", at: now)))
            }
        case .continue:
            break
        }
    }

    // MARK: - Progress

    mutating func advance(store: ClusterStore, now: SimInstant, random: inout RandomStream,
                          restarts: inout RestartSupervisor) -> [StoreAction] {
        guard !isFinished else { return [] }
        var actions: [StoreAction] = []
        if !started {
            started = true
            let status = newService.updateStatus?.state
            if status == .paused || status == .rollbackPaused {
                isFinished = true
                return []
            }
            dirtySlots = slots.filter { isSlotDirty($0, store: store) }
            if dirtySlots.isEmpty {
                if status == .updating || status == .rollbackStarted {
                    actions.append(.changeUpdateStatus(serviceID, .complete(at: now)))
                }
                isFinished = true
                return actions
            }
            if newService.updateStatus == nil {
                actions.append(.changeUpdateStatus(serviceID, .start(at: now)))
            }
            isRollback = status == .rollbackStarted
            config = isRollback ? newService.spec.rollback : newService.spec.update
            monitorPeriod = config.monitor
            let parallelism = config.parallelism == 0 ? dirtySlots.count : config.parallelism
            workers = Array(repeating: .idle, count: parallelism)
        }
        actions += pendingActions
        pendingActions = []

        for i in workers.indices {
            actions += step(worker: i, store: store, now: now, random: &random, restarts: &restarts)
        }

        let allIdle = workers.allSatisfy { $0 == .idle }
        if allIdle && (stopped || nextSlot >= dirtySlots.count) {
            if stopped {
                isFinished = true
            } else if let until = monitorUntil {
                if now >= until {
                    actions.append(.changeUpdateStatus(serviceID, .complete(at: now)))
                    isFinished = true
                }
            } else {
                // Keep watching for failures one more monitoring period; if the delay is at least
                // the monitor period, the delay plus 1 s (SwarmKit `updater.go`).
                if config.delay >= monitorPeriod { monitorPeriod = config.delay + .seconds(1) }
                monitorUntil = now + monitorPeriod
            }
        }
        return actions
    }

    /// Moves one worker on as far as it can go now.
    mutating func step(worker i: Int, store: ClusterStore, now: SimInstant, random: inout RandomStream,
                       restarts: inout RestartSupervisor) -> [StoreAction] {
        var actions: [StoreAction] = []
        while true {
            switch workers[i] {
            case .idle:
                guard !stopped, nextSlot < dirtySlots.count else { return actions }
                let slot = dirtySlots[nextSlot]
                nextSlot += 1
                actions += startSlot(slot, worker: i, store: store, now: now, random: &random, restarts: &restarts)
            case let .waitingForStart(task, slot, startFirst, waitRunning):
                if restarts.isDelayed(task) { return actions }
                workers[i] = waitRunning ? .waitingForRunning(task: task, slot: slot, startFirst: startFirst) : afterSlot(now)
            case let .waitingForRunning(taskID, slot, startFirst):
                // SwarmKit waits without timeout; a task that disappeared is treated as done here.
                if let task = store.task(taskID) {
                    guard task.status.state >= .running else { return actions }
                    if updatedTasks[taskID] == .some(nil) { updatedTasks[taskID] = .some(now) }
                    if startFirst && task.status.state == .running {
                        actions += removeOldTasks(slot.filter { $0 != taskID }, store: store).actions
                    }
                }
                workers[i] = afterSlot(now)
            case let .sleeping(until):
                guard now >= until else { return actions }
                workers[i] = .idle
            }
        }
    }

    func afterSlot(_ now: SimInstant) -> Worker {
        config.delay > .zero ? .sleeping(until: now + config.delay) : .idle
    }

    /// SwarmKit's worker body for one slot.
    ///
    /// The slot is read as it is in the store when a worker reaches it, not as it was when the
    /// update began: with `delay` between batches that can be minutes later, and meanwhile the
    /// restart supervisor may have replaced the slot's task (its node went down). SwarmKit's
    /// worker works from the snapshot and would create a second task beside the replacement,
    /// leaving two tasks desired RUNNING in one slot (`docker service ls` shows `2/1`), which
    /// SCENARIO_FORMAT §8 rules out; read afresh, the replacement (already of the new spec) is
    /// the slot's clean task and is kept. A slot that no longer exists (scaled down) is skipped.
    mutating func startSlot(_ snapshot: [TaskObject], worker i: Int, store: ClusterStore, now: SimInstant,
                            random: inout RandomStream, restarts: inout RestartSupervisor) -> [StoreAction] {
        let first = snapshot[0]
        let key = SlotKey(serviceID: first.serviceID, slot: first.slot, nodeID: first.nodeID)
        let current = restarts.updatableTasks(inSlot: store.tasks(inSlot: key), service: newService)
        guard !current.isEmpty else { return [] }
        var runningTask: TaskObject?
        var cleanTask: TaskObject?
        for task in current where !isTaskDirty(task, store: store) {
            if task.desiredState == .running {
                runningTask = task
                break
            }
            if task.desiredState < .running { cleanTask = task }
        }
        if let existing = runningTask ?? cleanTask {
            // Keep the clean task, shut the others down.
            let others = current.filter { $0.id != existing.id }
            var actions: [StoreAction] = []
            var oldTask: TaskObject?
            if !others.isEmpty {
                let removed = removeOldTasks(others.map(\.id), store: store)
                actions += removed.actions
                oldTask = removed.last
            }
            if existing.desiredState != .running {
                restarts.delayStart(oldTask: oldTask, newTaskID: existing.id, delay: .zero, waitStop: true, now: now)
                workers[i] = .waitingForStart(task: existing.id, slot: [], startFirst: false, waitRunning: false)
            } else {
                workers[i] = afterSlot(now)
            }
            return actions
        }

        var updated = Orchestration.newTask(for: newService, slot: first.slot,
                                            nodeID: Orchestration.isGlobal(newService) ? first.nodeID : nil,
                                            now: now, random: &random)
        updated.desiredState = .ready
        updatedTasks[updated.id] = .some(nil)
        var actions: [StoreAction] = [.createTask(updated)]
        let startFirst = config.order == .startFirst
        if startFirst {
            restarts.delayStart(oldTask: nil, newTaskID: updated.id, delay: .zero, waitStop: true, now: now)
        } else {
            let removed = removeOldTasks(current.map(\.id), store: store)
            actions += removed.actions
            restarts.delayStart(oldTask: removed.last, newTaskID: updated.id, delay: .zero, waitStop: true, now: now)
        }
        workers[i] = .waitingForStart(task: updated.id, slot: current.map(\.id), startFirst: startFirst, waitRunning: true)
        return actions
    }

    /// SwarmKit `removeOldTasks`: desired SHUTDOWN for each task still desired at most RUNNING;
    /// returns one of them for the replacement to wait on.
    func removeOldTasks(_ ids: [TaskID], store: ClusterStore) -> (actions: [StoreAction], last: TaskObject?) {
        var actions: [StoreAction] = []
        var last: TaskObject?
        for id in ids {
            guard let task = store.task(id), task.desiredState <= .running else { continue }
            actions.append(.setDesiredState(id, .shutdown))
            last = task
        }
        return (actions, last)
    }

    func isTaskDirty(_ task: TaskObject, store: ClusterStore) -> Bool {
        Orchestration.isTaskDirty(task, service: newService, node: task.nodeID.flatMap { store.node($0) })
    }

    func isSlotDirty(_ slot: [TaskObject], store: ClusterStore) -> Bool {
        slot.count > 1 || (slot.count == 1 && isTaskDirty(slot[0], store: store))
    }
}
