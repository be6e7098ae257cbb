import SimEngine

/// A classic Swarm 1.x deployment on a `Simulation` (SCENARIO_FORMAT §10): a host per
/// `ClassicHostSpec`, each running a Docker daemon and, as containers, the Consul server,
/// `swarm manage` and `swarm join` its roles ask for; and an operator host `cli` (exempt from
/// network faults) whose `docker` and `swarm list` clients talk to them over the network.
///
/// The facade builds and drives; the behaviour is the processes'. Its observations
/// (`+Observation`) read the processes' state as a test or a condition would look at the real
/// system, never feeding anything back into it.
public final class ClassicDeployment {
    public let simulation: Simulation
    public let environment: ClassicEnvironment
    public var config: ClassicDeploymentConfig { environment.config }
    /// Host IDs by name, the `cli` host included.
    public private(set) var hostIDs: [String: HostID] = [:]
    /// The hosts of the deployment, in config order (the `cli` host excluded).
    public private(set) var hostNames: [String] = []
    /// The current software of each host (replaced at every boot).
    var software: [HostID: ClassicHostSoftware] = [:]
    public private(set) var cliHost: Host!
    /// Told of each Consul server started (observers: Raft safety checks).
    public var onConsulServer: ((ConsulServer) -> Void)?

    /// The name of the operator's host.
    public static let cliHostName = "cli"

    /// Adds the hosts to `simulation` (nothing runs until `start`). IPs are the specs' or
    /// 192.168.100.101, .102, ... in order.
    public init(config: ClassicDeploymentConfig, simulation: Simulation) {
        self.simulation = simulation
        environment = ClassicEnvironment(config: config, simulation: simulation)
        var nextIP = 101
        for spec in config.hosts {
            let host = simulation.addHost(named: spec.name) { [unowned self] host in self.makeSoftware(host, spec: spec) }
            hostIDs[spec.name] = host.id
            hostNames.append(spec.name)
            var ip = spec.ip
            while ip == nil {
                let candidate = "192.168.100.\(nextIP)"
                nextIP += 1
                if !config.hosts.contains(where: { $0.ip == candidate }) { ip = candidate }
            }
            environment.assign(ip: ip!, to: host.id)
        }
        environment.consulServers = config.hosts.filter { $0.runs(.consul) }.compactMap { hostIDs[$0.name] }
        let cli = ClassicHostSpec(name: Self.cliHostName, roles: [])
        cliHost = simulation.addHost(named: Self.cliHostName) { [unowned self] host in
            self.makeSoftware(host, spec: cli, runsDaemon: false)
        }
        hostIDs[Self.cliHostName] = cliHost.id
        simulation.network.exemptFromFaults(cliHost.id)
    }

    private func makeSoftware(_ host: Host, spec: ClassicHostSpec, runsDaemon: Bool = true) -> ClassicHostSoftware {
        let made = ClassicHostSoftware(host: host, environment: environment, spec: spec, runsDaemon: runsDaemon)
        made.onConsulServer = { [unowned self] server in self.onConsulServer?(server) }
        software[host.id] = made
        return made
    }

    /// Powers every host on and starts the processes in the seed's order: Consul servers,
    /// then managers, then join agents.
    public func start() {
        for name in hostNames + [Self.cliHostName] { simulation.hosts[hostIDs[name]!].powerOn() }
        for kind in [ClassicProcessKind.consul, .manage, .join] {
            for name in hostNames { hostSoftware(name)?.startProcess(kind) }
        }
    }

    /// The running software of host `name`, nil while the host is down.
    public func hostSoftware(_ name: String) -> ClassicHostSoftware? {
        guard let id = hostIDs[name], simulation.hosts[id].isUp else { return nil }
        return software[id]
    }

    /// The IP of host `name`.
    public func ip(of name: String) -> String? { hostIDs[name].flatMap { environment.ips[$0] } }

    /// The host whose IP `address` (`IP:port`) carries.
    public func hostName(address: String) -> String? {
        environment.host(address: address).map { simulation.hosts[$0].name }
    }

    // MARK: - Processes (`kill/start manage@ | join@ | consul@ | engine@`)

    /// `kill <kind>@<node>`: the process's container is removed (`docker rm -f`); false when it
    /// was not running (or the host is down).
    @discardableResult
    public func kill(_ kind: ClassicProcessKind, on node: String) -> Bool {
        hostSoftware(node)?.killProcess(kind) ?? false
    }

    /// `start <kind>@<node>`: a new container (new name and ID) runs the process; false when
    /// the host lacks the role, is down, its daemon is down, or the process already runs.
    @discardableResult
    public func start(_ kind: ClassicProcessKind, on node: String) -> Bool {
        hostSoftware(node)?.startProcess(kind) ?? false
    }

    /// `kill engine@<node>`: the Docker daemon stops with its containers; the host stays up and
    /// refuses connections to 2375 (and to the ports of the processes that died).
    @discardableResult
    public func killEngine(on node: String) -> Bool {
        guard let host = hostSoftware(node), host.daemon.isRunning else { return false }
        host.stopDaemon()
        environment.log(node, .engine, "Daemon shutdown")
        return true
    }

    /// `start engine@<node>`: the daemon starts again; its containers stay exited.
    @discardableResult
    public func startEngine(on node: String) -> Bool {
        guard let host = hostSoftware(node), !host.daemon.isRunning else { return false }
        host.startDaemon()
        environment.log(node, .engine, "Daemon has completed initialization")
        return true
    }
}
