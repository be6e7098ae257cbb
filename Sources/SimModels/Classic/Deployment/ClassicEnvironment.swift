import SimEngine

/// What every process of a classic deployment is configured with: the flags (the
/// deployment's config), the address plan (each host's IP, as DNS and ARP give it) and where
/// the Consul servers listen; and the sink their log lines go to. Nothing in it is another
/// host's state.
public final class ClassicEnvironment {
    public let config: ClassicDeploymentConfig
    let simulation: Simulation
    /// Each host's IP, by host ID.
    public private(set) var ips: [HostID: String] = [:]
    private var hostsByIP: [String: HostID] = [:]
    /// The Consul servers' hosts, in config order.
    public internal(set) var consulServers: [HostID] = []
    /// Every log line, in order.
    public private(set) var events: [ClassicEvent] = []
    /// Told of each log line as it happens.
    public var onEvent: ((ClassicEvent) -> Void)?

    init(config: ClassicDeploymentConfig, simulation: Simulation) {
        self.config = config
        self.simulation = simulation
    }

    func assign(ip: String, to host: HostID) {
        ips[host] = ip
        hostsByIP[ip] = host
    }

    /// The host that `address` (`IP:port` or `IP`) names.
    public func host(address: String) -> HostID? {
        hostsByIP[String(address.split(separator: ":").first ?? "")]
    }

    /// Records a process's log line and traces it (`classic.<source>`).
    func log(_ node: String, _ source: ClassicEvent.Source, _ text: String) {
        let event = ClassicEvent(time: simulation.now, node: node, source: source, text: text)
        events.append(event)
        simulation.emit(node: node, component: source.rawValue, kind: "classic.\(source.rawValue)", text)
        onEvent?(event)
    }
}
