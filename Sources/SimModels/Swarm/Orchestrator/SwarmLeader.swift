import SimEngine

/// The leader's decision logic in one value: allocator, scheduler, replicated and global
/// orchestrators, restart and update supervisors, task reaper. No I/O and no timers of its own:
/// the shell feeds it committed changes and the clock, proposes the actions it returns through
/// Raft, and calls it again when they are committed or when a wake-up time comes.
///
/// How the shell drives it (one instance per leadership term; create it when the manager becomes
/// leader and has applied its whole log, drop it when leadership is lost):
///
/// 1. After every batch applied to the leader's store (from any proposer), call
///    `observe(changes, store:, now:)` with the changes `ClusterStore.apply` returned.
/// 2. Whenever none of its own proposals is in flight, call `nextBatch(store:now:random:)`; if the
///    result is not empty, propose it as one Raft entry and call `nextBatch` again once it is
///    committed and applied (after `observe`). Never call `nextBatch` while its previous batch is
///    uncommitted: the orchestrators read the committed store, as SwarmKit's do under the store
///    lock, and would act twice. If a proposal is dropped, call `nextBatch` again.
/// 3. Arm a timer at `nextWake(now:)` and call `nextBatch` when it fires (restart delays, update
///    delays and monitor periods, the reaper's batching). A wake-up at or before `now` means
///    "call again as soon as nothing is in flight".
/// 4. Scheduling is debounced by the shell as SwarmKit does: when `wantsScheduling(store:)` is
///    true after a commit, (re)start a 50 ms timer, but run at most 1 s after the first request;
///    then call `schedule(store:now:)` and propose its actions, with the same one-in-flight rule
///    (it may share the in-flight slot with `nextBatch` or have its own).
public struct SwarmLeader: Sendable {
    public var allocator = Allocator()
    public var scheduler = Scheduler()
    public var replicated = ReplicatedOrchestrator()
    public var global = GlobalOrchestrator()
    public var restarts = RestartSupervisor()
    public var updates = UpdateSupervisor()
    public var reaper = TaskReaper()
    public private(set) var initialized = false

    public init() {}

    // MARK: - Events

    /// Feeds committed changes to every component. Cheap; call after every applied batch.
    public mutating func observe(_ changes: [StoreChange], store: ClusterStore, now: SimInstant) {
        guard !changes.isEmpty else { return }
        restarts.observe(changes)
        replicated.observe(changes, store: store, restarts: &restarts, updates: &updates)
        global.observe(changes, store: store, restarts: &restarts, updates: &updates)
        updates.observe(changes, now: now)
        reaper.observe(changes, now: now)
        allocator.observe(changes, store: store)
        scheduler.observe(changes, now: now)
    }

    // MARK: - Orchestration, allocation, reaping

    /// The next batch of actions to propose, or none. The first call after becoming leader
    /// repairs the store (`TaskInit.checkTasks`) and rebuilds the components' memory.
    ///
    /// Orchestration runs in SwarmKit's order, one stage per batch so that each stage reads the
    /// previous stage's committed result: (A) replacements whose delay is over are started and
    /// stopped tasks restarted; (B) services reconciled (scaling, global placement, update starts);
    /// (C) rolling updates advanced. Allocator and reaper work rides along with any batch.
    public mutating func nextBatch(store: ClusterStore, now: SimInstant, random: inout RandomStream) -> [StoreAction] {
        if !initialized {
            initialized = true
            let repairs = TaskInit.checkTasks(store: store, now: now, replicated: &replicated, global: &global, restarts: &restarts)
            replicated.start(store: store)
            global.start(store: store)
            reaper.start(store: store, now: now)
            allocator.start(store: store)
            if !repairs.isEmpty { return repairs }
        }

        restarts.beginBatch()
        var actions = restarts.fireDueStarts(store: store, now: now, random: &random)
        actions += replicated.tickTasks(store: store, now: now, random: &random, restarts: &restarts)
        actions += global.tickTasks(store: store, now: now, random: &random, restarts: &restarts)
        if actions.isEmpty {
            actions += replicated.tickServices(store: store, now: now, random: &random, restarts: restarts, updates: &updates)
            actions += global.tickServices(store: store, now: now, random: &random, restarts: restarts, updates: &updates)
        }
        if actions.isEmpty {
            actions += updates.advance(store: store, now: now, random: &random, restarts: &restarts)
        }
        actions += reaper.tick(store: store, now: now)
        actions += allocator.allocate(store: store, now: now)
        return actions
    }

    /// When `nextBatch` should be called again without new changes: now if work is queued, else
    /// the earliest timer (restart delay, update delay or monitor, reaper batch); nil if idle.
    public func nextWake(now: SimInstant) -> SimInstant? {
        if !initialized || replicated.hasWork || global.hasWork || allocator.hasWork { return now }
        return [restarts.nextWake, updates.nextWake, reaper.nextWake].compactMap { $0 }.min().map { max($0, now) }
    }

    // MARK: - Scheduling

    /// Whether a scheduling pass would have something to do (start the debounce timer).
    public func wantsScheduling(store: ClusterStore) -> Bool {
        scheduler.wantsToRun(store: store)
    }

    /// One scheduling pass (after the shell's debounce).
    public mutating func schedule(store: ClusterStore, now: SimInstant) -> [StoreAction] {
        scheduler.schedule(store: store, now: now)
    }
}
