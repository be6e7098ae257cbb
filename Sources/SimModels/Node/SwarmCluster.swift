import SimEngine

/// A simulated swarm: hosts running `SwarmNode`s on one engine, built from a list of machines.
/// `formSwarm` does what an operator does at the start: `docker swarm init` on the first
/// manager, then `docker swarm join` on every other node that should be in the swarm.
public final class SwarmCluster {
    /// One machine to simulate.
    public struct Machine: Sendable {
        public var name: String
        public var role: NodeRole
        public var description: NodeDescription
        /// Whether it joins the swarm at the start (`joined: false` in a scenario).
        public var joinsAtStart: Bool
        /// Node labels set as it joins.
        public var labels: [Label]

        public init(name: String, role: NodeRole, description: NodeDescription, joinsAtStart: Bool = true, labels: [Label] = []) {
            self.name = name
            self.role = role
            self.description = description
            self.joinsAtStart = joinsAtStart
            self.labels = labels
        }
    }

    public let world: SwarmWorld
    public let machines: [Machine]
    private var software: [SwarmNode?]

    public var simulation: Simulation { world.simulation }

    public init(simulation: Simulation, machines: [Machine]) {
        world = SwarmWorld(simulation: simulation)
        self.machines = machines
        software = Array(repeating: nil, count: machines.count)
        let firstHost = simulation.hosts.count
        self.firstHost = firstHost
        for machine in machines {
            let host = simulation.addHost(named: machine.name) { [unowned self] host in
                let node = SwarmNode(host: host, world: self.world, description: machine.description, labels: machine.labels)
                self.software[host.id - firstHost] = node
                return node
            }
            world.register(host)
        }
    }

    private let firstHost: HostID

    /// Powers every machine on.
    public func powerOn() {
        for index in machines.indices { simulation.hosts[firstHost + index].powerOn() }
    }

    /// `docker swarm init` on the first manager, then joins (managers first, one at a time as
    /// Raft allows one membership change at a time, then workers), all through messages.
    ///
    /// `completion` runs once every join has been answered.
    public func formSwarm(completion: @escaping () -> Void = {}) {
        guard let first = machines.firstIndex(where: { $0.role == .manager && $0.joinsAtStart }) else {
            completion()
            return
        }
        let managerHost = firstHost + first
        let joiners = machines.indices.filter { $0 != first && machines[$0].joinsAtStart }
        let ordered = joiners.filter { machines[$0].role == .manager } + joiners.filter { machines[$0].role == .worker }
        _ = node(at: first)?.initSwarm { [weak self] in
            self?.joinNext(ordered[...], via: managerHost, completion: completion)
        }
    }

    private func joinNext(_ remaining: ArraySlice<Int>, via managerHost: HostID, completion: @escaping () -> Void) {
        guard let index = remaining.first else {
            completion()
            return
        }
        let machine = machines[index]
        if machine.role == .worker {
            // Workers join in parallel: no Raft membership change is involved.
            var left = remaining.count
            for worker in remaining {
                join(worker, as: .worker, via: managerHost) { _ in
                    left -= 1
                    if left == 0 { completion() }
                }
            }
            return
        }
        join(index, as: .manager, via: managerHost) { [weak self] _ in
            self?.joinNext(remaining.dropFirst(), via: managerHost, completion: completion)
        }
    }

    /// The operator runs `docker swarm join --token TOKEN MANAGER` on machine `index` with the
    /// token of `role` that `docker swarm join-token` prints on the manager (see `joinToken`).
    public func join(_ index: Int, as role: NodeRole, via managerHost: HostID,
                     completion: @escaping (Result<NodeRole, SwarmNodeError>) -> Void) {
        guard let node = node(at: index) else { return }
        node.join(token: joinToken(for: role, through: managerHost) ?? "", via: managerHost, completion: completion)
    }

    /// The `role` join token as the operator would copy it from `docker swarm join-token` (or
    /// from `docker swarm init`'s output): from the committed store of the manager at
    /// `managerHost`, or, if that host runs no manager that knows it, of the first live manager
    /// (in machine order) that does. Nil when no live manager knows a swarm.
    /// - Complexity: O(1) through a manager that knows the swarm; otherwise O(machines up to the
    ///   first such manager) (it was O(machines) always: quadratic in a 1,000-worker formation).
    public func joinToken(for role: NodeRole, through managerHost: HostID?) -> String? {
        func token(_ node: SwarmNode?) -> String? { node?.manager?.store.cluster?.joinTokens?[role].description }
        if let id = managerHost, machines.indices.contains(id - firstHost), let known = token(node(at: id - firstHost)) {
            return known
        }
        return machines.indices.lazy.compactMap { token(self.node(at: $0)) }.first
    }

    // MARK: - Access (ground truth, for observers and tests)

    /// The software running on a machine now (nil while its host is down).
    public func node(at index: Int) -> SwarmNode? {
        let host = simulation.hosts[firstHost + index]
        return host.isUp ? software[index] : nil
    }

    /// The software running on the named machine now.
    public func node(named name: String) -> SwarmNode? {
        machines.firstIndex { $0.name == name }.flatMap { node(at: $0) }
    }

    /// The node ID the named machine holds now, as its disk says (nil outside a swarm): the ID
    /// `docker node ls` shows for it, which a user copies.
    public func nodeID(ofMachine name: String) -> NodeID? {
        host(named: name)?.disk.value(NodeIdentity.diskKey)?.nodeID
    }

    /// The host of the named machine.
    public func host(named name: String) -> Host? {
        machines.firstIndex { $0.name == name }.map { simulation.hosts[firstHost + $0] }
    }

    /// Every machine's live software, in machine order.
    public var liveNodes: [SwarmNode] {
        machines.indices.compactMap { node(at: $0) }
    }

    /// The leader: a live manager in the leader role whose term is the highest of any live manager.
    public var leader: SwarmNode? {
        let managers = liveNodes.filter { $0.manager != nil }
        guard let highest = managers.map({ $0.manager!.raft.node.term }).max() else { return nil }
        return managers.first { $0.manager!.isLeader && $0.manager!.raft.node.term == highest }
    }
}
