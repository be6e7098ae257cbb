import SimEngine
@testable import SimModels

/// Drives a `SwarmLeader` against an in-memory store the way the shell does: every batch it
/// returns is committed at once and fed back; time moves only when a test says so. Simulated
/// agents move tasks on when `runAgents` is called.
struct LeaderHarness {
    var store: ClusterStore
    var leader = SwarmLeader()
    var random = RandomStream(seed: 7)
    var now: SimInstant = .zero
    /// Every batch committed, in order.
    var committed: [[StoreAction]] = []

    init(store: ClusterStore) {
        self.store = store
    }

    init(nodes: [NodeObject], services: [ServiceObject] = [], tasks: [TaskObject] = []) {
        self.store = Fixture.store(nodes: nodes, services: services, tasks: tasks)
    }

    /// Commits `actions` (a control-API or dispatcher write, or a leader batch) and feeds the changes.
    mutating func commit(_ actions: [StoreAction]) {
        guard !actions.isEmpty else { return }
        committed.append(actions)
        let changes = store.apply(actions)
        leader.observe(changes, store: store, now: now)
    }

    /// Runs the leader until it has nothing more to do at this instant (scheduling included).
    mutating func settle(schedule: Bool = true) {
        for _ in 0..<200 {
            let batch = leader.nextBatch(store: store, now: now, random: &random)
            if !batch.isEmpty {
                commit(batch)
                continue
            }
            if schedule && leader.wantsScheduling(store: store) {
                commit(leader.schedule(store: store, now: now))
                continue
            }
            return
        }
        fatalError("leader did not settle")
    }

    /// Moves the clock to `instant`, stopping at every wake-up on the way, settling at each.
    mutating func advance(to instant: SimInstant, agents: Bool = false) {
        settle()
        while let wake = leader.nextWake(now: now), wake > now, wake <= instant {
            now = wake
            if agents { runAgents() }
            settle()
        }
        now = instant
        if agents { runAgents() }
        settle()
    }

    mutating func advance(by duration: SimDuration, agents: Bool = false) {
        advance(to: now + duration, agents: agents)
    }

    /// Simulated agents on nodes that are not DOWN: assigned tasks are prepared (desired READY)
    /// or started (desired RUNNING); tasks desired past RUNNING are shut down.
    mutating func runAgents() {
        var actions: [StoreAction] = []
        for task in store.tasksSorted {
            guard let nodeID = task.nodeID, let node = store.node(nodeID), node.status.state != .down else { continue }
            let state = task.status.state
            guard state >= .assigned, state <= .running else { continue }
            if task.desiredState > .running {
                actions.append(.updateTaskStatus(task.id, Fixture.status(.shutdown, "shutdown", at: now)))
            } else if task.desiredState == .running, state < .running {
                actions.append(.updateTaskStatus(task.id, Fixture.status(.running, "started", at: now)))
            } else if task.desiredState == .ready, state < .ready {
                actions.append(.updateTaskStatus(task.id, Fixture.status(.ready, "prepared", at: now)))
            }
        }
        commit(actions)
    }

    /// Settles, running agents between rounds until nothing moves.
    mutating func converge() {
        for _ in 0..<50 {
            settle()
            let before = store.changeCount
            runAgents()
            if store.changeCount == before { return }
        }
    }

    // MARK: - Test helpers

    mutating func setStatus(_ id: TaskID, _ state: TaskState, _ message: String = "") {
        commit([.updateTaskStatus(id, Fixture.status(state, message, at: now))])
    }

    mutating func setNode(_ name: String, state: NodeState) {
        commit([.updateNodeStatus(NodeID(name), NodeStatus(state: state))])
    }

    mutating func setNode(_ name: String, availability: NodeAvailability) {
        var spec = store.node(NodeID(name))!.spec
        spec.availability = availability
        commit([.updateNodeSpec(NodeID(name), spec)])
    }

    mutating func updateService(_ name: String, _ change: (inout ServiceSpec) -> Void) {
        let service = store.service(named: name)!
        var spec = service.spec
        change(&spec)
        commit([.updateService(service.updated(to: spec))])
    }

    func tasks(_ service: String) -> [TaskObject] {
        store.tasks(ofService: store.service(named: service)!.id)
    }

    /// Tasks of `service` desired RUNNING (or READY), the "current" ones.
    func live(_ service: String) -> [TaskObject] {
        tasks(service).filter { $0.desiredState <= .running }
    }

    func running(_ service: String) -> [TaskObject] {
        tasks(service).filter { $0.status.state == .running && $0.desiredState == .running }
    }

    func task(_ id: TaskID) -> TaskObject? { store.task(id) }
}
