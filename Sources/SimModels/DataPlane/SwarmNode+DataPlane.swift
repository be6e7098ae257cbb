import SimEngine

/// The data plane as part of the engine: each node's NetworkDB, which the engine starts when
/// the node's agent starts in swarm mode and which gossips through the managers it knows
/// (moby `daemon/cluster/executor/container/executor.go` and libnetwork `agent.go`: the
/// agent's `networkDB.Join` with the remote managers' addresses). Nothing starts it by
/// default: the scenario layer does, only when something observes traffic.
extension SwarmNode: GossipHosting {
    /// Starts this node's NetworkDB, joining through `seeds` (the managers this node knows
    /// when nil). Does nothing if it already runs.
    public func startNetworkDB(joining seeds: [HostID]? = nil, config: MemberlistConfig = .defaultLAN) {
        guard networkDB == nil else { return }
        let database = NetworkDB(host: host, simulation: simulation, config: config)
        networkDB = database
        database.start(joining: seeds ?? (identity?.managers ?? []).compactMap { world.host(at: $0) })
    }
}
