import SimEngine
import SimModels

/// A cluster of plain Raft members on the real engine (hosts, disks, network): the bench for
/// Raft's timing tests and for randomized fault sweeps. Commands are numbers; the lab records
/// which proposals were acknowledged as committed so a checker can prove none is ever lost.
public final class RaftLabCluster {
    public let simulation: Simulation
    public let config: RaftConfig
    public let tickInterval: SimDuration
    let initialMembers: [RaftMember]
    private var servers: [RaftLabServer?]
    /// Leadership changes seen, in order: (time, host name, term).
    public private(set) var leaderChanges: [(time: SimInstant, host: String, term: RaftTerm)] = []
    /// Proposals acknowledged to the client: (index, term, command).
    public private(set) var acknowledged: [(index: RaftIndex, term: RaftTerm, command: UInt64)] = []
    private var awaiting: [UInt64: (host: HostID, index: RaftIndex, term: RaftTerm)] = [:]
    private var nextCommand: UInt64 = 1
    /// The safety checker, when one observes the lab.
    var checker: RaftLabChecker?

    public init(seed: UInt64, managers: Int, config: RaftConfig = RaftConfig(), tickInterval: SimDuration = .seconds(1),
                network: LinkParameters = LinkParameters()) {
        simulation = Simulation(seed: seed)
        self.config = config
        self.tickInterval = tickInterval
        simulation.network.defaults = network
        initialMembers = (0..<managers).map { RaftMember(id: RaftNodeID($0 + 1), address: "m\($0 + 1)") }
        servers = Array(repeating: nil, count: managers)
        for index in 0..<managers {
            simulation.addHost(named: "m\(index + 1)") { [unowned self] host in
                let server = RaftLabServer(host: host, lab: self)
                self.servers[host.id] = server
                return server
            }
        }
        for host in simulation.hosts { host.powerOn() }
    }

    // MARK: - Ground truth (for tests and checkers)

    /// The live servers, in host order.
    var liveServers: [RaftLabServer] {
        simulation.hosts.compactMap { $0.isUp ? servers[$0.id] : nil }
    }

    /// The leader: a live member in the leader role with the highest term among live members.
    public var leader: String? {
        let live = liveServers
        guard let highest = live.map({ $0.raft.currentTerm() }).max() else { return nil }
        return live.first { $0.raft.leads() && $0.raft.currentTerm() == highest }?.host.name
    }

    /// True when every host is up and every member holds and has applied the leader's whole log.
    public var isConverged: Bool {
        guard let name = leader, let host = simulation.host(named: name), let leader = servers[host.id]?.raft,
              liveServers.count == simulation.hosts.count else { return false }
        let target = leader.indexes()
        return liveServers.allSatisfy {
            let own = $0.raft.indexes()
            return own.last == target.last && own.applied == target.commit
        } && target.commit == target.last
    }

    /// The highest term of any live member.
    public var term: RaftTerm {
        liveServers.map { $0.raft.currentTerm() }.max() ?? 0
    }

    /// The Raft node of a live host, for inspection.
    public func node(_ name: String) -> RaftNode<UInt64, [UInt64]>? {
        guard let host = simulation.host(named: name), host.isUp else { return nil }
        return servers[host.id]?.raft.node
    }

    /// Commands applied by a live host, in order.
    public func appliedCommands(_ name: String) -> [UInt64]? {
        guard let host = simulation.host(named: name), host.isUp else { return nil }
        return servers[host.id]?.applied.map(\.command)
    }

    /// Host names, in order.
    public var names: [String] { simulation.hosts.map(\.name) }

    // MARK: - Client

    /// Proposes a new command on whichever live member believes it leads; returns the command.
    @discardableResult
    public func proposeOnLeader() -> UInt64? {
        guard let server = liveServers.first(where: { $0.raft.leads() }) else { return nil }
        let command = nextCommand
        nextCommand += 1
        let result = server.raft.withNode { $0.propose(command) }
        if case let .accepted(index, term) = result {
            awaiting[command] = (server.host.id, index, term)
        }
        return command
    }

    // MARK: - Hooks from the servers

    func didApply(_ entry: RaftEntry<UInt64>, on server: RaftLabServer) {
        checker?.applied(entry, by: server.raftID)
        guard let command = entry.command, let wait = awaiting[command], wait.host == server.host.id else { return }
        awaiting[command] = nil
        // The proposer applied its own entry: the client is told it committed.
        if wait.index == entry.index && wait.term == entry.term {
            acknowledged.append((entry.index, entry.term, command))
            checker?.acknowledged(entry, leaderTerm: entry.term)
        }
    }

    func softStateChanged(_ soft: RaftSoftState, on server: RaftLabServer) {
        if soft.role == .leader {
            leaderChanges.append((simulation.now, server.host.name, server.raft.currentTerm()))
            simulation.emit(node: server.host.name, component: "raft", kind: "raft.leader",
                            "became leader at term \(server.raft.currentTerm())")
        }
    }
}
