import SimEngine

/// `swarm manage -H :4000 [--replication --advertise <ip>:4000] consul://...` (`cli/manage.go`):
/// one classic manager process. It keeps its own view of the cluster (`ClassicCluster`) from
/// discovery and from its calls to the engines, campaigns for the leader lock when replicated,
/// and serves the Docker API on port 4000: as primary itself, as replica by proxying to the
/// primary (`api/replica.go`).
///
/// Facets: `+Discovery` (the nodes watch), `+Engines` (validation, refresh loop, health),
/// `+Leadership` (candidate and follower), `+API` (the handlers), `+Watchdog` (rescheduling).
/// Everything it knows came in messages: Consul's answers, the engines' answers.
public final class SwarmManager: HostComponent {
    /// The leader lock's key (`cli/manage.go` `leaderElectionPath`).
    public static let leaderKey = "docker/swarm/leader"
    /// `defaultRecoverTime`: the candidate or follower loop starts again this long after an error.
    public static let recoverTime: SimDuration = .seconds(10)
    /// `monitorPendingEngines`'s period.
    public static let pendingCheckInterval: SimDuration = .seconds(10)

    public let host: Host
    public var isRunning: Bool { !stopped }
    let environment: ClassicEnvironment
    var config: ClassicDeploymentConfig { environment.config }
    var simulation: Simulation { environment.simulation }
    /// `--advertise`: `IP:4000`.
    public let advertise: String
    /// The manager's hostname: its container's short ID (`docker info`'s `Name`).
    public let name: String
    public internal(set) var cluster: ClassicCluster
    /// True while it serves as primary (the primary handler is set).
    public internal(set) var isPrimary = false
    /// The replica's target: the last leader value the follower saw ("" when none, or in
    /// 1.1.3 its own address).
    public internal(set) var primaryAddress = ""
    /// What `docker info`'s `Primary:` prints: the last leader value seen.
    public internal(set) var lastLeaderValue = ""

    let consul: ConsulHTTPClient
    let http: ClassicHTTPClient
    var discoveryWatch: ConsulWatch?
    var leaderWatch: ConsulWatch?
    var lock: ConsulLock?
    /// The refresh loop's pending timer of each validated engine, by address.
    var refreshTimers: [String: TimerID] = [:]
    /// The watch's last list of addresses, in the order it came.
    var discovered: [String] = []
    var random: RandomStream
    private var stopped = false

    init(host: Host, environment: ClassicEnvironment, name: String, advertise: String,
         consul: ConsulHTTPClient, http: ClassicHTTPClient) {
        self.host = host
        self.environment = environment
        self.name = name
        self.advertise = advertise
        self.consul = consul
        self.http = http
        let config = environment.config
        cluster = ClassicCluster(version: config.version,
                                 scheduler: ClassicScheduler(version: config.version, strategy: config.strategy))
        random = environment.simulation.stream(named: "swarm-manage/\(host.name)/\(name)")
    }

    func log(_ text: String) { environment.log(host.name, .manage, text) }

    /// Starts the process: the discovery watch, the pending-engine monitor, and with
    /// `--replication` the candidate and the follower; without it, it is primary at once.
    func start() {
        log("Listening for HTTP  addr=:4000 proto=tcp")
        watchDiscovery()
        schedulePendingCheck()
        if config.replication {
            runCandidate()
            runFollower()
        } else {
            isPrimary = true
        }
    }

    /// The process dies (its container was removed or stopped): nothing is released, so its
    /// lock lives until its session expires (no `signal.Notify` in `cli/manage.go`).
    func stop() {
        stopped = true
        discoveryWatch?.stop()
        leaderWatch?.stop()
        consul.stop()
        http.stop()
        for address in refreshTimers.keys.sorted() { if let timer = refreshTimers[address] { simulation.cancel(timer) } }
        refreshTimers.removeAll()
    }

    /// The role `docker info` prints (`statusHandler.Status`).
    public var infoRole: ClassicInfo.Role {
        config.replication && !isPrimary ? .replica(primary: lastLeaderValue) : .primary
    }
}
