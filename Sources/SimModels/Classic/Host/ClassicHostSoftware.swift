import SimEngine

/// Everything one host of a classic deployment runs: its Docker daemon and, as containers on
/// it, a Consul server, `swarm manage` and `swarm join` (SCENARIO_FORMAT §10), plus the Consul
/// client agent of a deployment with several servers. It routes the host's traffic: engine
/// calls to the daemon, manager calls to the manager, Consul traffic to the server, the agent or
/// the process whose connection it answers; a call to a port where nothing listens gets the
/// kernel's refusal.
///
/// Rebuilt at every boot: the daemon starts with the host and finds its containers exited on
/// disk (no restart policy), so the processes stay down until started again.
public final class ClassicHostSoftware: HostSoftware, ConsulEndpoint {
    public let host: Host
    let environment: ClassicEnvironment
    public let spec: ClassicHostSpec
    public let daemon: DockerDaemon
    public private(set) var consulServer: ConsulServer?
    private(set) var consulAgent: ConsulClientAgent?
    public private(set) var manager: SwarmManager?
    public private(set) var joinAgent: SwarmJoinAgent?
    /// The container each running process lives in.
    public private(set) var processContainers: [ClassicProcessKind: String] = [:]
    private var consulClients: [ConsulHTTPClient] = []
    private var httpClients: [ClassicHTTPClient] = []
    /// Manager calls being served, by serial: who waits for the answer.
    private var served: [UInt64: (client: Int, call: UInt64, from: HostID)] = [:]
    private var nextServed: UInt64 = 0
    private let runsDaemon: Bool
    /// Told of each Consul server started here (observers: safety checks, tests).
    var onConsulServer: ((ConsulServer) -> Void)?

    init(host: Host, environment: ClassicEnvironment, spec: ClassicHostSpec, runsDaemon: Bool = true) {
        self.host = host
        self.environment = environment
        self.spec = spec
        self.runsDaemon = runsDaemon
        let labels = spec.labels.keys.sorted().map { "\($0)=\(spec.labels[$0]!)" }
        daemon = DockerDaemon(host: host, simulation: environment.simulation,
                              machine: .init(name: spec.name, cpus: spec.cpus, memory: spec.memory, labels: labels, engineID: spec.engineID))
    }

    var simulation: Simulation { environment.simulation }
    public var ip: String { environment.ips[host.id] ?? "" }

    public func start() {
        daemon.onExit = { [unowned self] id in self.containerExited(id) }
        if environment.consulServers.count > 1 {
            consulAgent = ConsulClientAgent(host: host, simulation: simulation, servers: environment.consulServers)
        }
        if runsDaemon { daemon.start() }
    }

    public func receive(_ envelope: Envelope) {}

    // MARK: - Processes

    /// Whether the process runs here now.
    public func isRunning(_ kind: ClassicProcessKind) -> Bool { processContainers[kind] != nil }

    /// `docker run` of the process's container; false when the host lacks the role, the daemon
    /// is down, or it already runs.
    @discardableResult
    func startProcess(_ kind: ClassicProcessKind) -> Bool {
        guard spec.runs(kind.role), daemon.isRunning, processContainers[kind] == nil else { return false }
        let consulURI = "consul://\(environment.consulServers.first.flatMap { environment.ips[$0] } ?? ""):8500"
        switch kind {
        case .consul:
            // The data directory is a volume on the host (`-v /data`), so a new container keeps
            // the server's Raft state.
            if let old = daemon.containers.first(where: { $0.name == "consul" }) { daemon.forceRemove(old.id) }
            let config = ClassicContainerConfig(image: "progrium/consul", command: ["/bin/start", "-server", "-bootstrap-expect", "\(environment.consulServers.count)"],
                                                portBindings: [ClassicPortBinding(containerPort: "8500/tcp", hostPort: "8500")])
            guard let id = daemon.run(config, name: "consul") else { return false }
            processContainers[.consul] = id
            let members = environment.consulServers.map { RaftMember(id: ConsulServer.raftID(ofHost: $0), address: simulation.hosts[$0].name) }
            let server = ConsulServer(host: host, simulation: simulation, timings: ConsulTimings(version: environment.config.consulVersion), members: members)
            consulServer = server
            onConsulServer?(server)
            server.start()
        case .manage:
            let advertise = "\(ip):\(ClassicPorts.manager)"
            let config = ClassicContainerConfig(image: "swarm", command: ["/swarm", "manage", "-H", ":4000", "--replication", "--advertise", advertise, consulURI],
                                                portBindings: [ClassicPortBinding(containerPort: "4000/tcp", hostPort: "4000")],
                                                exposedPorts: ["2375/tcp"])
            guard let id = daemon.run(config, name: nil) else { return false }
            processContainers[.manage] = id
            let manager = SwarmManager(host: host, environment: environment, name: String(id.prefix(12)), advertise: advertise,
                                       consul: makeConsulClient(), http: makeHTTPClient())
            self.manager = manager
            manager.start()
        case .join:
            let advertise = "\(ip):\(ClassicPorts.engine)"
            let config = ClassicContainerConfig(image: "swarm", command: ["/swarm", "join", "--advertise=\(advertise)", consulURI],
                                                exposedPorts: ["2375/tcp"])
            guard let id = daemon.run(config, name: nil) else { return false }
            processContainers[.join] = id
            let agent = SwarmJoinAgent(host: host, environment: environment, kv: ConsulKV(client: makeConsulClient()), advertise: advertise)
            joinAgent = agent
            agent.start()
        }
        return true
    }

    /// `docker rm -f` of the process's container; false when it does not run.
    @discardableResult
    func killProcess(_ kind: ClassicProcessKind) -> Bool {
        guard let id = processContainers[kind] else { return false }
        daemon.forceRemove(id)
        return true
    }

    /// The Docker daemon stops (its containers, and so its processes, with it); the host stays up.
    func stopDaemon() { daemon.stop() }

    /// The daemon starts again; the processes' containers stay exited.
    func startDaemon() {
        guard !daemon.isRunning else { return }
        daemon.start()
    }

    private func containerExited(_ id: String) {
        guard let kind = ClassicProcessKind.allCases.first(where: { processContainers[$0] == id }) else { return }
        processContainers[kind] = nil
        switch kind {
        case .consul:
            consulServer?.stop()
            consulServer = nil
        case .manage:
            manager?.stop()
            manager = nil
            closeServedCalls()
        case .join:
            joinAgent?.stop()
            joinAgent = nil
        }
    }

    // MARK: - Connections

    /// A connection to Consul for a process here: the one server's port 8500 (`consul://c1:8500`
    /// as in the seed), or with several servers the local agent (or the local server).
    func makeConsulClient(server chosen: HostID? = nil) -> ConsulHTTPClient {
        let server = chosen ?? (environment.consulServers.count == 1 ? environment.consulServers[0] : host.id)
        let client = ConsulHTTPClient(host: host, simulation: simulation, connection: consulClients.count, server: server)
        consulClients.append(client)
        return client
    }

    func makeHTTPClient() -> ClassicHTTPClient {
        let client = ClassicHTTPClient(host: host, simulation: simulation, connection: httpClients.count)
        httpClients.append(client)
        return client
    }

    // MARK: - Routing

    func receive(_ message: ClassicWire, from sender: HostID) {
        switch message {
        case .call(let client, let call, let request):
            switch request {
            case .engine(let engineRequest):
                let answer: ClassicAnswer = runsDaemon && daemon.isRunning ? .engine(daemon.serve(engineRequest)) : .refused
                simulation.network.send(ClassicWire.answer(client: client, call: call, answer), from: host.id, to: sender)
            case .manager(let managerRequest):
                guard let manager, manager.isRunning else {
                    simulation.network.send(ClassicWire.answer(client: client, call: call, .refused), from: host.id, to: sender)
                    return
                }
                let serial = nextServed
                nextServed += 1
                served[serial] = (client, call, sender)
                manager.serve(managerRequest) { [weak self] response in
                    guard let self, self.served.removeValue(forKey: serial) != nil else { return }
                    self.simulation.network.send(ClassicWire.answer(client: client, call: call, .manager(response)), from: self.host.id, to: sender)
                }
            }
        case .answer(let client, let call, let answer):
            if httpClients.indices.contains(client) { httpClients[client].receive(call: call, answer) }
        }
    }

    /// The manager died: its open connections close.
    private func closeServedCalls() {
        for serial in served.keys.sorted() {
            guard let entry = served[serial] else { continue }
            simulation.network.send(ClassicWire.answer(client: entry.client, call: entry.call, .closed), from: host.id, to: entry.from)
        }
        served.removeAll()
    }

    public func receive(_ message: ConsulWire, from sender: HostID) {
        switch message {
        case .answer(let client, let call, let response):
            if consulClients.indices.contains(client) { consulClients[client].receive(call: call, response) }
        case .call(let client, let call, let request):
            if let consulServer, consulServer.isRunning {
                consulServer.receive(message, from: sender)
            } else {
                consulAgent?.receive(client: client, call: call, request, from: sender)
            }
        case .forwardAnswer(let rpc, let response):
            // A running server's own forwards; otherwise the agent's (a server host's processes
            // use the agent only while its server is down).
            if let consulServer, consulServer.isRunning {
                consulServer.receive(message, from: sender)
            } else {
                consulAgent?.receive(rpc: rpc, response)
            }
        case .forward, .raft:
            consulServer?.receive(message, from: sender)
        }
    }
}
