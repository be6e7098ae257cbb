import SimEngine
import SimModels

/// What changed in a run, counted by the scenario layer from what the engine
/// (`EngineObserver`) and the swarm (`SwarmObserver`) report: the counters the ground truth's
/// caches, the checkers and the expectations compare to skip instants at which nothing they
/// read moved. The models keep no counters for this; every watcher's "what changed since the
/// last instant" is derived from here.
///
/// It also hands the Raft events the invariant monitor checks (entries applied, snapshots
/// restored, writes acknowledged, restarts) to it.
final class ObservedChanges: EngineObserver, SwarmObserver {
    /// Hosts' state changes (booting, up, crashed, stopped).
    private(set) var hosts = 0
    /// Changes of the network's cuts.
    private(set) var cuts = 0
    /// Managers started or stopped.
    private(set) var managerLifecycle = 0
    /// The host of every manager started, in order (a node that joins with a manager token
    /// runs a manager though the file named it a worker).
    private(set) var managerHosts: [String] = []
    /// Any change of a manager's Raft state or store, or a manager started or stopped.
    private(set) var managers = 0
    /// Containers created, changed or forgotten on any host.
    private(set) var containers = 0
    /// Every change counted above: equal totals at two instants, nothing reported moved.
    private(set) var total = 0
    /// Receives the Raft events (set by the invariant monitor).
    weak var invariants: InvariantMonitor?
    /// Woken at every change counted, so that the run's observers look after this instant.
    private unowned let simulation: Simulation

    init(simulation: Simulation, world: SwarmWorld) {
        self.simulation = simulation
        simulation.observer = self
        world.observer = self
    }

    // MARK: - EngineObserver

    func hostStateChanged(_ host: HostID) {
        hosts &+= 1
        counted()
    }

    func networkCutsChanged() {
        cuts &+= 1
        counted()
    }

    // MARK: - SwarmObserver

    func managerStarted(_ manager: ManagerNode, firstTime: Bool) {
        managerLifecycle &+= 1
        managerHosts.append(manager.host.name)
        managerChanged()
        invariants?.managerStarted(manager, firstTime: firstTime)
    }

    func managerStopped(_ manager: ManagerNode) {
        managerLifecycle &+= 1
        managerChanged()
    }

    func raftStateChanged(_ manager: ManagerNode) {
        managerChanged()
    }

    func entryApplied(_ entry: RaftEntry<StoreProposal>, by manager: ManagerNode) {
        managerChanged()
        invariants?.entryApplied(entry, by: manager)
    }

    func snapshotRestored(index: RaftIndex, term: RaftTerm, by manager: ManagerNode) {
        managerChanged()
        invariants?.snapshotRestored(index: index, term: term, by: manager)
    }

    func entryAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm, by manager: ManagerNode) {
        invariants?.entryAcknowledged(entry, leaderTerm: leaderTerm, by: manager)
    }

    func containersChanged(on host: HostID) {
        containers &+= 1
        counted()
    }

    private func managerChanged() {
        managers &+= 1
        counted()
    }

    private func counted() {
        total &+= 1
        simulation.wakeObservers()
    }
}
