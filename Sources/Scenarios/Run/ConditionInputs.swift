import SimEngine
import SimModels

/// What a condition's outcome depends on (decided once per expectation, from its condition).
enum ConditionDependency {
    case leader, term, quorum, leaderStore, containers, leaderStoreAndContainers
    /// A client condition is judged once, over the run's requests, when the run ends.
    case requests
    /// MANAGER STATUS reads the leader's view of its peers' reachability, which moves with
    /// Raft ticks that need not hand over a ready: no cheap stamp covers it.
    case uncovered

    init(_ condition: Condition) {
        switch condition {
        case .leader: self = .leader
        case .term: self = .term
        case .quorum: self = .quorum
        case .nodeStatus, .nodeAvailability, .serviceReplicas, .serviceConverged, .serviceAbsent: self = .leaderStore
        case .nodeTasks, .serviceRunningTasks: self = .containers
        case .serviceBalanced: self = .leaderStoreAndContainers
        case .nodeManagerStatus: self = .uncovered
        case .client: self = .requests
        // Read from the nodes' data-plane tables, which no stamp covers.
        case .portOpen, .nameResolves, .backends: self = .uncovered
        }
    }
}

/// The few numbers a condition's outcome is a function of, cheap to read. The expectation
/// monitor evaluates a condition again only when they changed: nearly every instant of a run
/// moves some manager's state, but few move what a given condition reads, and building the
/// observed text is most of an evaluation's cost.
enum ConditionInputs: Equatable {
    /// The leader's host.
    case leader(HostID?)
    /// The term as §6 defines it: the leader's, else the highest live term.
    case term(UInt64)
    /// Whether there is a quorum.
    case quorum(Bool)
    /// Answers read from the leader's store (and whether there is a leader).
    case leaderStore(GroundTruth.LeaderStoreStamp)
    /// Counts of running containers.
    case containers(GroundTruth.ContainersStamp)
    /// Counts of running containers on the nodes the leader's store makes eligible.
    case leaderStoreAndContainers(GroundTruth.LeaderStoreStamp, GroundTruth.ContainersStamp)
}

extension GroundTruth {
    /// The inputs of a condition with that dependency now; nil if uncovered (or if every
    /// answer is to be computed afresh).
    func inputs(_ dependency: ConditionDependency) -> ConditionInputs? {
        if exhaustive { return nil }
        return switch dependency {
        case .leader: .leader(leader?.host.id)
        case .term: .term(term)
        case .quorum: .quorum(quorumIsOK)
        case .leaderStore: .leaderStore(leaderStoreStamp)
        case .containers: .containers(containersStamp)
        case .leaderStoreAndContainers: .leaderStoreAndContainers(leaderStoreStamp, containersStamp)
        case .uncovered, .requests: nil
        }
    }
}
