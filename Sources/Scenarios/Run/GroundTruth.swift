import SimEngine
import SimModels

/// What is true of the simulated cluster at an instant, read from every host (the observers'
/// privilege; nothing in SimModels may read it). The meanings are SCENARIO_FORMAT §6's.
///
/// Observers ask after every instant, so the managers are tracked rather than searched for
/// among all nodes: the scenario's managers, plus every node the leader's store records as a
/// manager (promotions), refreshed when that store changes.
///
/// The live managers and the leader are cached and recomputed when the stamp (the managers'
/// and hosts' change counts of `ObservedChanges`) moved; the runner refreshes them after every
/// instant (`refresh()`), so what they hold is the cluster as it was at the end of the last
/// instant that moved the stamp. With `exhaustive`, nothing is cached: every answer is computed
/// afresh (the test that the caches change no outcome runs both ways).
final class GroundTruth {
    let cluster: SwarmCluster
    /// What changed, as the engine and the models reported it.
    let changes: ObservedChanges
    /// Computes every answer afresh instead of from the caches.
    let exhaustive: Bool
    private let network: Network
    private var candidates: [Int]
    /// How many of the observed manager starts have been looked at for new candidates.
    private var managerHostsSeen = 0
    private var indexByName: [String: Int] = [:]
    /// The leader's store the hostname index was built from: its manager and node change counter.
    private var indexedManager: ManagerNode?
    private var indexedNodeChanges: UInt64 = 0
    /// Per hostname in the leader's store, the node object standing for it (see `refreshCandidates`).
    private var nodeByHostname: [String: (id: NodeID, isDown: Bool)] = [:]

    init(cluster: SwarmCluster, exhaustive: Bool = false) {
        self.cluster = cluster
        self.exhaustive = exhaustive
        changes = ObservedChanges(simulation: cluster.simulation, world: cluster.world)
        network = cluster.simulation.network
        candidates = cluster.machines.indices.filter { cluster.machines[$0].role == .manager }
        for (index, machine) in cluster.machines.enumerated() { indexByName[machine.name] = index }
    }

    /// What the managers-derived answers depend on: managers' Raft and store state, hosts'
    /// states (with the network's cuts, for the leader); answers are kept until one of them moves.
    struct Stamp: Equatable {
        var managers: Int
        var hosts: Int
    }

    private var cachedAt: Stamp?
    private var cachedTopology = -1
    private var cachedManagers: [SwarmNode] = []
    private var cachedLeader: SwarmNode?
    private var cachedLeaderManager: ManagerNode?
    /// Bumped whenever the cached leader, its manager or the hostname index changes: with the
    /// leader's store counters, it tells when answers read from the leader's store may differ.
    private(set) var leaderViewVersion = 0

    /// Live managers whose manager runs, in machine order.
    var liveManagers: [SwarmNode] {
        refresh()
        return cachedManagers
    }

    /// The leader: a live manager in the leader state whose term is the highest of any live manager.
    var leader: SwarmNode? {
        refresh()
        return cachedLeader
    }

    /// The current stamp: equal stamps, equal managers' state.
    var stamp: Stamp {
        Stamp(managers: changes.managers, hosts: changes.hosts)
    }

    /// Which links are cut: moves with every partition, isolation, drop and heal.
    var topologyVersion: Int { changes.cuts }

    /// What decides which managers are live: hosts' states, managers started and stopped, and
    /// the candidates (which only grow).
    private struct LivenessKey: Equatable {
        var hosts: Int
        var managers: Int
        var candidates: Int
    }
    private var collectedAt: LivenessKey?

    private var livenessKey: LivenessKey {
        LivenessKey(hosts: changes.hosts, managers: changes.managerLifecycle, candidates: candidates.count)
    }

    /// Recomputes the live managers and the leader if the stamp moved since they were computed.
    func refresh() {
        let now = stamp
        // Who follows a leader also depends on the network's cuts.
        guard exhaustive || now != cachedAt || topologyVersion != cachedTopology else { return }
        cachedAt = now
        cachedTopology = topologyVersion
        if exhaustive || livenessKey != collectedAt { collectLiveManagers() }
        var leader = Self.leader(among: cachedManagers, network: network)
        let (added, reindexed) = refreshCandidates(leader: leader)
        if added {
            collectLiveManagers()
            leader = Self.leader(among: cachedManagers, network: network)
        }
        if reindexed || leader !== cachedLeader || leader?.manager !== cachedLeaderManager {
            leaderViewVersion &+= 1
        }
        cachedLeader = leader
        cachedLeaderManager = leader?.manager
    }

    /// Fills `cachedManagers` with the candidates whose host is up and whose manager runs.
    private func collectLiveManagers() {
        // Hosts that started a manager become candidates (a node that joined with the manager
        // token, whatever role the file gave it).
        while managerHostsSeen < changes.managerHosts.count {
            if let index = indexByName[changes.managerHosts[managerHostsSeen]], !candidates.contains(index) {
                candidates.append(index)
                candidates.sort()
            }
            managerHostsSeen += 1
        }
        collectedAt = livenessKey
        cachedManagers.removeAll(keepingCapacity: true)
        for index in candidates {
            guard let node = cluster.node(at: index), let manager = node.manager, !manager.isStopped else { continue }
            cachedManagers.append(node)
        }
    }

    /// The leader a user of the swarm would see (SCENARIO_FORMAT §6): a manager in the leader
    /// state that a majority of its Raft configuration follows, counting itself and every live
    /// member connected to it both ways whose term is not higher than its own; of two such, the
    /// one with the higher term (then the first). A cut-off minority raising its term does not
    /// hide the majority's leader, and a deposed leader not yet stepped down is not one.
    static func leader(among managers: [SwarmNode], network: Network) -> SwarmNode? {
        var best: SwarmNode?
        for node in managers where node.manager!.isLeader {
            let manager = node.manager!
            if let best, best.manager!.term >= manager.term { continue }
            let members = manager.members
            var following = 0
            for member in members {
                if member.address == node.host.name {
                    following += 1
                } else if let other = managers.first(where: { $0.host.name == member.address }),
                          other.manager!.term <= manager.term,
                          !network.isCut(from: node.host.id, to: other.host.id), !network.isCut(from: other.host.id, to: node.host.id) {
                    following += 1
                }
            }
            if following >= members.count / 2 + 1 { best = node }
        }
        return best
    }

    /// When the leader's node objects changed since the hostname index was built from them (or
    /// the leader did): rebuilds the index and adds the nodes the store lists as managers to the
    /// candidates.
    /// - Returns: whether candidates were added, and whether the index was rebuilt.
    private func refreshCandidates(leader: SwarmNode?) -> (added: Bool, reindexed: Bool) {
        guard let leader, let manager = leader.manager else { return (false, false) }
        let changes = manager.store.nodeChangeCount
        if !exhaustive && manager === indexedManager && changes == indexedNodeChanges { return (false, false) }
        indexedManager = manager
        indexedNodeChanges = changes
        var added = false
        nodeByHostname.removeAll(keepingCapacity: true)
        for (id, node) in manager.store.nodes {
            let hostname = node.description.hostname
            let isDown = node.status.state == .down
            // A node that left and joined again has two objects with one hostname: the one that
            // is not Down stands for it (ties: the smaller ID), whatever order the store keeps.
            if let kept = nodeByHostname[hostname], kept.isDown == isDown ? kept.id < id : !kept.isDown {
                // keep the one found earlier
            } else {
                nodeByHostname[hostname] = (id, isDown)
            }
            guard node.role == .manager || node.spec.desiredRole == .manager else { continue }
            if let index = indexByName[hostname], !candidates.contains(index) {
                candidates.append(index)
                added = true
            }
        }
        if added { candidates.sort() }
        return (added, true)
    }

    /// The leader's term; with no leader, the highest term held by a live manager (§6).
    var term: UInt64 {
        if let leader { return leader.manager!.term }
        var highest: UInt64 = 0
        for node in liveManagers { highest = max(highest, node.manager!.term) }
        return highest
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

    /// The stamp and topology `quorumOK` was last computed or confirmed at.
    private var quorumStamp: Stamp?
    private var quorumTopology = -1
    /// What `quorumOK` was computed from: the topology, the live managers, the members.
    private var quorumKeyTopology = -1
    private var quorumLive: [SwarmNode] = []
    private var quorumMembers: [RaftMember] = []
    private var quorumOK = false
    private var liveScratch: [SwarmNode] = []

    /// Some group of live managers, connected to each other as the network stands, is a
    /// majority of the Raft configuration. Recomputed only when the managers, the configuration
    /// or the network's cuts changed.
    var quorumIsOK: Bool {
        let now = stamp
        let topology = topologyVersion
        if !exhaustive && now == quorumStamp && topology == quorumTopology { return quorumOK }
        quorumStamp = now
        quorumTopology = topology
        let members = configuration
        let live = liveManagers
        if !exhaustive && topology == quorumKeyTopology && live.elementsEqual(quorumLive, by: ===) && members == quorumMembers {
            return quorumOK
        }
        quorumKeyTopology = topology
        quorumLive = live
        quorumMembers = members
        liveScratch.removeAll(keepingCapacity: true)
        for node in live where members.contains(where: { $0.address == node.host.name }) {
            liveScratch.append(node)
        }
        quorumOK = Self.someMajorityIsConnected(live: liveScratch, members: members.count, network: network)
        return quorumOK
    }

    /// Connected components of `live` over links that pass both ways: is one a majority of `members`?
    private static func someMajorityIsConnected(live: [SwarmNode], members: Int, network: Network) -> Bool {
        guard members > 0 else { return false }
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
        return best >= members / 2 + 1
    }

    /// The leader's store, if there is a leader.
    var leaderStore: ClusterStore? {
        leader?.manager?.store
    }

    /// What answers read from the leader's store depend on: while it is equal, the leader, its
    /// hostname index and its store are the same (a snapshot restore moves the applied index).
    struct LeaderStoreStamp: Equatable {
        var view: Int
        var changes: UInt64
        var applied: RaftIndex
    }

    var leaderStoreStamp: LeaderStoreStamp {
        refresh()
        guard let manager = cachedLeaderManager else { return LeaderStoreStamp(view: leaderViewVersion, changes: 0, applied: 0) }
        return LeaderStoreStamp(view: leaderViewVersion, changes: manager.store.changeCount, applied: manager.appliedIndex)
    }

    /// The node object of `name` in the leader's store.
    func nodeObject(_ name: String) -> NodeObject? {
        guard let store = leaderStore else { return nil }  // also refreshes the hostname index
        return nodeByHostname[name].flatMap { store.node($0.id) }
    }

    /// What the container counts depend on: which hosts are up (a boot builds a new runtime)
    /// and every change to any container. Equal stamps, equal counts.
    struct ContainersStamp: Equatable {
        var hosts: Int
        var runtimes: Int
    }

    /// - Complexity: O(1)
    var containersStamp: ContainersStamp {
        ContainersStamp(hosts: changes.hosts, runtimes: changes.containers)
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
