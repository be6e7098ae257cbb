import SimEngine

/// Classic Swarm's placement strategies (`scheduler/strategy/`): `spread` (the default),
/// `binpack` and `random`.
public enum PlacementStrategy: String, Sendable, CaseIterable {
    case spread
    case binpack
    case random

    /// `strategy.New`: the name, with `binpacking` still accepted for `binpack`.
    public init?(named name: String) {
        self.init(rawValue: name == "binpacking" ? "binpack" : name)
    }

    /// The name `docker info`'s `Strategy:` prints.
    public var name: String { rawValue }

    /// `RankAndSort`: the nodes best first.
    ///
    /// spread and binpack weigh each node (`WeightedNode`) with a health factor of −10 and +10;
    /// spread sorts ascending with ties to the node with fewer containers, binpack descending
    /// with ties to more. Nodes still tied keep the order they came in, which the cluster draws
    /// at random as Swarm's Go map iteration does (`ClassicCluster.schedulerNodes`). random
    /// shuffles the nodes (Fisher–Yates from the end, as `RandomPlacementStrategy` does) with
    /// `random`, without weighing them: it can pick a node without the resources.
    public func rank(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], random: inout RandomStream) -> Result<[SchedulerNode], SchedulingError> {
        switch self {
        case .random:
            var shuffled = nodes
            random.shuffle(&shuffled)
            return .success(shuffled)
        case .spread, .binpack:
            let weighted = WeightedNode.weigh(config, nodes, healthFactor: self == .spread ? -10 : 10)
            if weighted.isEmpty { return .failure(.noResources) }
            let ascending = self == .spread
            // A stable sort: equal keys keep their incoming order.
            let sorted = weighted.enumerated().sorted { a, b in
                let x = a.element, y = b.element
                if x.weight != y.weight { return ascending ? x.weight < y.weight : x.weight > y.weight }
                let cx = x.node.containers.count, cy = y.node.containers.count
                if cx != cy { return ascending ? cx < cy : cx > cy }
                return a.offset < b.offset
            }
            return .success(sorted.map(\.element.node))
        }
    }
}
