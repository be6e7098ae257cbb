/// What a host of a classic deployment runs besides its Docker engine (SCENARIO_FORMAT §10
/// `runs:`): a Consul server container, a `swarm manage` container, a `swarm join` container.
public enum ClassicRole: String, Sendable, CaseIterable, Comparable {
    case consul
    case manager
    case engine

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The containers classic Swarm's own processes run in, named as scenarios name them
/// (`kill manage@m1`, `start join@e2`, `kill consul@c1`).
public enum ClassicProcessKind: String, Sendable, CaseIterable {
    case consul
    case manage
    case join

    /// The role a host must have to run it.
    public var role: ClassicRole {
        switch self {
        case .consul: return .consul
        case .manage: return .manager
        case .join: return .engine
        }
    }
}
