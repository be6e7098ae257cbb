import SimEngine

/// SwarmKit's task reaper (`orchestrator/taskreaper/task_reaper.go`): keeps at most
/// `TaskHistoryRetentionLimit` tasks per slot (per node for global services; `MaxAttempts + 1`
/// when the restart policy sets MaxAttempts), deleting the oldest first by status timestamp, and
/// only tasks that stopped (state above RUNNING) or will never run (state below ASSIGNED and
/// desired above RUNNING). Tasks desired REMOVE (scale-down, service delete) are deleted once
/// they are below ASSIGNED or at least COMPLETE.
///
/// Like SwarmKit it batches: it acts 250 ms after the last task or cluster event, or at once when
/// more than 1000 slots and tasks are waiting.
public struct TaskReaper: Sendable {
    public static let batchingInterval = SimDuration.milliseconds(250)
    public static let maxDirty = 1000
    public static let defaultHistoryLimit = 5

    public private(set) var dirtySlots: Set<SlotKey> = []
    var cleanup: [TaskID] = []
    var cleanupSet: Set<TaskID> = []
    /// When the next tick is due; nil when there is nothing to do.
    public private(set) var dueAt: SimInstant?

    public init() {}

    public var hasWork: Bool { !dirtySlots.isEmpty || !cleanup.isEmpty }

    /// On a new leader: tasks desired REMOVE that can go are collected for an immediate tick.
    public mutating func start(store: ClusterStore, now: SimInstant) {
        for task in store.tasksSorted where task.desiredState == .remove {
            if task.status.state < .assigned || task.status.state >= .complete { addCleanup(task.id) }
        }
        if !cleanup.isEmpty { dueAt = now }
    }

    mutating func addCleanup(_ id: TaskID) {
        if cleanupSet.insert(id).inserted { cleanup.append(id) }
    }

    public mutating func observe(_ changes: [StoreChange], now: SimInstant) {
        var sawEvent = false
        for change in changes {
            switch change {
            case let .taskCreated(task):
                dirtySlots.insert(SlotKey(task))
                sawEvent = true
            case let .taskUpdated(_, task):
                if task.desiredState == .remove && (task.status.state < .assigned || task.status.state >= .complete) {
                    addCleanup(task.id)
                }
                sawEvent = true
            case .clusterUpdated:
                sawEvent = true
            default:
                break
            }
        }
        guard sawEvent else { return }
        if dirtySlots.count + cleanup.count > Self.maxDirty {
            dueAt = now
        } else if hasWork {
            // Every event pushes the batch back, as SwarmKit resets its timer.
            dueAt = now + Self.batchingInterval
        }
    }

    /// Deletes what is due; nothing before `dueAt`.
    public mutating func tick(store: ClusterStore, now: SimInstant) -> [StoreAction] {
        guard let due = dueAt, now >= due else { return [] }
        dueAt = nil
        var deletions: [TaskID] = []
        var deleting = Set<TaskID>()
        func delete(_ id: TaskID) {
            if deleting.insert(id).inserted { deletions.append(id) }
        }
        for id in cleanup { delete(id) }
        cleanup = []
        cleanupSet = []

        let configuredLimit = store.cluster?.taskHistoryRetentionLimit ?? Self.defaultHistoryLimit
        for key in dirtySlots.sorted() {
            guard let service = store.service(key.serviceID) else {
                dirtySlots.remove(key)
                continue
            }
            var limit = configuredLimit
            if limit < 0 {
                dirtySlots.remove(key)
                continue
            }
            let maxAttempts = service.spec.task.restartPolicy.maxAttempts
            if maxAttempts > 0 { limit = maxAttempts + 1 }

            let history: [TaskObject]
            if Orchestration.isGlobal(service) {
                guard let node = key.nodeID else { dirtySlots.remove(key); continue }
                history = store.tasks(onNode: node).filter { $0.serviceID == key.serviceID }
            } else {
                history = store.tasks(inSlot: key)
            }
            if history.count <= limit {
                dirtySlots.remove(key)
                continue
            }
            var running = 0
            for task in Orchestration.sortedByTimestamp(history, store: store) {
                if task.status.state > .running || (task.status.state < .assigned && task.desiredState > .running) {
                    delete(task.id)
                    limit += 1
                    if history.count <= limit { break }
                } else {
                    running += 1
                }
            }
            // Keep the slot dirty while it holds more than one running task: it is cleaned when
            // one of them stops.
            if running <= 1 { dirtySlots.remove(key) }
        }
        return deletions.map { .deleteTask($0) }
    }

    public var nextWake: SimInstant? { dueAt }
}
