import SimEngine

/// The leader's dispatcher (SwarmKit `manager/dispatcher`): agent sessions, heartbeats,
/// node status (READY, DOWN, UNKNOWN), task status updates and task assignments.
///
/// Timing is SwarmKit's: each heartbeat picks a period uniform in [period − 0.5 s, period + 0.5 s)
/// and resets the node's expiry to 3 periods; a node whose expiry fires goes DOWN
/// ("heartbeat failure"). When a dispatcher starts on a new leader every node that is not
/// DOWN goes UNKNOWN with 6 periods of grace. Status writes are batched every 100 ms.
public final class Dispatcher: EventHandler, HostComponent {
    /// SwarmKit's constants (`dispatcher.go`, `nodes.go`).
    public static let heartbeatEpsilon = SimDuration.milliseconds(500)
    public static let gracePeriodMultiplier: Int64 = 3
    public static let unknownGraceMultiplier: Int64 = 6
    public static let batchInterval = SimDuration.milliseconds(100)
    public static let rateLimitPeriod = SimDuration.seconds(8)
    public static let rateLimitCount = 3

    private let simulation: Simulation
    public let host: Host
    private let period: SimDuration
    private var random: RandomStream
    private let store: () -> DispatcherStore
    private let send: (SwarmMessage, HostID) -> Void
    /// The hosts of the managers, for the list agents pick from.
    private let managerHosts: () -> [HostID]
    /// Proposes writes; the completion says whether they committed.
    private let propose: ([DispatcherWrite], @escaping (Bool) -> Void) -> Void
    private var sessions: [NodeID: NodeSession] = [:]
    /// The session each expiry timer watches, by timer token (never reused, so a stale timer
    /// can only find its own session gone).
    private var expiryTargets: [(node: NodeID, sessionID: String)] = []
    /// Grace timers of nodes in UNKNOWN after a leader change.
    private var unknownTimers: [NodeID: TimerID] = [:]
    private var registrations: [NodeID: [SimInstant]] = [:]
    private var pendingWrites: [DispatcherWrite] = []
    private var pendingCallbacks: [(Bool) -> Void] = []
    private var batchTimer: TimerID?
    private var dirtyNodes: Set<NodeID> = []
    private var assignmentTimer: TimerID?
    private var nextSession = 1
    private var running = false
    public var isRunning: Bool { running }

    public init(simulation: Simulation, host: Host, heartbeatPeriod: SimDuration, store: @escaping () -> DispatcherStore,
                send: @escaping (SwarmMessage, HostID) -> Void, managerHosts: @escaping () -> [HostID],
                propose: @escaping ([DispatcherWrite], @escaping (Bool) -> Void) -> Void) {
        self.simulation = simulation
        self.host = host
        self.period = heartbeatPeriod
        self.random = simulation.stream(named: "dispatcher/\(host.name)/\(host.epoch)/\(simulation.now.nanoseconds)")
        self.store = store
        self.send = send
        self.managerHosts = managerHosts
        self.propose = propose
    }

    /// Node IDs with an open session, sorted.
    public var connectedNodes: [NodeID] { sessions.keys.sorted() }

    // MARK: - Start and stop

    /// Starts on a new leader: every node not DOWN goes UNKNOWN, with 6 periods to re-register.
    public func start() {
        running = true
        var writes: [DispatcherWrite] = []
        for node in store().nodesSortedByID where node.status.state != .down {
            let message = "Node moved to \"unknown\" state due to leadership change in cluster"
            writes.append(.nodeStatus(node.id, NodeStatus(state: .unknown, message: message), description: nil))
            let grace = choosePeriod() * Self.unknownGraceMultiplier
            let id = node.id
            unknownTimers[id] = simulation.schedule(after: grace, for: self) { dispatcher in
                dispatcher.unknownTimers[id] = nil
                guard dispatcher.sessions[id] == nil else { return }
                dispatcher.write(.nodeStatus(id, NodeStatus(state: .down, message: "heartbeat failure for node in \"unknown\" state"), description: nil))
            }
        }
        if !writes.isEmpty { for w in writes { write(w) } }
    }

    /// Stops (leadership lost): every session is told to disconnect.
    public func stop() {
        guard running else { return }
        running = false
        for id in sessions.keys.sorted() {
            let session = sessions[id]!
            if let expiry = session.expiry { simulation.cancel(expiry) }
            push(.sessionClosed, to: session, requestID: 0)
        }
        sessions.removeAll()
        for timer in unknownTimers.values { simulation.cancel(timer) }
        unknownTimers.removeAll()
        if let batchTimer { simulation.cancel(batchTimer) }
        if let assignmentTimer { simulation.cancel(assignmentTimer) }
        batchTimer = nil
        assignmentTimer = nil
        dirtyNodes.removeAll()
        let callbacks = pendingCallbacks
        pendingWrites.removeAll()
        pendingCallbacks.removeAll()
        for callback in callbacks { callback(false) }
    }

    // MARK: - Requests

    /// Handles an agent's request that arrived directly (`proxy` is this host) or through a follower.
    public func handle(_ request: DispatcherRequest, proxy: HostID) {
        guard running else {
            reply(.failed("dispatcher is stopped"), to: request, proxy: proxy)
            return
        }
        switch request.body {
        case let .register(description):
            register(request, description: description, proxy: proxy)
        case .heartbeat:
            // The session is checked and re-armed in place, through its index: one lookup, and
            // no copy of the session (which holds what every task was last sent as).
            guard let index = sessions.index(forKey: request.nodeID),
                  let next = heartbeat(&sessions.values[index], sessionID: request.sessionID, node: request.nodeID) else {
                reply(.failed("session invalid"), to: request, proxy: proxy)
                return
            }
            reply(.heartbeatAccepted(period: next), to: request, proxy: proxy, sessionID: request.sessionID)
        case let .updateTaskStatus(updates):
            guard let session = validSession(request, proxy: proxy) else { return }
            write(.taskStatuses(updates))
            reply(.statusAccepted, to: request, proxy: proxy, sessionID: session.sessionID)
        }
    }

    private func register(_ request: DispatcherRequest, description: NodeDescription, proxy: HostID) {
        let nodeID = request.nodeID
        guard let node = store().node(nodeID) else {
            reply(.failed("node not found"), to: request, proxy: proxy)
            return
        }
        let now = simulation.now
        var recent = (registrations[nodeID] ?? []).filter { now - $0 < Self.rateLimitPeriod }
        if recent.count >= Self.rateLimitCount {
            reply(.failed("node \(nodeID) exceeded rate limit count of registrations"), to: request, proxy: proxy)
            return
        }
        recent.append(now)
        registrations[nodeID] = recent
        if let old = sessions.removeValue(forKey: nodeID), let expiry = old.expiry { simulation.cancel(expiry) }
        if let timer = unknownTimers.removeValue(forKey: nodeID) { simulation.cancel(timer) }
        var status = NodeStatus(state: .ready)
        status.address = simulation.hosts[request.agentHost].name
        // markNodeReady blocks until the status is committed.
        write(.nodeStatus(nodeID, status, description: description)) { [self] committed in
            guard running else { return }
            guard committed else {
                self.reply(.failed("could not register node"), to: request, proxy: proxy)
                return
            }
            let sessionID = "s\(self.nextSession)"
            self.nextSession += 1
            var session = NodeSession(sessionID: sessionID, agentHost: request.agentHost, proxy: proxy)
            let first = self.choosePeriod()
            self.rearmExpiry(&session, node: nodeID, after: first * Self.gracePeriodMultiplier)
            self.sessions[nodeID] = session
            let object = self.store().node(nodeID) ?? node
            self.reply(.sessionStarted(sessionID: sessionID, heartbeatPeriod: first, managers: self.managerHosts(), node: object),
                       to: request, proxy: proxy, sessionID: sessionID)
            self.sendAssignments(to: nodeID, complete: true)
        }
    }

    private func validSession(_ request: DispatcherRequest, proxy: HostID) -> NodeSession? {
        guard let session = sessions[request.nodeID], session.sessionID == request.sessionID else {
            reply(.failed("session invalid"), to: request, proxy: proxy)
            return nil
        }
        return session
    }

    /// A heartbeat on `session`: if it is the agent's current session, picks the next period
    /// and re-arms the expiry; nil if the session ID does not match.
    private func heartbeat(_ session: inout NodeSession, sessionID: String, node: NodeID) -> SimDuration? {
        guard session.sessionID == sessionID else { return nil }
        let next = choosePeriod()
        rearmExpiry(&session, node: node, after: next * Self.gracePeriodMultiplier)
        return next
    }

    /// (Re)starts the session's expiry timer. Heartbeats re-arm it every few seconds, so it goes
    /// through the engine's handler path (a token, no closure to allocate and free each time).
    private func rearmExpiry(_ session: inout NodeSession, node: NodeID, after grace: SimDuration) {
        if let expiry = session.expiry { simulation.cancel(expiry) }
        let token: Int
        if let existing = session.expiryToken {
            token = existing
        } else {
            token = expiryTargets.count
            expiryTargets.append((node, session.sessionID))
            session.expiryToken = token
        }
        session.expiry = simulation.schedule(after: grace, handler: self, token: token, host: host.id)
    }

    /// A session's expiry fired: the node missed its heartbeats and goes DOWN.
    public func handleEvent(token: Int) {
        let (node, sessionID) = expiryTargets[token]
        guard let current = sessions[node], current.sessionID == sessionID else { return }
        sessions[node] = nil
        write(.nodeStatus(node, NodeStatus(state: .down, message: "heartbeat failure"), description: nil))
    }

    /// A heartbeat period: uniform in [period − ε, period + ε).
    private func choosePeriod() -> SimDuration {
        let epsilon = Self.heartbeatEpsilon.nanoseconds
        let offset = Int64(random.nextInt(below: Int(2 * epsilon))) - epsilon
        return SimDuration(nanoseconds: period.nanoseconds + offset)
    }

    // MARK: - Writes (batched every 100 ms)

    private func write(_ write: DispatcherWrite, completion: ((Bool) -> Void)? = nil) {
        pendingWrites.append(write)
        if let completion { pendingCallbacks.append(completion) }
        guard batchTimer == nil else { return }
        batchTimer = simulation.schedule(after: Self.batchInterval, for: self) { dispatcher in
            dispatcher.batchTimer = nil
            let writes = dispatcher.pendingWrites
            let callbacks = dispatcher.pendingCallbacks
            dispatcher.pendingWrites.removeAll()
            dispatcher.pendingCallbacks.removeAll()
            dispatcher.propose(writes) { committed in
                for callback in callbacks { callback(committed) }
            }
        }
    }

    // MARK: - Session messages

    /// Node objects changed in the store: a node whose role, spec or manager status changed hears
    /// of it through its session (SwarmKit pushes a `SessionMessage` on every node update); a
    /// deleted node's session is closed.
    public func nodesChanged(_ changes: [StoreChange]) {
        guard running else { return }
        for change in changes {
            switch change {
            case let .nodeUpdated(old, new):
                guard old.role != new.role || old.spec != new.spec || old.managerStatus != new.managerStatus,
                      let session = sessions[new.id] else { continue }
                push(.sessionUpdate(managers: managerHosts(), node: new), to: session, requestID: 0)
            case let .nodeDeleted(node):
                guard let session = sessions.removeValue(forKey: node.id) else { continue }
                if let expiry = session.expiry { simulation.cancel(expiry) }
                push(.sessionClosed, to: session, requestID: 0)
            default:
                continue
            }
        }
    }

    /// The Raft membership changed: every session hears the new manager list.
    public func managersChanged() {
        guard running else { return }
        let managers = managerHosts()
        for id in sessions.keys.sorted() {
            guard let node = store().node(id) else { continue }
            push(.sessionUpdate(managers: managers, node: node), to: sessions[id]!, requestID: 0)
        }
    }

    // MARK: - Assignments

    /// Tells the dispatcher which nodes' tasks changed in the store; agents hear of it within 100 ms.
    public func tasksChanged(onNodes nodes: [NodeID]) {
        guard running else { return }
        for node in nodes where sessions[node] != nil { dirtyNodes.insert(node) }
        guard !dirtyNodes.isEmpty, assignmentTimer == nil else { return }
        assignmentTimer = simulation.schedule(after: Self.batchInterval, for: self) { dispatcher in
            dispatcher.assignmentTimer = nil
            let nodes = dispatcher.dirtyNodes.sorted()
            dispatcher.dirtyNodes.removeAll()
            for node in nodes { dispatcher.sendAssignments(to: node, complete: false) }
        }
    }

    private func sendAssignments(to node: NodeID, complete: Bool) {
        guard var session = sessions[node] else { return }
        let tasks = store().tasksAssigned(to: node)
        var changed: [TaskObject] = []
        var current: [TaskID: NodeSession.SentTask] = [:]
        for task in tasks {
            let record = NodeSession.SentTask(desiredState: task.desiredState, specVersion: task.specVersion, observed: task.status.state)
            current[task.id] = record
            if complete || session.sent[task.id].map({ $0.desiredState != record.desiredState || $0.specVersion != record.specVersion }) ?? true {
                changed.append(task)
            }
        }
        let removed = complete ? [] : session.sent.keys.filter { current[$0] == nil }.sorted()
        session.sent = current
        sessions[node] = session
        guard complete || !changed.isEmpty || !removed.isEmpty else { return }
        push(.assignments(complete: complete, tasks: changed, removed: removed), to: session, requestID: 0)
    }

    // MARK: - Replies

    private func reply(_ body: DispatcherReply.Body, to request: DispatcherRequest, proxy: HostID, sessionID: String = "") {
        let message = DispatcherReply(requestID: request.requestID, sessionID: sessionID.isEmpty ? request.sessionID : sessionID, body: body)
        route(message, agentHost: request.agentHost, proxy: proxy)
    }

    private func push(_ body: DispatcherReply.Body, to session: NodeSession, requestID: UInt64) {
        route(DispatcherReply(requestID: requestID, sessionID: session.sessionID, body: body), agentHost: session.agentHost, proxy: session.proxy)
    }

    private func route(_ reply: DispatcherReply, agentHost: HostID, proxy: HostID) {
        if proxy == host.id {
            send(.reply(.dispatcher(reply)), agentHost)
        } else {
            send(.relay(.dispatcher(reply), origin: agentHost), proxy)
        }
    }
}
