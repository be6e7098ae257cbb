import SimEngine

/// The worker side of every node (SwarmKit's agent): keeps a session with the dispatcher,
/// heartbeats, receives assignments, runs tasks with the container runtime and reports
/// their states. It keeps tasks running when no manager answers.
public final class Agent: EventHandler, HostComponent {
    /// Who the agent is and how it finds managers.
    public struct Configuration {
        public var nodeID: NodeID
        public var description: NodeDescription
        /// A manager's agent always uses its own manager (SwarmKit's local connection).
        public var localManager: HostID?
        /// Managers to try before the first session tells the agent the full list.
        public var initialManagers: [HostID]

        public init(nodeID: NodeID, description: NodeDescription, localManager: HostID?, initialManagers: [HostID]) {
            self.nodeID = nodeID
            self.description = description
            self.localManager = localManager
            self.initialManagers = initialManagers
        }
    }

    private enum Session {
        case disconnected
        case registering(requestID: UInt64, manager: HostID)
        case connected(sessionID: String, manager: HostID)
    }

    /// SwarmKit's agent timing (`agent/agent.go`, `agent/session.go`).
    static let rpcTimeout = SimDuration.seconds(5)
    static let initialBackoff = SimDuration.milliseconds(100)
    static let maxBackoff = SimDuration.seconds(8)

    private(set) var configuration: Configuration
    /// The node object each session message carries (SwarmKit's `SessionMessage.Node`): how the
    /// node learns of its promotion or demotion.
    var onNodeObject: ((NodeObject) -> Void)?
    /// Told when a task's container starts or exits and its service binding turns on or off
    /// (the node's data plane, if on).
    var onTaskBinding: ((TaskObject, TaskBindingEvent) -> Void)?
    private let simulation: Simulation
    public let host: Host
    /// Lives as long as its host's incarnation: after `leave` it still stops its containers.
    public var isRunning: Bool { true }
    private let runtime: ContainerRuntime
    private let send: (SwarmMessage, HostID) -> Void
    private var random: RandomStream
    private var picker = ManagerPicker()
    private var session = Session.disconnected
    private var nextRequestID: UInt64 = 1
    private var rpcTimer: TimerID?
    private var heartbeatTimer: TimerID?
    private var heartbeatRequest: UInt64 = 0
    private var backoff = SimDuration.zero
    private var controllers: [TaskID: TaskController] = [:]
    /// Latest status per task not yet acknowledged by the dispatcher, in first-report order.
    private var unreported: [TaskID: TaskStatus] = [:]
    private var unreportedOrder: [TaskID] = []
    private var statusInFlight: (requestID: UInt64, updates: [TaskStatusUpdate])?
    private var flushScheduled = false
    private var stopped = false

    public init(configuration: Configuration, simulation: Simulation, host: Host, runtime: ContainerRuntime,
                send: @escaping (SwarmMessage, HostID) -> Void) {
        self.configuration = configuration
        self.simulation = simulation
        self.host = host
        self.runtime = runtime
        self.send = send
        random = simulation.stream(named: "agent/\(host.name)/\(host.epoch)")
        picker.setManagers(configuration.initialManagers)
        runtime.onEvent = { [unowned self] event in
            switch event {
            case let .exited(containerID, code):
                self.controllers[TaskID(containerID)]?.containerExited(code: code)
            case let .health(containerID, healthy):
                self.controllers[TaskID(containerID)]?.healthChanged(healthy: healthy)
            }
        }
    }

    // MARK: - Observation

    /// True while a session with a dispatcher is open.
    public var isConnected: Bool {
        if case .connected = session { return true }
        return false
    }

    /// The tasks this agent runs or ran, sorted by ID, with their local state.
    public var taskStates: [(TaskID, TaskState)] {
        controllers.keys.sorted().map { ($0, controllers[$0]!.state) }
    }

    /// The tasks whose containers run here, by task ID (as the data plane enters them when it
    /// starts after them).
    var runningTasks: [TaskObject] {
        controllers.keys.sorted().compactMap { id in
            controllers[id].flatMap { $0.state == .running ? $0.task : nil }
        }
    }

    // MARK: - Life cycle

    /// Starts the first session.
    /// The managers the agent knows (from its last session message, else from its join): what
    /// `docker info` lists as Manager Addresses on a node without a manager.
    public var knownManagers: [HostID] { picker.hosts }

    public func start() {
        connect()
    }

    /// `docker swarm leave`: drops every assignment (stopping its containers) and the session.
    public func leave() {
        stopped = true
        cancelTimers()
        session = .disconnected
        for id in controllers.keys.sorted() {
            let controller = controllers[id]!
            var task = controller.task
            task.desiredState = .shutdown
            controller.update(task)
        }
    }

    /// The node's own manager started (promotion) or stopped (demotion, removal, leave): the
    /// agent uses it, or stops using it. A session through a manager that stopped fails at once,
    /// as SwarmKit's local connection closes; one through a remote manager carries on.
    public func setLocalManager(_ local: HostID?) {
        let previous = configuration.localManager
        configuration.localManager = local
        guard let previous, local != previous else { return }
        switch session {
        case let .registering(_, manager) where manager == previous, let .connected(_, manager) where manager == previous:
            sessionFailed("local manager stopped")
        default:
            return
        }
    }

    /// A manager on another host to send a request to (a Raft join): the one the session goes
    /// through if remote, else one drawn as sessions draw them.
    func remoteManager() -> HostID? {
        switch session {
        case let .registering(_, manager) where manager != host.id, let .connected(_, manager) where manager != host.id:
            return manager
        default:
            var others = picker
            others.remove(host.id)
            return others.pick(using: &random)
        }
    }

    /// Drops the session and opens a new one (the engine restarted its swarm component).
    public func reconnect() {
        guard !stopped else { return }
        cancelTimers()
        session = .disconnected
        requeueStatusInFlight()
        backoff = .zero
        connect()
    }

    private func connect() {
        guard !stopped else { return }
        let manager: HostID?
        if let local = configuration.localManager {
            manager = local
        } else {
            manager = picker.pick(using: &random)
        }
        guard let manager else { return }
        let requestID = takeRequestID()
        session = .registering(requestID: requestID, manager: manager)
        send(.request(.dispatcher(request(.register(description: configuration.description), sessionID: "", id: requestID)), origin: host.id), manager)
        armRPCTimeout()
    }

    private func sessionFailed(_ reason: String) {
        cancelTimers()
        if case let .registering(_, manager) = session { picker.observe(manager, succeeded: false) }
        if case let .connected(_, manager) = session { picker.observe(manager, succeeded: false) }
        session = .disconnected
        requeueStatusInFlight()
        let next = SimDuration.milliseconds(100) + backoff * 2
        backoff = next > Self.maxBackoff ? Self.maxBackoff : next
        let delay = SimDuration(nanoseconds: Int64(random.nextInt(below: Int(backoff.nanoseconds))))
        simulation.emit(node: host.name, component: "agent", kind: "agent.session",
                        "session failed (\(reason)); reconnecting in \(delay)")
        rpcTimer = simulation.schedule(after: delay, handler: self, token: Timer.reconnect.rawValue, host: host.id)
    }

    // MARK: - Messages from the dispatcher

    /// A reply or pushed message from the dispatcher.
    public func receive(_ reply: DispatcherReply) {
        switch (session, reply.body) {
        case let (.registering(requestID, manager), .sessionStarted(sessionID, _, managers, node)) where reply.requestID == requestID:
            cancelRPCTimeout()
            picker.observe(manager, succeeded: true)
            if !managers.isEmpty { picker.setManagers(managers) }
            session = .connected(sessionID: sessionID, manager: manager)
            backoff = .zero
            simulation.emit(node: host.name, component: "agent", kind: "agent.session",
                            "session established with \(simulation.hosts[manager].name)")
            sendHeartbeat()
            flushStatus()
            onNodeObject?(node)
        case let (.registering(requestID, _), .failed(message)) where reply.requestID == requestID:
            sessionFailed(message)
        case let (.connected(sessionID, _), body) where reply.sessionID == sessionID:
            handle(body, requestID: reply.requestID)
        default:
            return  // a reply for an earlier session
        }
    }

    private func handle(_ body: DispatcherReply.Body, requestID: UInt64) {
        switch body {
        case let .heartbeatAccepted(period) where requestID == heartbeatRequest:
            cancelRPCTimeout()
            heartbeatTimer = simulation.schedule(after: period, handler: self, token: Timer.heartbeat.rawValue, host: host.id)
        case .statusAccepted:
            guard let inFlight = statusInFlight, inFlight.requestID == requestID else { return }
            statusInFlight = nil
            flushStatus()
        case let .failed(message):
            sessionFailed(message)
        case .sessionClosed:
            sessionFailed("node must disconnect")
        case let .assignments(complete, tasks, removed):
            apply(tasks: tasks, removed: removed, complete: complete)
        case let .sessionUpdate(managers, node):
            if !managers.isEmpty { picker.setManagers(managers) }
            onNodeObject?(node)
        default:
            return
        }
    }

    private func sendHeartbeat() {
        guard case let .connected(sessionID, manager) = session else { return }
        heartbeatRequest = takeRequestID()
        send(.request(.dispatcher(request(.heartbeat, sessionID: sessionID, id: heartbeatRequest)), origin: host.id), manager)
        armRPCTimeout()
    }

    // MARK: - Assignments

    private func apply(tasks: [TaskObject], removed: [TaskID], complete: Bool) {
        var assigned: Set<TaskID> = []
        for task in tasks {
            assigned.insert(task.id)
            if let controller = controllers[task.id] {
                controller.update(task)
            } else {
                let controller = TaskController(task: task, runtime: runtime, now: { [unowned self] in self.host.wallClock },
                                                binding: { [unowned self] task, event in self.onTaskBinding?(task, event) }) {
                    [unowned self] id, status in self.statusChanged(id, status)
                }
                controllers[task.id] = controller
                controller.advance()
            }
        }
        var gone = removed
        if complete {
            gone += controllers.keys.filter { !assigned.contains($0) }
        }
        for id in gone.sorted() {
            guard let controller = controllers[id] else { continue }
            var task = controller.task
            task.desiredState = .remove
            controller.update(task)
            if controller.isFinished {
                controllers[id] = nil
                runtime.remove(id.rawValue)
            }
        }
    }

    // MARK: - Status reports

    private func statusChanged(_ id: TaskID, _ status: TaskStatus) {
        if unreported[id] == nil { unreportedOrder.append(id) }
        unreported[id] = status
        guard !flushScheduled else { return }
        flushScheduled = true
        simulation.schedule(after: .zero, for: self) { agent in
            agent.flushScheduled = false
            agent.flushStatus()
        }
    }

    private func flushStatus() {
        guard statusInFlight == nil, !unreportedOrder.isEmpty, case let .connected(sessionID, manager) = session else { return }
        let ids = unreportedOrder
        let updates = ids.map { TaskStatusUpdate(taskID: $0, status: unreported[$0]!) }
        let requestID = takeRequestID()
        statusInFlight = (requestID, updates)
        // Acknowledged statuses are dropped when the dispatcher answers; until then they stay queued.
        unreportedOrder.removeAll()
        for id in ids { unreported[id] = nil }
        send(.request(.dispatcher(request(.updateTaskStatus(updates), sessionID: sessionID, id: requestID)), origin: host.id), manager)
        simulation.schedule(after: Self.rpcTimeout, for: self) { agent in
            guard let inFlight = agent.statusInFlight, inFlight.requestID == requestID else { return }
            agent.sessionFailed("status update timed out")
        }
    }

    /// Puts the reports of the call in flight back in the queue, keeping newer reports of the
    /// same tasks, as SwarmKit's status reporter does when a report fails (`agent/reporter.go`):
    /// a session that fails with a report unanswered must not lose it (a task left STARTING in
    /// the store while its container runs, `REPLICAS 3/4` for good).
    private func requeueStatusInFlight() {
        guard let inFlight = statusInFlight else { return }
        statusInFlight = nil
        for update in inFlight.updates where unreported[update.taskID] == nil {
            unreportedOrder.append(update.taskID)
            unreported[update.taskID] = update.status
        }
    }

    // MARK: - Helpers

    private func request(_ body: DispatcherRequest.Body, sessionID: String, id: UInt64) -> DispatcherRequest {
        DispatcherRequest(nodeID: configuration.nodeID, agentHost: host.id, sessionID: sessionID, requestID: id, body: body)
    }

    private func takeRequestID() -> UInt64 {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    private func armRPCTimeout() {
        cancelRPCTimeout()
        rpcTimer = simulation.schedule(after: Self.rpcTimeout, handler: self, token: Timer.rpcTimeout.rawValue, host: host.id)
    }

    // MARK: - Timers

    /// The agent's timers. Heartbeats arm two of them every few seconds, so they go through the
    /// engine's handler path (a token, no closure to allocate and free each time).
    private enum Timer: Int {
        /// Time for the next heartbeat.
        case heartbeat
        /// The call in flight got no answer within the RPC timeout.
        case rpcTimeout
        /// The backoff after a failed session is over.
        case reconnect
    }

    public func handleEvent(token: Int) {
        switch Timer(rawValue: token)! {
        case .heartbeat:
            heartbeatTimer = nil
            sendHeartbeat()
        case .rpcTimeout:
            rpcTimer = nil
            sessionFailed("rpc timed out")
        case .reconnect:
            rpcTimer = nil
            connect()
        }
    }

    private func cancelRPCTimeout() {
        if let timer = rpcTimer { simulation.cancel(timer) }
        rpcTimer = nil
    }

    private func cancelTimers() {
        cancelRPCTimeout()
        if let timer = heartbeatTimer { simulation.cancel(timer) }
        heartbeatTimer = nil
    }
}
