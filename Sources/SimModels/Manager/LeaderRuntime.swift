import SimEngine

/// What runs only on the leader, once it has applied its whole log: the dispatcher and the
/// decision logic (`SwarmLeader`: allocator, scheduler, orchestrators, restart and update
/// supervisors, task reaper), plus joins. Stopped when leadership is lost.
///
/// It drives `SwarmLeader` as that type documents: changes in after every applied batch, one
/// batch of its actions in flight at a time, wake-ups at its timers, and scheduling debounced
/// 50 ms after the last change but at most 1 s after the first.
///
/// Its work is scheduled as a `HostComponent`'s: each event holds it strongly and is dropped once
/// it stopped, rather than holding it weakly: a weakly referenced object gets a side table, and
/// every retain of it (one per heartbeat the dispatcher serves) takes the runtime's slow path.
/// The same goes for the dispatcher.
public final class LeaderRuntime: HostComponent {
    /// SwarmKit's scheduler debounce (`scheduler.go`).
    static let scheduleDebounce = SimDuration.milliseconds(50)
    static let scheduleMaxLatency = SimDuration.seconds(1)

    public private(set) var leader = SwarmLeader()
    public private(set) var dispatcher: Dispatcher!
    private(set) var roleManager: RoleManager
    unowned let manager: ManagerNode
    private var random: RandomStream
    private var batchInFlight = false
    private var scheduleInFlight = false
    private var wakeTimer: TimerID?
    private var wakeAt: SimInstant?
    private var scheduleTimer: TimerID?
    private var scheduleRequestedAt: SimInstant?
    private var running = false

    private var simulation: Simulation { manager.simulation }
    public var host: Host { manager.host }
    public var isRunning: Bool { running }

    init(manager: ManagerNode) {
        self.manager = manager
        random = manager.simulation.stream(named: "leader/\(manager.host.name)/\(manager.raft.node.term)")
        roleManager = RoleManager(manager: manager)
        dispatcher = Dispatcher(
            simulation: manager.simulation, host: manager.host,
            heartbeatPeriod: manager.store.cluster?.heartbeatPeriod ?? manager.world.heartbeatPeriod,
            store: { [unowned manager] in manager.store },
            send: { [network = manager.simulation.network, id = manager.host.id] message, destination in
                network.send(message, from: id, to: destination)
            },
            managerHosts: { [unowned manager] in manager.memberHosts },
            propose: { [unowned manager] writes, completion in
                manager.propose(writes.flatMap(StoreAction.actions(for:)), completion: completion)
            })
    }

    /// Starts the subsystems; `ready` runs once the swarm's first objects are committed.
    func start(ready: @escaping () -> Void = {}) {
        running = true
        bootstrapStoreIfNeeded(then: ready)
        dispatcher.start()
        roleManager.start()
        pump()
        requestScheduling()
    }

    func stop() {
        running = false
        dispatcher.stop()
        roleManager.stop()
        if let wakeTimer { simulation.cancel(wakeTimer) }
        if let scheduleTimer { simulation.cancel(scheduleTimer) }
        wakeTimer = nil
        scheduleTimer = nil
    }

    /// `swarm init`: the first leader creates the cluster object, its own node and the ingress network.
    private func bootstrapStoreIfNeeded(then ready: @escaping () -> Void) {
        let store = manager.store
        guard store.cluster == nil else {
            ready()
            return
        }
        let identity = manager.node.identity!
        let clusterID = SwarmID.generate(using: &random)
        // The CA draws from a stream of its own, so that tokens shift no other draw.
        var certificateAuthority = simulation.stream(named: "ca/\(clusterID)")
        var cluster = ClusterObject(id: clusterID, createdAt: simulation.now, certificateAuthority: &certificateAuthority)
        cluster.raft = ClusterRaftSpec(from: manager.world.raftConfig)
        var actions: [StoreAction] = [.putCluster(cluster)]
        if store.node(identity.nodeID) == nil {
            var node = NodeObject(id: identity.nodeID, spec: NodeSpec(desiredRole: .manager), role: .manager,
                                  description: manager.node.description, status: NodeStatus(state: .unknown))
            node.spec.labels = manager.node.initialLabels
            node.createdAt = simulation.now
            node.managerStatus = ManagerStatus(raftID: manager.raftID, address: host.name)
            actions.append(.createNode(node))
        }
        if store.ingressNetwork == nil {
            actions.append(.createNetwork(Allocator.ingressNetwork(id: SwarmID.generate(using: &random))))
        }
        manager.propose(actions) { _ in ready() }
    }

    // MARK: - Committed changes

    /// Every batch applied to the leader's store comes through here.
    func observe(_ changes: [StoreChange]) {
        guard running else { return }
        leader.observe(changes, store: manager.store, now: simulation.now)
        dispatcher.nodesChanged(changes)
        roleManager.observe(changes)
        var nodes: [NodeID] = []
        for change in changes {
            switch change {
            case let .taskCreated(task):
                if let node = task.nodeID { nodes.append(node) }
            case let .taskUpdated(old, new):
                if let node = new.nodeID { nodes.append(node) }
                if let node = old.nodeID, node != new.nodeID { nodes.append(node) }
            case let .taskDeleted(task):
                if let node = task.nodeID { nodes.append(node) }
            default:
                continue
            }
        }
        if !nodes.isEmpty { dispatcher.tasksChanged(onNodes: nodes) }
        requestScheduling()
        // Let the proposer's completion run first; then look for more work.
        simulation.schedule(after: .zero, for: self) { $0.pump() }
    }

    /// A Raft membership change was applied: agents hear the new manager list.
    func membershipChanged() {
        guard running else { return }
        dispatcher.managersChanged()
    }

    // MARK: - Orchestration batches

    private func pump() {
        guard running, !batchInFlight else { return }
        let actions = leader.nextBatch(store: manager.store, now: simulation.now, random: &random)
        if !actions.isEmpty {
            batchInFlight = true
            manager.propose(actions) { [self] _ in
                guard running else { return }
                batchInFlight = false
                simulation.schedule(after: .zero, for: self) { $0.pump() }
            }
            return
        }
        armWake()
    }

    private func armWake() {
        guard let next = leader.nextWake(now: simulation.now) else { return }
        if next <= simulation.now {
            simulation.schedule(after: .zero, for: self) { $0.pump() }
            return
        }
        if let wakeAt, wakeAt <= next, wakeTimer != nil { return }
        if let wakeTimer { simulation.cancel(wakeTimer) }
        wakeAt = next
        wakeTimer = simulation.schedule(at: next, for: self) { runtime in
            runtime.wakeTimer = nil
            runtime.wakeAt = nil
            runtime.pump()
        }
    }

    // MARK: - Scheduling (debounced)

    private func requestScheduling() {
        guard running, leader.wantsScheduling(store: manager.store) else { return }
        let now = simulation.now
        let first = scheduleRequestedAt ?? now
        scheduleRequestedAt = first
        let due = min(now + Self.scheduleDebounce, first + Self.scheduleMaxLatency)
        if let scheduleTimer { simulation.cancel(scheduleTimer) }
        scheduleTimer = simulation.schedule(at: due, for: self) { runtime in
            runtime.scheduleTimer = nil
            runtime.runScheduler()
        }
    }

    /// SwarmKit's scheduler loop blocks in its store batch until the batch commits, and reads
    /// the changes queued meanwhile only then: with a batch in flight, a due run waits for that
    /// batch's completion, which requests scheduling again. (Re-requesting here instead, once
    /// the 1 s latency bound had passed, fired again at the same instant, forever.)
    private func runScheduler() {
        guard running, !scheduleInFlight else { return }
        scheduleRequestedAt = nil
        let actions = leader.schedule(store: manager.store, now: simulation.now)
        guard !actions.isEmpty else { return }
        scheduleInFlight = true
        manager.propose(actions) { [self] _ in
            guard running else { return }
            scheduleInFlight = false
            requestScheduling()
        }
    }

    // MARK: - Requests

    func handle(_ request: ManagerRequest, origin: HostID, proxy: HostID) {
        switch request {
        case let .dispatcher(dispatcherRequest):
            dispatcher.handle(dispatcherRequest, proxy: proxy)
        case let .join(join):
            handleJoin(join, origin: origin, proxy: proxy)
        case let .control(control):
            handleControl(control, origin: origin, proxy: proxy)
        case let .memberList(list):
            let reply = MemberListReply(requestID: list.requestID, raft: manager.raftView, error: nil)
            manager.route(.memberList(reply), origin: origin, proxy: proxy)
        }
    }

    /// SwarmKit's text when a write's leader steps down before it commits (`ErrLostLeadership`).
    static let lostLeadershipMessage = "rpc error: code = Unknown desc = raft: failed to process the request: node lost leader status"

    /// SwarmKit's `ErrSequenceConflict`, as dockerd passes it on.
    static let sequenceConflictMessage = "rpc error: code = Unknown desc = update out of sequence"

    /// Whether a service update among `actions` did not land: another update of the service
    /// committed first, from the same version (the store refused ours).
    static func lostServiceUpdate(_ actions: [StoreAction], store: ClusterStore) -> Bool {
        actions.contains { action in
            guard case let .updateService(service) = action else { return false }
            return store.service(service.id)?.specVersion != service.specVersion || store.service(service.id)?.spec != service.spec
        }
    }

    /// A CLI command: the control API decides; writes are answered once committed.
    private func handleControl(_ request: ControlRequest, origin: HostID, proxy: HostID) {
        let context = ControlContext(store: manager.store, now: simulation.now, raft: manager.raftView,
                                     queriedNodeID: request.queriedNodeID)
        let outcome = ControlAPI.handle(request.command, context: context, random: &random)
        // The manager answers even if this runtime stops first (a write failing on step-down).
        let answer = { [unowned manager] (output: CommandOutput, error: String?) in
            manager.route(.control(ControlReply(requestID: request.requestID, output: output, error: error)), origin: origin, proxy: proxy)
        }
        let actions = outcome.actions
        guard !actions.isEmpty else {
            answer(outcome.printed, outcome.succeeded ? nil : outcome.error)
            return
        }
        manager.propose(actions) { [unowned manager] committed in
            if committed, Self.lostServiceUpdate(actions, store: manager.store) {
                answer(CommandOutput(""), Self.sequenceConflictMessage)
            } else if committed {
                answer(outcome.printed, outcome.succeeded ? nil : outcome.error)
            } else {
                answer(CommandOutput(""), Self.lostLeadershipMessage)
            }
        }
    }

    /// A node joins: the leader (which runs the CA in SwarmKit) creates its node object and,
    /// for a manager, adds it to Raft; the answer goes out once that is committed.
    ///
    /// A node already in the swarm (`nodeID` set: a promoted worker, or a manager whose Raft
    /// data was wiped) joins Raft under its node object: a member it already has is kept (its
    /// address updated, SwarmKit `Join`), otherwise it gets a new Raft ID (removed IDs are never
    /// reused).
    private func handleJoin(_ join: JoinRequest, origin: HostID, proxy: HostID) {
        let store = manager.store
        let existing = join.nodeID.flatMap { store.node($0) }
        let reply = { [unowned manager] (outcome: JoinReply.Outcome) in
            manager.route(.join(JoinReply(requestID: join.requestID, outcome: outcome)), origin: origin, proxy: proxy)
        }
        if let nodeID = join.nodeID, existing == nil {
            reply(.refused("rpc error: code = NotFound desc = node \(nodeID) not found"))
            return
        }
        var role = join.role
        if join.nodeID == nil {
            switch JoinAdmission.role(for: join.token, cluster: store.cluster) {
            case let .success(granted): role = granted
            case let .failure(refusal):
                reply(.rejected(refusal.message))
                return
            }
        }
        let nodeID = existing?.id ?? SwarmID.generate(using: &random)
        var node = existing ?? NodeObject(id: nodeID, spec: NodeSpec(desiredRole: role), role: role,
                                          description: join.description, status: NodeStatus(state: .unknown))
        node.description = join.description
        if existing == nil {
            node.createdAt = simulation.now
            node.spec.labels = join.labels.sorted { $0.key < $1.key }
            node.spec.availability = join.availability
        }
        guard role == .manager else {
            manager.propose([existing == nil ? .createNode(node) : .updateNode(node)]) { [unowned manager] committed in
                reply(committed ? .accepted(nodeID: nodeID, raftID: nil, managers: Self.managerAddresses(of: manager), clusterID: manager.clusterID) : .refused("join failed: leadership lost"))
            }
            return
        }
        if let existing, existing.role != .manager {
            // SwarmKit's Raft Join requires a manager certificate, issued after the role manager
            // set the role.
            reply(.refused("rpc error: code = PermissionDenied desc = node \(nodeID) is not a manager"))
            return
        }
        if existing != nil, let member = manager.raftView.member(onNode: nodeID) {
            manager.proposeConfChange(.updateNode(member.raftID, address: join.address)) { [unowned manager] committed, reason in
                reply(committed ? .accepted(nodeID: nodeID, raftID: member.raftID, managers: Self.managerAddresses(of: manager), clusterID: manager.clusterID)
                                : .refused(reason ?? "join failed"))
            }
            return
        }
        let membership = manager.raft.node.membership
        var raftID: RaftNodeID
        repeat {
            raftID = random.next() & 0x7FFF_FFFF_FFFF_FFFF
        } while raftID == 0 || membership.contains(raftID) || membership.isRemoved(raftID)
        let newID = raftID
        if existing == nil {
            node.spec.desiredRole = .manager
            node.role = .manager
        }
        node.managerStatus = ManagerStatus(raftID: newID, address: join.address)
        // The node object first: once the member is added, commits need the new member, which
        // starts its Raft node only when it hears the answer.
        manager.propose([existing == nil ? .createNode(node) : .updateManagerStatus(nodeID, node.managerStatus)]) { [unowned manager] committed in
            guard committed else {
                reply(.refused("join failed: leadership lost"))
                return
            }
            manager.proposeConfChange(.addNode(newID, address: join.address)) { committed, reason in
                reply(committed ? .accepted(nodeID: nodeID, raftID: newID, managers: Self.managerAddresses(of: manager), clusterID: manager.clusterID) : .refused(reason ?? "join failed"))
            }
        }
    }

    private static func managerAddresses(of manager: ManagerNode) -> [String] {
        manager.raft.node.membership.members.map(\.address)
    }
}
