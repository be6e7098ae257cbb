import SimEngine
import SimModels

/// The `cluster:` section: how many nodes of each role, and the settings every node shares.
public struct ClusterSettings: Equatable, Sendable {
    /// Managers `m1..mN` (at least 1; default 1). `m1` runs `docker swarm init`, the others join.
    public var managers: Int
    /// Workers `w1..wN` (default 0); they join after the managers.
    public var workers: Int
    /// Raft timing (`cluster.raft`).
    public var raft: RaftSettings
    /// Dispatcher timing (`cluster.dispatcher`).
    public var dispatcher: DispatcherSettings
    /// The parameters of every link unless a fault changes them (`cluster.network`).
    public var network: LinkParameters

    /// The most managers a file may ask for.
    public static let maximumManagers = 99
    /// The most workers a file may ask for.
    public static let maximumWorkers = 10_000

    /// Settings with SwarmKit's defaults: one manager, no workers, 1 ms latency, 500 us jitter, no loss.
    public init(
        managers: Int = 1,
        workers: Int = 0,
        raft: RaftSettings = RaftSettings(),
        dispatcher: DispatcherSettings = DispatcherSettings(),
        network: LinkParameters = LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500), loss: 0)
    ) {
        self.managers = managers
        self.workers = workers
        self.raft = raft
        self.dispatcher = dispatcher
        self.network = network
    }

    /// The nodes the counts imply, with default resources: `m1..mN`, then `w1..wN`.
    public func generatedNodes() -> [NodeDefinition] {
        (0..<max(0, managers)).map { NodeDefinition(name: "m\($0 + 1)", role: .manager) }
            + (0..<max(0, workers)).map { NodeDefinition(name: "w\($0 + 1)", role: .worker) }
    }
}

/// The `cluster.raft` overrides; defaults are SwarmKit's (SWARM_FACTS §1.1).
public struct RaftSettings: Equatable, Sendable {
    /// The Raft tick interval (default 1 s).
    public var tick: SimDuration
    /// Ticks without a leader before a follower campaigns (default 10 × `heartbeatTick`,
    /// as dockerd computes it when unset). Always greater than `heartbeatTick`.
    public var electionTick: Int
    /// Ticks between a leader's heartbeats (default 1).
    public var heartbeatTick: Int
    /// A planted Raft bug (`mutant:`), a teaching and calibration aid; nil (the default) for none.
    public var mutant: RaftMutant?
    /// A leader steps down when it has not heard from a majority for an election timeout, and a
    /// follower that heard a leader that recently ignores vote requests (`check_quorum:`;
    /// SwarmKit sets `CheckQuorum: true`, manager/state/raft/raft.go `NewNode`).
    public var checkQuorum: Bool
    /// A candidate first asks whether it would win before raising its term (`pre_vote:`;
    /// SwarmKit leaves etcd's `PreVote` false).
    public var preVote: Bool

    /// Raft settings; the defaults are SwarmKit's.
    public init(tick: SimDuration = .seconds(1), electionTick: Int = 10, heartbeatTick: Int = 1, mutant: RaftMutant? = nil,
                checkQuorum: Bool = true, preVote: Bool = false) {
        self.tick = tick
        self.electionTick = electionTick
        self.heartbeatTick = heartbeatTick
        self.mutant = mutant
        self.checkQuorum = checkQuorum
        self.preVote = preVote
    }
}

/// The `cluster.dispatcher` overrides; defaults are SwarmKit's (SWARM_FACTS §2).
public struct DispatcherSettings: Equatable, Sendable {
    /// The agents' heartbeat period (default 5 s, `docker swarm init --dispatcher-heartbeat`).
    public var heartbeatPeriod: SimDuration

    /// Dispatcher settings; the default is SwarmKit's.
    public init(heartbeatPeriod: SimDuration = .seconds(5)) {
        self.heartbeatPeriod = heartbeatPeriod
    }
}
