import SimEngine

// What conditions and tests observe (SCENARIO_FORMAT §10 "Conditions"): read from the processes
// as an operator with access to every machine would, never changing them.

extension ClassicDeployment {
    /// The running Consul servers.
    public var liveConsulServers: [ConsulServer] {
        environment.consulServers.compactMap { id in
            guard simulation.hosts[id].isUp, let server = software[id]?.consulServer, server.isRunning else { return nil }
            return server
        }
    }

    /// `consul leader is NODE`: the running server that leads the highest term, if any.
    public var consulLeader: String? {
        let live = liveConsulServers
        guard let term = live.map({ $0.raft.currentTerm() }).max() else { return nil }
        return live.first { $0.isLeader && $0.raft.currentTerm() == term }?.host.name
    }

    /// `consul quorum is ok`: a majority of the Consul servers run.
    public var consulQuorumIsOK: Bool {
        liveConsulServers.count * 2 > environment.consulServers.count
    }

    /// The store as the most advanced running server applied it.
    private var consulStore: ConsulStoreData? {
        liveConsulServers.max { $0.appliedIndex < $1.appliedIndex }?.store
    }

    /// `primary is NODE`: the host whose manager holds `docker/swarm/leader` in the Consul
    /// store (even if that manager died and its session has not expired); nil while the lock
    /// is free.
    public var primaryLockHolder: String? {
        guard let pair = consulStore?.kv[SwarmManager.leaderKey], pair.session != nil else { return nil }
        return hostName(address: pair.value)
    }

    /// The hosts whose manager acts as primary now (more than one: `split primary`).
    public var actingPrimaries: [String] {
        hostNames.filter { hostSoftware($0)?.manager?.isPrimary == true }
    }

    /// The running manager of host `name`.
    public func manager(on name: String) -> SwarmManager? { hostSoftware(name)?.manager }

    /// The manager whose view the conditions read: the lock holder's when it runs and acts as
    /// primary, else any acting primary, else the last one that held the lock.
    public var observedManager: SwarmManager? {
        if let holder = primaryLockHolder, let manager = manager(on: holder), manager.isPrimary { return manager }
        if let acting = actingPrimaries.first { return manager(on: acting) }
        if let last = lastPrimary, let manager = manager(on: last) { return manager }
        return nil
    }

    /// The host whose manager last acquired the lock, from the log.
    var lastPrimary: String? {
        environment.events.last { $0.source == .manage && $0.text == "Leader Election: Cluster leadership acquired" }?.node
    }

    /// `engine NODE is healthy | unhealthy | pending | absent`: the engine of host `node` as
    /// `observedManager` lists it; nil is absent.
    public func engineState(of node: String) -> ClassicEngineState? {
        guard let ip = ip(of: node), let manager = observedManager else { return nil }
        return manager.cluster.engine(address: "\(ip):\(ClassicPorts.engine)")?.state
    }

    /// `node NODE has N containers`: the containers the engine of `node` holds as
    /// `observedManager` lists them (nil when it does not list the engine).
    public func containerCount(on node: String) -> Int? {
        guard let ip = ip(of: node), let manager = observedManager else { return nil }
        return manager.cluster.engine(address: "\(ip):\(ClassicPorts.engine)")?.containers.count
    }

    /// `container NAME is running [on NODE]`: the hosts whose daemon runs a container named
    /// `name` now (the machines' truth, not a manager's view).
    public func hostsRunning(container name: String) -> [String] {
        hostNames.filter { node in
            hostSoftware(node)?.daemon.containers.contains { $0.name == name && $0.state.isRunning } == true
        }
    }

    /// `container NAME is absent`: no daemon holds a container named `name`.
    public func containerExists(_ name: String) -> Bool {
        hostNames.contains { hostSoftware($0)?.daemon.containers.contains { $0.name == name } == true }
    }

    /// Every log line so far (the timeline's events), and `onEvent` for each new one.
    public var events: [ClassicEvent] { environment.events }
}
