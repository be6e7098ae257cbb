import SimEngine

/// SwarmKit `orchestrator/taskinit.CheckTasks`, run when a manager becomes leader: repairs what
/// the previous leader left half done and rebuilds the restart supervisor's memory from the store.
public enum TaskInit {
    /// - Tasks of deleted services are deleted.
    /// - Tasks that stopped or sit on an invalid node are marked for restart (`FixTask`); global
    ///   tasks on invalid nodes are shut down.
    /// - Tasks left at desired READY are started after what remains of their restart delay
    ///   (measured from their status timestamp), or at once.
    /// - Restart history: in each slot, the tasks of the newest spec version after the first
    ///   count as restarts.
    public static func checkTasks(store: ClusterStore, now: SimInstant, replicated: inout ReplicatedOrchestrator,
                                  global: inout GlobalOrchestrator, restarts: inout RestartSupervisor) -> [StoreAction] {
        var actions: [StoreAction] = []
        var instances: [SlotKey: [TaskObject]] = [:]
        for task in store.tasksSorted {
            guard let service = store.service(task.serviceID) else {
                actions.append(.deleteTask(task.id))
                continue
            }
            let key: SlotKey
            if Orchestration.isReplicated(service) {
                key = SlotKey(serviceID: task.serviceID, slot: task.slot, nodeID: nil)
                replicated.handleTaskChange(task, store: store)
            } else if Orchestration.isGlobal(service) {
                key = SlotKey(serviceID: task.serviceID, slot: 0, nodeID: task.nodeID)
                actions += global.fixTask(task, store: store)
            } else {
                continue
            }
            // History only matters where MaxAttempts is set (`RecordRestartHistory` ignores the rest).
            if task.spec.restartPolicy.maxAttempts > 0 { instances[key, default: []].append(task) }

            // Desired READY is transient: the previous leader may not have started the task.
            guard task.desiredState == .ready, task.status.state <= .running else { continue }
            var delay = task.spec.restartPolicy.delay
            if delay != .zero {
                let remaining = (task.status.timestamp + delay) - now
                if remaining < delay { delay = remaining }
                if delay > .zero {
                    restarts.delayStart(oldTask: nil, newTaskID: task.id, delay: delay, waitStop: true, now: now)
                    continue
                }
            }
            actions.append(.setDesiredState(task.id, .running))
        }

        for key in instances.keys.sorted() {
            let tasks = instances[key]!
            let newest = tasks.map(\.specVersion).max() ?? 0
            let upToDate = tasks.filter { $0.specVersion == newest }.sorted { a, b in
                a.createdAt != b.createdAt ? a.createdAt < b.createdAt
                    : store.creationSequence(ofTask: a.id) < store.creationSequence(ofTask: b.id)
            }
            for task in upToDate.dropFirst() { restarts.recordRestartHistory(key, task: task) }
        }
        return actions
    }
}
