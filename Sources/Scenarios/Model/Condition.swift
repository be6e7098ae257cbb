import SimModels

/// What an expectation says must hold (the CONDITION of SCENARIO_FORMAT §6).
///
/// Node and service names have been checked against the file.
public enum Condition: Equatable, Sendable {
    /// `leader is NODE` / `is not NODE` / `is none` / `is one of NODE, NODE...`
    case leader(LeaderCondition)
    /// `term is N` (N may be `at least N` / `at most N`).
    case term(CountRequirement)
    /// `quorum is ok` (true) / `quorum is lost` (false).
    case quorum(isOK: Bool)
    /// `node NODE is ready|down|unknown|disconnected` (STATUS, as the leader records it).
    case nodeStatus(node: String, NodeState)
    /// `node NODE is active|pause|drain` (AVAILABILITY).
    case nodeAvailability(node: String, NodeAvailability)
    /// `node NODE is leader|reachable|unreachable` (MANAGER STATUS).
    case nodeManagerStatus(node: String, ManagerStatusCondition)
    /// `node NODE has N tasks [of SERVICE]` (containers running on that host).
    case nodeTasks(node: String, CountRequirement, service: String?)
    /// `service SERVICE is R/D` (REPLICAS, as `docker service ls` prints it).
    case serviceReplicas(service: String, running: Int, desired: Int)
    /// `service SERVICE has N running tasks` (containers running on hosts that are up).
    case serviceRunningTasks(service: String, CountRequirement)
    /// `service SERVICE is balanced` (running tasks on eligible nodes differ by at most one).
    case serviceBalanced(service: String)
    /// `service SERVICE is converged` (every desired task running the current spec).
    case serviceConverged(service: String)
    /// `service SERVICE is absent`.
    case serviceAbsent(service: String)
    /// `client NAME ...` (SCENARIO_FORMAT §9): judged over the client's requests started in the
    /// window, not at instants.
    case client(ClientCondition)
    /// `port PORT is open on NODE`: a published port that node would accept and forward now.
    case portOpen(port: Int, node: String)
    /// `name NAME resolves on NODE [to N addresses]`: as a container of that node on a network
    /// shared with NAME would see it.
    case nameResolves(name: String, node: String, addresses: CountRequirement?)
    /// `backends of SERVICE on NODE is N`: the enabled backends (weight > 0) that the node's load
    /// balancer holds for the service.
    case backends(service: String, node: String, CountRequirement)

    /// True for the conditions judged over a client's requests rather than at instants.
    public var isOverRequests: Bool {
        if case .client = self { return true }
        return false
    }

    /// True for the conditions that read the data plane (SCENARIO_FORMAT §9): a scenario with
    /// any of them runs the data plane.
    public var readsDataPlane: Bool {
        switch self {
        case .client, .portOpen, .nameResolves, .backends: true
        default: false
        }
    }
}

/// The `leader is ...` conditions.
public enum LeaderCondition: Equatable, Sendable {
    /// `leader is NODE`
    case `is`(String)
    /// `leader is not NODE`
    case isNot(String)
    /// `leader is none`
    case none
    /// `leader is one of NODE, NODE...`
    case oneOf([String])
}

/// The MANAGER STATUS words of `node NODE is ...`.
public enum ManagerStatusCondition: String, Equatable, Sendable, CaseIterable {
    /// The node is the leader.
    case leader
    /// A manager the leader can reach.
    case reachable
    /// A manager the leader cannot reach.
    case unreachable
}
