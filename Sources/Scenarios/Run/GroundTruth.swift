import SimEngine
import SimModels

/// What is true of the simulated cluster at an instant, read from every host (the observers'
/// privilege; nothing in SimModels may read it). The meanings are SCENARIO_FORMAT §6's.
///
/// Observers ask after every instant, so the managers are tracked rather than searched for
/// among all nodes: the scenario's managers, plus every node the leader's store records as a
/// manager (promotions), refreshed when that store changes.
final class GroundTruth {
    let cluster: SwarmCluster
    private var candidates: [Int]
    private var indexByName: [String: Int] = [:]
    private var lastStoreStamp: (host: HostID, changes: UInt64)?
    /// Node IDs by hostname in the leader's store, as of `lastStoreStamp`.
    private var nodeIDByHostname: [String: NodeID] = [:]

    init(cluster: SwarmCluster) {
        self.cluster = cluster
        candidates = cluster.machines.indices.filter { cluster.machines[$0].role == .manager }
        for (index, machine) in cluster.machines.enumerated() { indexByName[machine.name] = index }
    }

    /// What the managers-derived answers depend on: managers' Raft and store state, hosts'
    /// states; answers are kept until one of them moves.
    struct Stamp: Equatable {
        var managers: Int
        var hosts: Int
    }

    private var cachedAt: Stamp?
    private var cachedManagers: [SwarmNode] = []
    private var cachedLeader: SwarmNode?

    /// Live managers whose manager runs, in machine order.
    var liveManagers: [SwarmNode] {
        refreshCache()
        return cachedManagers
    }

    /// The leader: a live manager in the leader state whose term is the highest of any live manager.
    var leader: SwarmNode? {
        refreshCache()
        return cachedLeader
    }

    /// The current stamp: equal stamps, equal managers' state.
    var stamp: Stamp {
        Stamp(managers: cluster.world.managerStateVersion, hosts: cluster.simulation.hostStateVersion)
    }

    private func refreshCache() {
        let now = stamp
        guard now != cachedAt else { return }
        cachedAt = now
        refreshCandidates()
        cachedManagers = liveCandidateManagers
        let highest = cachedManagers.map { $0.manager!.term }.max()
        cachedLeader = cachedManagers.first { $0.manager!.isLeader && $0.manager!.term == highest }
    }

    private var liveCandidateManagers: [SwarmNode] {
        candidates.compactMap { index in
            guard let node = cluster.node(at: index), let manager = node.manager, !manager.isStopped else { return nil }
            return node
        }
    }

    /// Adds the nodes the leader's store lists as managers, when that store changed.
    private func refreshCandidates() {
        let managers = liveCandidateManagers
        guard let highest = managers.map({ $0.manager!.term }).max(),
              let leader = managers.first(where: { $0.manager!.isLeader && $0.manager!.term == highest }),
              let store = leader.manager?.store else { return }
        let stamp = (host: leader.host.id, changes: store.changeCount)
        if let last = lastStoreStamp, last == stamp { return }
        lastStoreStamp = stamp
        var added = false
        nodeIDByHostname.removeAll(keepingCapacity: true)
        // A node that left and joined again has two objects with one hostname: the one that is
        // not Down stands for it (ties: the smaller ID), whatever order the store keeps them in.
        for node in store.nodesSorted {
            if let kept = nodeIDByHostname[node.description.hostname], let keptNode = store.node(kept),
               keptNode.status.state != .down || node.status.state == .down {
                // keep the earlier one
            } else {
                nodeIDByHostname[node.description.hostname] = node.id
            }
            guard node.role == .manager || node.spec.desiredRole == .manager else { continue }
            if let index = indexByName[node.description.hostname], !candidates.contains(index) {
                candidates.append(index)
                added = true
            }
        }
        if added { candidates.sort() }
    }

    /// The highest term held by a live manager.
    var term: UInt64 {
        liveManagers.map { $0.manager!.term }.max() ?? 0
    }

    /// The Raft configuration in force: the members known to the live manager with the
    /// longest log (ties: highest term, then name).
    var configuration: [RaftMember] {
        let best = liveManagers.max { a, b in
            let ra = a.manager!, rb = b.manager!
            return (ra.lastIndex, ra.term) < (rb.lastIndex, rb.term)
        }
        return best?.manager!.members ?? []
    }

    /// Some group of live managers, connected to each other as the network stands, is a
    /// majority of the Raft configuration. Recomputed only when the managers, the configuration
    /// or the network's cuts changed.
    var quorumIsOK: Bool {
        let outer = (stamp, cluster.simulation.network.topologyVersion)
        if let cached = quorumCache, cached.outer == outer { return cached.ok }
        let members = configuration
        let memberAddresses = Set(members.map(\.address))
        let live = liveManagers.filter { memberAddresses.contains($0.host.name) }
        let network = cluster.simulation.network
        let key = QuorumKey(topology: network.topologyVersion, live: live.map(\.host.id), members: members.map(\.id))
        if let cached = quorumCache, cached.key == key {
            quorumCache = (outer, key, cached.ok)
            return cached.ok
        }
        var ok = false
        if !members.isEmpty {
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
            ok = best >= members.count / 2 + 1
        }
        quorumCache = (outer, key, ok)
        return ok
    }

    private struct QuorumKey: Equatable {
        var topology: Int
        var live: [HostID]
        var members: [RaftNodeID]
    }

    private var quorumCache: (outer: (Stamp, Int), key: QuorumKey, ok: Bool)?

    /// The leader's store, if there is a leader.
    var leaderStore: ClusterStore? {
        leader?.manager?.store
    }

    /// The node object of `name` in the leader's store.
    func nodeObject(_ name: String) -> NodeObject? {
        guard let store = leaderStore else { return nil }  // also refreshes the hostname index
        return nodeIDByHostname[name].flatMap { store.node($0) }
    }

    /// Containers running on the named host (zero if it is down), optionally of one service.
    func runningContainers(on name: String, service: String?) -> Int {
        guard let index = indexByName[name], let node = cluster.node(at: index) else { return 0 }
        guard let service else { return node.runtime.runningCount }
        return node.runtime.runningContainers.filter { $0.serviceName == service }.count
    }

    /// Containers of `service` running on hosts that are up.
    func runningContainers(ofService service: String) -> Int {
        cluster.liveNodes.reduce(0) { $0 + $1.runtime.runningContainers.filter { $0.serviceName == service }.count }
    }
}
