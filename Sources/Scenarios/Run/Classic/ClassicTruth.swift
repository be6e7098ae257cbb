import SimEngine
import SimModels

/// What the conditions of a classic scenario read (SCENARIO_FORMAT §10), from the deployment's
/// observations and the network's cuts: ground truth an operator with access to every machine
/// would see. It never changes the deployment.
final class ClassicTruth {
    let deployment: ClassicDeployment
    /// The Consul servers' hosts, for the majority.
    private let consulHosts: [String]

    init(deployment: ClassicDeployment, consulHosts: [String]) {
        self.deployment = deployment
        self.consulHosts = consulHosts
    }

    private var network: Network { deployment.simulation.network }

    /// The running servers connected both ways to `server` (itself included).
    private func reachable(from server: ConsulServer, among live: [ConsulServer]) -> [ConsulServer] {
        live.filter { $0 === server || (!network.isCut(from: server.host.id, to: $0.host.id) && !network.isCut(from: $0.host.id, to: server.host.id)) }
    }

    private func isMajority(_ count: Int) -> Bool { count * 2 > consulHosts.count }

    /// The Consul leader a client would see, as SCENARIO_FORMAT §6 defines Swarm mode's: a running
    /// server in the leader state that a majority follows, counting itself and the running
    /// servers connected to it both ways whose term is not higher than its own; the higher term
    /// if two qualify.
    var consulLeader: String? {
        let live = deployment.liveConsulServers
        let leaders = live.filter { server in
            server.isLeader && isMajority(reachable(from: server, among: live).count { $0.raft.node.term <= server.raft.node.term })
        }
        return leaders.max { $0.raft.node.term < $1.raft.node.term }?.host.name
    }

    /// A majority of the Consul servers can reach each other: some running server together with
    /// the running servers connected to it both ways.
    var consulQuorumIsOK: Bool {
        let live = deployment.liveConsulServers
        return live.contains { isMajority(reachable(from: $0, among: live).count) }
    }

    /// Whether `condition` holds now, and what was observed.
    func evaluate(_ condition: ClassicCondition) -> (holds: Bool, observed: String) {
        switch condition {
        case .primary(let holder):
            let primary = deployment.primaryLockHolder
            return (holder.isSatisfied(by: primary), "primary was \(primary ?? "none")")
        case .consulLeader(let holder):
            let leader = consulLeader
            return (holder.isSatisfied(by: leader), "consul leader was \(leader ?? "none")")
        case .consulQuorum(let isOK):
            let ok = consulQuorumIsOK
            return (ok == isOK, "consul quorum was \(ok ? "ok" : "lost")")
        case .engine(let node, let expected):
            let state = engineCondition(of: node)
            return (state == expected, "engine \(node) was \(state.rawValue)")
        case .containerRunning(let name, let node):
            let hosts = deployment.hostsRunning(container: name)
            let holds = node.map(hosts.contains) ?? !hosts.isEmpty
            return (holds, hosts.isEmpty ? "container \(name) was not running" : "container \(name) was running on \(hosts.joined(separator: ", "))")
        case .containerAbsent(let name):
            let exists = deployment.containerExists(name)
            return (!exists, exists ? "container \(name) existed" : "container \(name) was absent")
        case .nodeContainers(let node, let count):
            let running = runningContainers(on: node)
            return (count.isSatisfied(by: running), "node \(node) had \(running) running container\(running == 1 ? "" : "s")")
        }
    }

    /// The engine's state as the observed manager lists it (`absent` when it does not).
    func engineCondition(of node: String) -> ClassicEngineCondition {
        switch deployment.engineState(of: node) {
        case nil: .absent
        case .pending?: .pending
        case .healthy?: .healthy
        default: .unhealthy
        }
    }

    /// The containers running on the host's engine, besides classic Swarm's own (the Consul
    /// server, `swarm manage` and `swarm join` containers): what a user started.
    func runningContainers(on node: String) -> Int {
        guard let software = deployment.hostSoftware(node) else { return 0 }
        let own = Set(software.processContainers.values)
        return software.daemon.containers.count { $0.state.isRunning && !own.contains($0.id) }
    }
}
