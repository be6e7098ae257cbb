/// What a classic host runs (`runs:` under `nodes:`, SCENARIO_FORMAT §10). Every manager and
/// engine host runs a Docker engine; the Consul server, `swarm manage` and `swarm join` are
/// containers on it, as in seed 000.
public enum ClassicRole: String, Equatable, Sendable, CaseIterable, Comparable {
    /// A Consul server (`progrium/consul -server`).
    case consul
    /// `swarm manage --replication`.
    case manager
    /// A Docker engine in the cluster, with its `swarm join` agent.
    case engine

    /// The prefix of the hosts generated for the role: `c1..`, `m1..`, `e1..`.
    public var namePrefix: String {
        switch self {
        case .consul: "c"
        case .manager: "m"
        case .engine: "e"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
