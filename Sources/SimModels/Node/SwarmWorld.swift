import SimEngine

/// What every node of one simulated swarm shares: the engine, daemon settings (Raft timing,
/// the dispatcher heartbeat period) and the address book that turns a manager's address
/// (its host name) into a network destination, as DNS would. Nothing here is cluster state:
/// nodes learn that only from messages and their disks.
public final class SwarmWorld {
    public let simulation: Simulation
    /// Raft settings of every manager (SwarmKit: tick 1 s, election tick 10, heartbeat tick 1).
    public var raftConfig = RaftConfig()
    public var tickInterval = SimDuration.seconds(1)
    /// The dispatcher heartbeat period a new swarm is created with (5 s).
    public var heartbeatPeriod = SimDuration.seconds(5)
    /// Managers trace the Raft messages they send, and their vote decisions when
    /// `raftConfig.recordsVotes` is on too (`--trace raft`).
    public var tracesRaftMessages = false
    /// With `tracesRaftMessages`, every heartbeat and its answer too (`--trace raft=all`);
    /// otherwise a leader's heartbeats show as one line a second.
    public var tracesEveryHeartbeat = false
    /// The gossip settings of the data plane while it is on (`SwarmCluster.startDataPlane`);
    /// nil, the default, runs no gossip, load balancer or DNS.
    public var dataPlane: MemberlistConfig?
    private var addresses: [String: HostID] = [:]

    /// Told what the nodes do (see `SwarmObserver`), if anyone watches.
    public weak var observer: SwarmObserver?

    public init(simulation: Simulation) {
        self.simulation = simulation
    }

    /// Registers a host under its name.
    public func register(_ host: Host) {
        addresses[host.name] = host.id
    }

    /// The host an address names, if any.
    public func host(at address: String) -> HostID? {
        addresses[address]
    }
}
