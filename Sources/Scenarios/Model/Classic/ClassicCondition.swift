import SimEngine

/// What an expectation of a classic scenario says must hold (SCENARIO_FORMAT §10).
public enum ClassicCondition: Equatable, Sendable {
    /// `primary is NODE | one of NODE... | none`: whose manager holds the leader lock in the
    /// Consul store (even a dead manager whose session has not yet expired).
    case primary(ClassicHolder)
    /// `engine NODE is healthy | unhealthy | pending | absent`, as the primary lists it (with no
    /// primary, as the manager that held the lock last lists it).
    case engine(node: String, ClassicEngineCondition)
    /// `container NAME is running [on NODE]`.
    case containerRunning(name: String, node: String?)
    /// `container NAME is absent`.
    case containerAbsent(name: String)
    /// `consul leader is NODE | one of NODE... | none`.
    case consulLeader(ClassicHolder)
    /// `consul quorum is ok` (true) / `lost` (false).
    case consulQuorum(isOK: Bool)
    /// `node NODE has N containers` (running on that host's engine).
    case nodeContainers(node: String, CountRequirement)
}

/// Who holds a role: a host, one of several, or nobody.
public enum ClassicHolder: Equatable, Sendable {
    case `is`(String)
    case oneOf([String])
    case none

    /// Whether `holder` (nil for nobody) satisfies it.
    public func isSatisfied(by holder: String?) -> Bool {
        switch self {
        case .is(let name): holder == name
        case .oneOf(let names): holder.map(names.contains) ?? false
        case .none: holder == nil
        }
    }
}

/// The engine states of `engine NODE is ...`.
public enum ClassicEngineCondition: String, Equatable, Sendable, CaseIterable {
    case healthy
    case unhealthy
    case pending
    /// Not in the manager's list at all (never registered, or removed after discovery expiry).
    case absent
}

/// One entry of a classic scenario's `expect:`.
public struct ClassicExpectation: Equatable, Sendable {
    public var window: ExpectationWindow
    public var condition: ClassicCondition
    /// `WHEN: CONDITION` as written.
    public var text: String
    public var location: SourceLocation

}
