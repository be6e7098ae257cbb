import SimEngine
import SimModels

/// Takes a `ClusterSnapshot`: runs a scenario until the instant asked for and reads the
/// ground truth at the end of that instant. Reads only; the run is the same as any other.
public enum ClusterSnapshotReader {
    /// The cluster at `time` in a run of `scenario` (with `seed`, else the file's), or nil when
    /// the run stopped before it (it stopped making progress).
    public static func snapshot(of scenario: Scenario, at time: SimDuration, seed: UInt64? = nil) -> ClusterSnapshot? {
        let instant = SimInstant.zero + time
        var taken: ClusterSnapshot?
        _ = ScenarioRunner.run(scenario, options: RunOptions(seed: seed, until: time, statistics: false), sinks: [],
                               inspect: { now, truth in
                                   guard now == instant else { return }
                                   taken = read(truth, at: now, file: scenario.file, seed: seed ?? scenario.seed)
                               })
        return taken
    }

    static func read(_ truth: GroundTruth, at now: SimInstant, file: String, seed: UInt64) -> ClusterSnapshot {
        let cluster = truth.cluster
        let leader = truth.leader
        var nodeRows: [[String]] = []
        var services: [ClusterSnapshot.ServiceTasks] = []
        if let leader, let manager = leader.manager {
            nodeRows = NodeListView.rows(store: manager.store, raft: manager.raftView, selfNodeID: leader.identity?.nodeID)
            for service in manager.store.servicesSortedByName {
                services.append(.init(name: service.spec.name, rows: TaskListView.rows(services: [service], store: manager.store, now: now)))
            }
        }
        return ClusterSnapshot(time: now, file: file, seed: seed, leader: leader?.host.name, nodeRows: nodeRows, services: services,
                               raft: raftStates(cluster, truth: truth), cuts: cuts(cluster))
    }

    /// The Raft state of every machine that is a manager by the scenario or by the leader's
    /// store, or that runs a manager now.
    private static func raftStates(_ cluster: SwarmCluster, truth: GroundTruth) -> [ClusterSnapshot.RaftState] {
        let storeManagers = Set(truth.leader?.manager?.store.nodesSorted.filter { $0.managerStatus != nil }.map(\.description.hostname) ?? [])
        var states: [ClusterSnapshot.RaftState] = []
        for (index, machine) in cluster.machines.enumerated() {
            let node = cluster.node(at: index)
            guard machine.role == .manager || storeManagers.contains(machine.name) || node?.manager != nil else { continue }
            guard let node else {
                states.append(.init(node: machine.name, role: "down", term: 0, vote: nil, leader: nil, lastIndex: 0, lastTerm: 0, commit: 0, applied: 0, members: []))
                continue
            }
            guard let manager = node.manager, !manager.isStopped else {
                states.append(.init(node: machine.name, role: "stopped", term: 0, vote: nil, leader: nil, lastIndex: 0, lastTerm: 0, commit: 0, applied: 0, members: []))
                continue
            }
            let raft = manager.raft.node
            let names = Dictionary(raft.membership.members.map { ($0.id, $0.address) }, uniquingKeysWith: { first, _ in first })
            let name = { (id: RaftNodeID?) -> String? in id.map { names[$0] ?? String($0, radix: 16) } }
            states.append(.init(node: machine.name, role: roleName(raft.roleKind), term: raft.term, vote: name(raft.vote),
                                leader: name(raft.leaderID), lastIndex: raft.lastIndex, lastTerm: raft.lastTerm,
                                commit: raft.commitIndex, applied: raft.appliedIndex, members: raft.membership.members.map(\.address)))
        }
        return states
    }

    private static func roleName(_ kind: RaftRoleKind) -> String {
        switch kind {
        case .leader: "leader"
        case .follower: "follower"
        case .candidate: "candidate"
        case .preCandidate: "pre-candidate"
        }
    }

    /// Every cut link between two machines, each pair once (`bothWays` when cut both ways), in
    /// machine order.
    private static func cuts(_ cluster: SwarmCluster) -> [ClusterSnapshot.Cut] {
        let network = cluster.simulation.network
        let hosts = cluster.machines.map { cluster.host(named: $0.name)! }
        var cuts: [ClusterSnapshot.Cut] = []
        for a in hosts.indices {
            for b in hosts.indices where b > a {
                let ab = network.isCut(from: hosts[a].id, to: hosts[b].id)
                let ba = network.isCut(from: hosts[b].id, to: hosts[a].id)
                if ab && ba {
                    cuts.append(.init(from: hosts[a].name, to: hosts[b].name, bothWays: true))
                } else if ab || ba {
                    cuts.append(.init(from: ab ? hosts[a].name : hosts[b].name, to: ab ? hosts[b].name : hosts[a].name, bothWays: false))
                }
            }
        }
        return cuts
    }
}
