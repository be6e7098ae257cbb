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
    private var addresses: [String: HostID] = [:]
    /// Bumped whenever a manager's Raft state or store changes, or a manager starts or stops:
    /// observers recompute what they derive from the managers only when it moved.
    public private(set) var managerStateVersion = 0

    /// Records that some manager's state changed.
    func noteManagerStateChange() {
        managerStateVersion &+= 1
        simulation.noteObservedChange()
    }

    /// Bumped whenever a manager starts or stops on some host: which managers run moves only then
    /// (and with the hosts' states).
    public private(set) var managerLifecycleVersion = 0

    /// Records that a manager started or stopped (a change of its state too).
    func noteManagerStartOrStop() {
        managerLifecycleVersion &+= 1
        noteManagerStateChange()
    }

    /// Bumped whenever a container on any node is created, changes state or is forgotten:
    /// observers recount running containers only when it moved.
    public private(set) var containerStateVersion = 0

    /// Records that some container changed.
    func noteContainerStateChange() {
        containerStateVersion &+= 1
        simulation.noteObservedChange()
    }

    /// A safety checker watching every manager's Raft, if any.
    public weak var raftObserver: RaftObserver?

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
