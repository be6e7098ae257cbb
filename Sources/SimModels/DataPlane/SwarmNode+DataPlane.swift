import SimEngine

/// The data plane as part of the engine: each node's NetworkDB, which the engine starts when
/// the node's agent starts in swarm mode and which gossips through the managers it knows
/// (moby `daemon/cluster/executor/container/executor.go` and libnetwork `agent.go`: the
/// agent's `networkDB.Join` with the remote managers' addresses). Nothing starts it by
/// default: the scenario layer does, only when something observes traffic
/// (`SwarmCluster.startDataPlane`).
extension SwarmNode: GossipHosting {
    /// Starts this node's NetworkDB alone (gossip without load balancers), joining through
    /// `seeds` (the managers this node knows when nil). Does nothing if it already runs.
    public func startNetworkDB(joining seeds: [HostID]? = nil, config: MemberlistConfig = .defaultLAN) {
        guard networkDB == nil else { return }
        let database = NetworkDB(host: host, simulation: simulation, config: config)
        networkDB = database
        database.start(joining: seeds ?? (identity?.managers ?? []).compactMap { world.host(at: $0) })
    }

    /// Starts this node's whole data plane (NetworkDB, load balancers, DNS, the apps' ports),
    /// joining gossip through the managers it knows; the tasks already running here are
    /// entered. Does nothing outside a swarm, or if gossip already runs.
    public func startDataPlane(config: MemberlistConfig = .defaultLAN) {
        guard networkDB == nil, let identity else { return }
        let plane = NodeDataPlane(node: self, config: config)
        dataPlane = plane
        networkDB = plane.networkDB
        plane.start(joining: identity.managers.compactMap { world.host(at: $0) })
        for task in agent?.runningTasks ?? [] {
            plane.taskEvent(task, .containerStarted)
            plane.taskEvent(task, .serviceEnabled)
        }
    }

    /// Called as the agent starts: the data plane follows the world's setting.
    func startDataPlaneIfEnabled() {
        if let config = world.dataPlane { startDataPlane(config: config) }
    }
}

extension SwarmCluster {
    /// Turns the data plane on for the whole cluster (SCENARIO_FORMAT §9): every node in the
    /// swarm starts gossip, load balancers and DNS now, and every node that boots or joins
    /// later does so as its agent starts. Off by default: a run that never calls this
    /// simulates no gossip and no request.
    public func startDataPlane(config: MemberlistConfig = .defaultLAN) {
        world.dataPlane = config
        for node in liveNodes { node.startDataPlane(config: config) }
    }
}
