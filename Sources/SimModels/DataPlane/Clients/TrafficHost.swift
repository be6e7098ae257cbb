import SimEngine

/// A machine outside the swarm that runs the simulated clients (and `curl`), reporting every
/// request as it ends to its `observer`. Requests from outside travel as packets from this
/// host; requests from a service's tasks are made by the caller's node, and this host only
/// keeps their clocks, so a request whose caller's node dies still ends, as a timeout.
///
/// The scenario layer adds one with `SwarmCluster.addTrafficHost` (which exempts it from
/// faults, as the operator's CLI host is), then `add`s clients and runs `curl`.
public final class TrafficHost: HostSoftware, HostComponent {
    public let host: Host
    let simulation: Simulation
    unowned let cluster: SwarmCluster
    /// Receives every finished request, in simulation order.
    public var observer: TrafficObserver?
    public var isRunning: Bool { true }
    public private(set) var clients: [TrafficClient] = []

    struct Pending {
        var client: String
        var sequence: Int
        var started: SimInstant
        var entryNode: String?
        var timer: TimerID
        var done: (RequestRecord, ConnectionReply?) -> Void
    }

    var pending: [UInt64: Pending] = [:]
    var nextConnection: UInt64 = 1
    var curls = 0

    init(host: Host, cluster: SwarmCluster) {
        self.host = host
        self.simulation = cluster.simulation
        self.cluster = cluster
    }

    public func start() {}

    public func receive(_ envelope: Envelope) {
        guard case let .reply(connection, reply)? = envelope.message as? DataPlaneMessage else { return }
        finish(connection.id, reply: reply)
    }

    // MARK: - Clients

    /// Starts a client: its first request at its start (never before now).
    public func add(_ client: TrafficClient) {
        clients.append(client)
        scheduleNext(client)
    }

    private func scheduleNext(_ client: TrafficClient) {
        let at = client.instant(of: client.sent)
        if let stop = client.stop, at >= stop { return }
        simulation.schedule(at: max(at, simulation.now), for: self) { traffic in
            traffic.fire(client)
            traffic.scheduleNext(client)
        }
    }

    private func fire(_ client: TrafficClient) {
        switch client.source {
        case let .outside(entryNodes):
            guard !entryNodes.isEmpty else { return }
            let entry = entryNodes[client.turn % entryNodes.count]
            client.turn += 1
            client.sent += 1
            connect(client: client.name, sequence: client.sent, node: entry, port: client.port, timeout: client.timeout) { _, _ in }
        case let .service(service, name):
            // No running task of the calling service: nobody sends.
            let callers = self.callers(of: service)
            guard !callers.isEmpty else { return }
            let (task, plane) = callers[client.turn % callers.count]
            client.turn += 1
            client.sent += 1
            call(client: client.name, sequence: client.sent, plane: plane, task: task, name: name, port: client.port,
                 timeout: client.timeout)
        }
    }

    /// The running tasks of `service` (not stopping), with their nodes' data planes, in task
    /// name order.
    func callers(of service: String) -> [(String, NodeDataPlane)] {
        var found: [(String, NodeDataPlane)] = []
        for node in cluster.liveNodes {
            guard let plane = node.dataPlane else { continue }
            for id in plane.localTasks.keys.sorted() {
                guard let task = plane.localTasks[id], task.serviceName == service,
                      node.runtime.container(id)?.state == .running else { continue }
                found.append((task.name, plane))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    // MARK: - One request

    /// One connection from this host to `port` of the node called `node`; `done` gets the
    /// record and the reply (nil for a timeout) once it ends.
    func connect(client: String, sequence: Int, node: String, port: Int, timeout: SimDuration,
                 done: @escaping (RequestRecord, ConnectionReply?) -> Void) {
        let id = open(client: client, sequence: sequence, entryNode: node, timeout: timeout, done: done)
        guard let destination = cluster.host(named: node)?.id else { return }
        let connection = Connection(id: id, origin: host.id, external: true, entry: destination, port: port)
        simulation.network.send(DataPlaneMessage.connect(connection), from: host.id, to: destination)
    }

    private func call(client: String, sequence: Int, plane: NodeDataPlane, task: String, name: String, port: Int,
                      timeout: SimDuration) {
        let id = open(client: client, sequence: sequence, entryNode: plane.host.name, timeout: timeout) { _, _ in }
        plane.call(name, port: port, fromTask: task) { [unowned self] reply in
            if let reply {
                self.finish(id, reply: reply)
            } else if let waiting = self.pending.removeValue(forKey: id) {
                self.simulation.cancel(waiting.timer)
                self.report(waiting, outcome: .unresolved, task: nil)
            }
        }
    }

    private func open(client: String, sequence: Int, entryNode: String?, timeout: SimDuration,
                      done: @escaping (RequestRecord, ConnectionReply?) -> Void) -> UInt64 {
        let id = nextConnection
        nextConnection += 1
        let timer = simulation.schedule(after: timeout, for: self) { traffic in traffic.finish(id, reply: nil) }
        pending[id] = Pending(client: client, sequence: sequence, started: simulation.now, entryNode: entryNode,
                              timer: timer, done: done)
        return id
    }

    /// Ends a request: with the reply, or as a timeout (nil). Late replies are ignored.
    func finish(_ id: UInt64, reply: ConnectionReply?) {
        guard let waiting = pending.removeValue(forKey: id) else { return }
        if reply != nil { simulation.cancel(waiting.timer) }
        switch reply {
        case nil: report(waiting, outcome: .timeout, task: nil, reply: nil)
        case let .answered(task, _, _)?: report(waiting, outcome: .ok, task: task, reply: reply)
        case .refused?: report(waiting, outcome: .refused, task: nil, reply: reply)
        case .reset?: report(waiting, outcome: .reset, task: nil, reply: reply)
        }
    }

    private func report(_ waiting: Pending, outcome: RequestOutcome, task: String?, reply: ConnectionReply? = nil) {
        let record = RequestRecord(client: waiting.client, sequence: waiting.sequence, started: waiting.started,
                                   ended: simulation.now, outcome: outcome, entryNode: waiting.entryNode, task: task)
        observer?.requestEnded(record)
        waiting.done(record, reply)
    }

    // MARK: - curl

    /// `curl NODE:PORT --max-time T`: one request from outside; `completion` gets its record
    /// and curl's output (`web.3 on w2 (10.0.0.5)`, or curl's error text).
    public func curl(node: String, port: Int, maxTime: SimDuration = .seconds(1),
                     completion: @escaping (RequestRecord, String) -> Void) {
        curls += 1
        connect(client: "curl", sequence: curls, node: node, port: port, timeout: maxTime) { record, reply in
            completion(record, CurlText.output(reply, node: node, port: port, maxTime: maxTime))
        }
    }
}

/// What `docker exec TASK ping -c N NAME` saw: the address the name resolved to (nil: it did
/// not, `ping: bad address 'NAME'`), and per echo its round-trip time, nil when lost.
public struct PingResult: Equatable, Sendable {
    public var address: String?
    public var replies: [SimDuration?]
}

extension TrafficHost {
    /// `docker exec TASK ping -c COUNT NAME` from the container of `task`: the name is resolved
    /// by the task's node's embedded DNS, then one echo a second; an echo unanswered one second
    /// after the last was sent is lost. `completion` gets nil when `task` does not run now.
    public func ping(fromTask task: String, name: String, count: Int, completion: @escaping (PingResult?) -> Void) {
        guard let plane = cluster.liveNodes.compactMap(\.dataPlane).first(where: { $0.localTaskNames.contains(task) }),
              let addresses = plane.resolve(name, fromTask: task) else { return completion(nil) }
        guard let address = addresses.first else { return completion(PingResult(address: nil, replies: [])) }
        let result = PingBox(PingResult(address: address, replies: Array(repeating: nil, count: count)))
        let start = simulation.now
        for index in 0..<count {
            let sent = start + .seconds(Int64(index))
            simulation.schedule(at: sent, for: self) { traffic in
                plane.echo(address, fromTask: task) { [unowned traffic] in
                    if result.done { return }
                    result.value.replies[index] = traffic.simulation.now - sent
                }
            }
        }
        simulation.schedule(at: start + .seconds(Int64(max(count, 1))), for: self) { _ in
            result.done = true
            completion(result.value)
        }
    }
}

/// A ping's result while its echoes are out.
final class PingBox {
    var value: PingResult
    var done = false
    init(_ value: PingResult) { self.value = value }
}

extension SwarmCluster {
    /// Adds a machine outside the swarm, named `name`, that runs simulated clients; it is up at
    /// once and exempt from faults (a partition never cuts it from itself).
    public func addTrafficHost(named name: String = "traffic") -> TrafficHost {
        var traffic: TrafficHost!
        let host = simulation.addHost(named: name) { [unowned self] host in
            traffic = TrafficHost(host: host, cluster: self)
            return traffic
        }
        host.powerOn()
        return traffic
    }
}
