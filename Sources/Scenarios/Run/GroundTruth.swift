import SimEngine
import SimModels

/// What is true of the simulated cluster at an instant, read from every host (the observers'
/// privilege; nothing in SimModels may read it). The meanings are SCENARIO_FORMAT §6's.
struct GroundTruth {
    let cluster: SwarmCluster

    /// Live managers.
    var liveManagers: [SwarmNode] {
        cluster.liveNodes.filter { $0.manager != nil }
    }

    /// The leader: a live manager in the leader state whose term is the highest of any live manager.
    var leader: SwarmNode? { cluster.leader }

    /// The highest term held by a live manager.
    var term: UInt64 {
        liveManagers.map { $0.manager!.raft.node.term }.max() ?? 0
    }

    /// The Raft configuration in force: the members known to the live manager with the
    /// longest log (ties: highest term, then name).
    var configuration: [RaftMember] {
        let best = liveManagers.max { a, b in
            let ra = a.manager!.raft.node, rb = b.manager!.raft.node
            return (ra.lastIndex, ra.term) < (rb.lastIndex, rb.term)
        }
        return best?.manager!.raft.node.membership.members ?? []
    }

    /// Some group of live managers, connected to each other as the network stands, is a
    /// majority of the Raft configuration.
    var quorumIsOK: Bool {
        let members = configuration
        guard !members.isEmpty else { return false }
        let memberAddresses = Set(members.map(\.address))
        let live = liveManagers.filter { memberAddresses.contains($0.host.name) && !$0.manager!.isStopped }
        let network = cluster.simulation.network
        // Connected components over links that pass both ways.
        var component = Array(repeating: -1, count: live.count)
        var best = 0
        for start in live.indices where component[start] < 0 {
            var stack = [start]
            component[start] = start
            var size = 0
            while let i = stack.popLast() {
                size += 1
                for j in live.indices where component[j] < 0 {
                    let a = live[i].host.id, b = live[j].host.id
                    if !network.isCut(from: a, to: b) && !network.isCut(from: b, to: a) {
                        component[j] = start
                        stack.append(j)
                    }
                }
            }
            best = max(best, size)
        }
        return best >= members.count / 2 + 1
    }

    /// The leader's store, if there is a leader.
    var leaderStore: ClusterStore? {
        leader?.manager?.store
    }

    /// The node object of `name` in the leader's store.
    func nodeObject(_ name: String) -> NodeObject? {
        leaderStore?.nodesSorted.first { $0.description.hostname == name }
    }

    /// Containers running on the named host (zero if it is down), optionally of one service.
    func runningContainers(on name: String, service: String?) -> Int {
        guard let node = cluster.node(named: name) else { return 0 }
        guard let service else { return node.runtime.runningCount }
        return node.runtime.runningContainers.filter { $0.serviceName == service }.count
    }

    /// Containers of `service` running on hosts that are up.
    func runningContainers(ofService service: String) -> Int {
        cluster.liveNodes.reduce(0) { $0 + $1.runtime.runningContainers.filter { $0.serviceName == service }.count }
    }
}
