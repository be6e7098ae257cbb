import SimEngine

/// `swarm join --advertise=<ip:port> consul://...` (`cli/join.go`): registers the engine's
/// address in discovery under `docker/swarm/nodes/<ip:port>` with a TTL, again every heartbeat,
/// forever. The key is libkv's ephemeral key (`ConsulKV.put` with a TTL: a session of TTL ttl/2,
/// behavior delete, which Consul expires ttl after the last renewal), so once the agent dies
/// with its container or its host the key disappears 120-180 s later with the defaults
/// (CLASSIC_SWARM_FACTS §2). A failed registration is logged and retried at the next beat.
public final class SwarmJoinAgent: HostComponent {
    /// The discovery path of the nodes (`pkg/discovery/kv/kv.go` `discoveryPath`).
    public static let nodesPrefix = "docker/swarm/nodes"

    public let host: Host
    public var isRunning: Bool { !stopped }
    let environment: ClassicEnvironment
    let kv: ConsulKV
    public let advertise: String
    private var stopped = false

    init(host: Host, environment: ClassicEnvironment, kv: ConsulKV, advertise: String) {
        self.host = host
        self.environment = environment
        self.kv = kv
        self.advertise = advertise
    }

    public var key: String { "\(Self.nodesPrefix)/\(advertise)" }

    /// Starts the loop (`--delay` 0: the first registration at once).
    func start() {
        let heartbeat = environment.config.heartbeat
        environment.log(host.name, .join, "Registering on the discovery service every \(Self.goDuration(heartbeat))...  Addr=\(advertise) Discovery=consul")
        register()
    }

    func stop() {
        stopped = true
        kv.client.stop()
    }

    private func register() {
        kv.put(key, value: advertise, ttl: environment.config.ttl) { [self] result in
            guard !stopped else { return }
            if case .failure(let error) = result { environment.log(host.name, .join, "\(error)") }
        }
        kv.simulation.schedule(after: environment.config.heartbeat, for: self) { agent in agent.register() }
    }

    /// Go's `time.Duration.String()` for whole seconds (`1m0s`, `20s`).
    static func goDuration(_ duration: SimDuration) -> String {
        let seconds = duration.nanoseconds / 1_000_000_000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(seconds % 60)s" }
        return "\(seconds / 3600)h\(seconds % 3600 / 60)m\(seconds % 60)s"
    }
}
