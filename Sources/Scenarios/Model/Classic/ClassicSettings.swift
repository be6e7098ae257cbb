import SimEngine
import SimModels

/// The `cluster:` section of a classic scenario (`mode: classic`, SCENARIO_FORMAT §10): how many
/// hosts run each role, and the flags every `swarm manage` and `swarm join` is started with.
///
/// Defaults are docker/swarm's own (`cli/flags.go` of the chosen release; CLASSIC_SWARM_FACTS §0).
public struct ClassicSettings: Equatable, Sendable {
    /// The docker/swarm release: its defaults, filters, texts and `docker info` layout.
    public var version: ClassicSwarmVersion
    /// Consul servers (a Raft cluster of their own), at least 1 (default 1).
    public var consulServers: Int
    /// Hosts running `swarm manage --replication` (default 1).
    public var managers: Int
    /// Docker engines, each with a `swarm join` agent (default 2).
    public var engines: Int
    /// `swarm manage --strategy` (default spread).
    public var strategy: PlacementStrategy
    /// `swarm join --heartbeat` (default 60s, `cli/flags.go` flHeartBeat).
    public var heartbeat: SimDuration
    /// `swarm join --ttl` (default 180s, `cli/flags.go` flTTL).
    public var ttl: SimDuration
    /// `swarm manage --replication-ttl`: 15s in 1.1.3, 20s from 1.2 (docker/swarm ac634106);
    /// nil for the release's default.
    public var replicationTTLOverride: SimDuration?
    /// `--engine-refresh-min-interval` (default 30s).
    public var engineRefreshMin: SimDuration
    /// `--engine-refresh-max-interval` (default 60s).
    public var engineRefreshMax: SimDuration
    /// `--engine-failure-retry` (default 3).
    public var engineFailureRetry: Int
    /// The parameters of every link unless a fault changes them (`cluster.network`).
    public var network: LinkParameters

    /// The most hosts of one role a file may ask for.
    public static let maximumConsulServers = 9
    public static let maximumManagers = 9
    public static let maximumEngines = 1_000

    /// Settings with docker/swarm's defaults for `version`.
    public init(version: ClassicSwarmVersion = .v1_1_3, consulServers: Int = 1, managers: Int = 1, engines: Int = 2,
                strategy: PlacementStrategy = .spread, heartbeat: SimDuration = .seconds(60), ttl: SimDuration = .seconds(180),
                replicationTTL: SimDuration? = nil, engineRefreshMin: SimDuration = .seconds(30),
                engineRefreshMax: SimDuration = .seconds(60), engineFailureRetry: Int = 3,
                network: LinkParameters = LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500), loss: 0)) {
        self.version = version
        self.consulServers = consulServers
        self.managers = managers
        self.engines = engines
        self.strategy = strategy
        self.heartbeat = heartbeat
        self.ttl = ttl
        self.replicationTTLOverride = replicationTTL
        self.engineRefreshMin = engineRefreshMin
        self.engineRefreshMax = engineRefreshMax
        self.engineFailureRetry = engineFailureRetry
        self.network = network
    }

    /// `--replication-ttl` in force: the file's, else the release's default (15s in 1.1.3,
    /// 20s in 1.2.x; CLASSIC_SWARM_FACTS §0, docker/swarm `cli/flags.go` flLeaderTTL).
    public var replicationTTL: SimDuration {
        replicationTTLOverride ?? Self.defaultReplicationTTL(for: version)
    }

    /// The release's default `--replication-ttl`.
    public static func defaultReplicationTTL(for version: ClassicSwarmVersion) -> SimDuration {
        version >= .v1_2_9 ? .seconds(20) : .seconds(15)
    }
}
