/// The filters a manager runs, in order (`filter.ApplyFilters`), and the error a failure gives
/// for the release.
///
/// v1.1.3 returns the failing filter's own text. From 1.2.0 every failure but health's becomes
/// `Unable to find a node that satisfies the following conditions ` followed, for each filter up
/// to the failing one, by `\n[` its conditions `]` (Go's `%v` of a string slice: items joined by
/// spaces; filters without conditions add nothing), or `\nerror from <name> filter: <error>`
/// where a filter's expressions do not parse (`listAllFilters`).
public struct FilterChain: Equatable, Sendable {
    public var filters: [ClassicFilterKind]
    public var version: ClassicSwarmVersion

    /// The release's default chain (every filter it has, in `filter.List()` order).
    public init(version: ClassicSwarmVersion) {
        self.init(filters: version.defaultFilters, version: version)
    }

    /// A chain of chosen filters (`--filter`), run in the order given.
    public init(filters: [ClassicFilterKind], version: ClassicSwarmVersion) {
        self.filters = filters
        self.version = version
    }

    /// `Filters()`: the names joined by `, `, as `docker info` prints them.
    public var description: String { filters.map(\.name).joined(separator: ", ") }

    /// Runs every filter over `nodes`; `soft` false skips soft expressions.
    public func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool) -> Result<[SchedulerNode], SchedulingError> {
        var candidates = nodes
        for filter in filters {
            switch run(filter, config, candidates, soft: soft) {
            case let .success(accepted):
                candidates = accepted
            case let .failure(error):
                if !version.listsConditionsOnFailure || filter == .health { return .failure(error) }
                return .failure(SchedulingError("Unable to find a node that satisfies the following conditions " + conditionList(config, upTo: filter)))
            }
        }
        return .success(candidates)
    }

    private func run(_ filter: ClassicFilterKind, _ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool) -> Result<[SchedulerNode], SchedulingError> {
        switch filter {
        case .health: return HealthFilter.apply(nodes)
        case .port: return PortFilter.apply(config, nodes, version: version)
        case .containerSlots: return SlotsFilter.apply(nodes)
        case .dependency: return DependencyFilter.apply(config, nodes)
        case .affinity: return AffinityFilter.apply(config, nodes, soft: soft, version: version)
        case .constraint: return ConstraintFilter.apply(config, nodes, soft: soft, version: version)
        case .whitelist: return WhitelistFilter.apply(config, nodes, soft: soft)
        }
    }

    /// `GetFilters` of one filter.
    private func conditions(_ filter: ClassicFilterKind, _ config: ClassicContainerConfig) -> Result<[String], SchedulingError> {
        switch filter {
        case .health: return .success([])
        case .port: return .success(PortFilter.conditions(config))
        case .containerSlots: return .success(SlotsFilter.conditions)
        case .dependency: return .success(DependencyFilter.conditions(config))
        case .affinity: return AffinityFilter.conditions(config)
        case .constraint: return ConstraintFilter.conditions(config)
        case .whitelist: return WhitelistFilter.conditions(config)
        }
    }

    /// `listAllFilters`.
    func conditionList(_ config: ClassicContainerConfig, upTo last: ClassicFilterKind) -> String {
        var text = ""
        for filter in filters {
            switch conditions(filter, config) {
            case let .success(list):
                if !list.isEmpty { text += "\n[" + list.joined(separator: " ") + "]" }
            case let .failure(error):
                return text + "\nerror from \(filter.name) filter: \(error.message)"
            }
            if filter == last { break }
        }
        return text
    }
}
