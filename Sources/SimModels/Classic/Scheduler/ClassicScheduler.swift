import SimEngine

/// Classic Swarm's scheduler (`scheduler/scheduler.go`): the filter chain, then the strategy.
///
/// `SelectNodesForContainer` runs the pass with soft expressions enforced; on any error
/// (a filter's, `No nodes available in the cluster`, or the strategy's) it runs the whole pass
/// again without them and returns that pass's outcome.
public struct ClassicScheduler: Equatable, Sendable {
    public var strategy: PlacementStrategy
    public var filters: FilterChain

    public init(strategy: PlacementStrategy = .spread, filters: FilterChain) {
        self.strategy = strategy
        self.filters = filters
    }

    /// The release's defaults: spread and every filter.
    public init(version: ClassicSwarmVersion, strategy: PlacementStrategy = .spread) {
        self.init(strategy: strategy, filters: FilterChain(version: version))
    }

    /// The nodes a container can go to, best first; the manager uses the first.
    public func selectNodes(for config: ClassicContainerConfig, from nodes: [SchedulerNode], random: inout RandomStream) -> Result<[SchedulerNode], SchedulingError> {
        let first = selectNodes(config, nodes, soft: true, random: &random)
        if case .success = first { return first }
        return selectNodes(config, nodes, soft: false, random: &random)
    }

    private func selectNodes(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool, random: inout RandomStream) -> Result<[SchedulerNode], SchedulingError> {
        switch filters.apply(config, nodes, soft: soft) {
        case let .failure(error): return .failure(error)
        case let .success(accepted):
            if accepted.isEmpty { return .failure(.noNodeAvailable) }
            return strategy.rank(config, accepted, random: &random)
        }
    }
}
