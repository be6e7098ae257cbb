/// The docker/swarm release a classic cluster runs: its default filters, its scheduling error
/// texts and its `docker info` layout differ (CLASSIC_SWARM_FACTS.md §4, §6).
public enum ClassicSwarmVersion: String, Sendable, CaseIterable, Comparable {
    /// v1.1.3 (7e9c6bd, 2016-03-01), the seed's release.
    case v1_1_3 = "1.1.3"
    /// v1.2.9, the last 1.2 release.
    case v1_2_9 = "1.2.9"

    /// The release's default filter chain, in `filter.List()` order (`scheduler/filter/filter.go`
    /// `init`; `cli/flags.go` makes the whole list the `--filter` default): v1.1.3 health, port,
    /// dependency, affinity, constraint; v1.2.1 adds containerslots after port, v1.2.6 whitelist last.
    public var defaultFilters: [ClassicFilterKind] {
        switch self {
        case .v1_1_3: return [.health, .port, .dependency, .affinity, .constraint]
        case .v1_2_9: return [.health, .port, .containerSlots, .dependency, .affinity, .constraint, .whitelist]
        }
    }

    /// From 1.2.0 `filter.ApplyFilters` replaces a filter's own error (except health's) by
    /// `Unable to find a node that satisfies the following conditions` and the list of every
    /// filter's conditions up to the failing one.
    public var listsConditionsOnFailure: Bool { self >= .v1_2_9 }

    /// From 1.2.0 `BuildContainerConfig` reads `reschedule:` from the environment without
    /// `--experimental` (v1.1.3 only with it) and `Validate` checks the policy.
    public var readsReschedulePoliciesByDefault: Bool { self >= .v1_2_9 }

    /// `docker info` per engine: `└ ID` (1.2.1+).
    public var infoShowsEngineID: Bool { self >= .v1_2_9 }
    /// `docker info` per engine: `└ Containers: n (r Running, p Paused, s Stopped)` for a
    /// healthy engine (1.2.4+).
    public var infoBreaksDownContainers: Bool { self >= .v1_2_9 }
    /// `docker info` per engine: `└ Error` only when there is one (1.2.3+); before, `(none)`.
    public var infoOmitsEmptyError: Bool { self >= .v1_2_9 }
    /// `docker info` per engine: `└ ServerVersion` (1.2.0+).
    public var infoShowsServerVersion: Bool { self >= .v1_2_9 }

    /// An engine call failure counts towards `--engine-failure-retry` (`cluster/engine.go`
    /// `CheckConnectionErr`): v1.1.3 only a refused connection; 1.2 `IsConnectionError` also
    /// engine-api's connection failure (`Cannot connect to the Docker daemon`, which covers
    /// timeouts) and `no route to host`.
    public func countsTowardsFailures(_ failure: EngineCallFailure) -> Bool {
        switch failure {
        case .connectionRefused: return true
        case .timedOut, .noRouteToHost: return self >= .v1_2_9
        case .other: return false
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
