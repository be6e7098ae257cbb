import SimEngine

/// One node's data plane: its NetworkDB, the service table (load balancers, ingress ports,
/// DNS names) it builds from the endpoint entries it holds, and the tasks it runs, whose
/// entries it writes (moby libnetwork `agent.go`, `service_common.go`, `service_linux.go`).
///
/// Everything it knows of other nodes' tasks came by gossip into its NetworkDB; its own tasks'
/// entries it applies at once, as libnetwork's `addServiceBinding` does locally before the
/// gossip leaves. It exists only when the data plane is turned on (`SwarmCluster
/// .startDataPlane`), so a run without it pays nothing.
///
/// Facets: `NodeDataPlane+Tasks` (the task hooks and the entries they write),
/// `NodeDataPlane+Requests` (connections: routing mesh, host ports, the app, local calls).
public final class NodeDataPlane: HostComponent {
    /// NetworkDB's key for the routing-mesh network, which every node joins when it starts
    /// (SwarmKit `allocator/network.go` `getNodeNetworks` always attaches ingress); simrun keys
    /// every network by its name, which the swarm keeps unique.
    public static let ingressNetwork = "ingress"

    public let host: Host
    unowned let node: SwarmNode
    let simulation: Simulation
    public let networkDB: NetworkDB
    /// The load balancers and names this node holds now.
    public internal(set) var table = ServiceTable()
    /// Shuffles DNS answers (`resolver.go` shuffles each answer).
    var dnsRandom: RandomStream
    /// The tasks whose containers run here, by task ID.
    var localTasks: [String: TaskObject] = [:]
    /// Per network name (ingress aside), how many local tasks are attached.
    var localAttachments: [String: Int] = [:]
    /// Calls made from this node's containers, waiting for their answer.
    var calls: [UInt64: (ConnectionReply) -> Void] = [:]
    var nextCall: UInt64 = 1
    public var isRunning: Bool { true }

    init(node: SwarmNode, config: MemberlistConfig) {
        self.node = node
        host = node.host
        simulation = node.simulation
        networkDB = NetworkDB(host: node.host, simulation: node.simulation, config: config)
        dnsRandom = node.simulation.stream(named: "dns/\(node.host.name)/\(node.host.epoch)")
    }

    /// Starts gossip through `seeds` and joins the ingress network.
    func start(joining seeds: [HostID]) {
        networkDB.onChange = { [unowned self] change in self.tableChanged(change) }
        networkDB.start(joining: seeds)
        networkDB.joinNetwork(Self.ingressNetwork)
    }

    /// A change NetworkDB made to an endpoint table from a peer's message or a node's failure.
    func tableChanged(_ change: NetworkDB.Change) {
        guard change.table == EndpointEntry.table else { return }
        switch change.kind {
        case .create, .update:
            guard let entry = EndpointEntry(encoded: change.value) else { return }
            table.upsert(network: change.network, taskID: change.key, entry: entry, owner: change.owner)
        case .delete:
            table.remove(network: change.network, taskID: change.key)
        }
    }

    // MARK: - Queries (SCENARIO_FORMAT §9 conditions)

    /// `port PORT is open on NODE`: a published port this node would accept and forward now
    /// (an ingress port whose load balancer holds a backend, or a host-mode port a local task
    /// binds).
    public func acceptsPort(_ port: Int) -> Bool {
        table.ingress(port: port) != nil || hostPortTask(port) != nil
    }

    /// `name NAME resolves on NODE`: the addresses the embedded DNS gives a container of this
    /// node on a network shared with `name` (every network this node holds, ingress aside), in
    /// table order (no shuffle: a query, not a lookup by an app).
    public func addresses(of name: String) -> [String] {
        for network in knownNetworks {
            let answer = EmbeddedDNS.lookup(name, networks: [network], table: table)
            if !answer.isEmpty { return answer }
        }
        return []
    }

    /// `backends of SERVICE on NODE`: the enabled backends (weight > 0) this node's load
    /// balancer holds for the service: its ingress one when it publishes a port, else the one
    /// of its first network (in network name order).
    public func enabledBackends(ofService name: String) -> [LoadBalancer.Backend] {
        let balancers = table.balancers(ofService: name)
        let chosen = balancers.first { $0.networkID == Self.ingressNetwork && !$0.ingressPorts.isEmpty } ?? balancers.first
        return chosen?.enabled ?? []
    }

    /// `docker exec TASK nslookup NAME`: what the embedded DNS answers the container of
    /// `taskName` (a task running here), shuffled; empty when the name does not resolve or the
    /// task does not run here.
    public func nslookup(_ name: String, fromTask taskName: String) -> [String] {
        guard let task = localTask(named: taskName) else { return [] }
        var answer = EmbeddedDNS.lookup(name, networks: Self.networks(of: task), table: table)
        dnsRandom.shuffle(&answer)
        return answer
    }

    /// The networks this node's table has load balancers on, by name, ingress aside.
    var knownNetworks: [String] {
        Array(Set(table.balancers.keys.map(\.networkID))).filter { $0 != Self.ingressNetwork }.sorted()
    }

    /// The networks of a task's container, by name (ingress aside: it has no DNS).
    static func networks(of task: TaskObject) -> [String] {
        (task.serviceEndpoint?.attachments ?? []).filter { !$0.isIngress }.map(\.networkName)
    }

    /// The local running task called `taskName` (`web.1`), if any.
    func localTask(named taskName: String) -> TaskObject? {
        localTasks.keys.sorted().compactMap { localTasks[$0] }.first { $0.name == taskName }
    }

    /// The names of the tasks whose containers run here, sorted.
    public var localTaskNames: [String] { localTasks.values.map(\.name).sorted() }
}
