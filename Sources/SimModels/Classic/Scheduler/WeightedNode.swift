/// A node with its weight for the spread and binpack strategies
/// (`scheduler/strategy/weighted_node.go`, the same in v1.1.3 and v1.2.9).
struct WeightedNode {
    var node: SchedulerNode
    var weight: Int64

    /// `weighNodes`: a node smaller than the request is skipped; otherwise
    /// cpuScore = (used + requested) × 100 / total when CPUs are requested, else 100, memScore
    /// likewise, and the node stays only if both are at most 100 (the totals include the
    /// overcommit). weight = cpuScore + memScore + healthFactor × HealthIndicator.
    static func weigh(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], healthFactor: Int64) -> [WeightedNode] {
        var weighted: [WeightedNode] = []
        for node in nodes {
            if node.totalMemory < config.memory || node.totalCpus < config.cpuShares { continue }
            var cpuScore: Int64 = 100, memoryScore: Int64 = 100
            // A node with no CPUs or memory cannot pass the size check with a request > 0.
            if config.cpuShares > 0 { cpuScore = (node.usedCpus + config.cpuShares) * 100 / node.totalCpus }
            if config.memory > 0 { memoryScore = (node.usedMemory + config.memory) * 100 / node.totalMemory }
            if cpuScore <= 100 && memoryScore <= 100 {
                weighted.append(WeightedNode(node: node, weight: cpuScore + memoryScore + healthFactor * node.healthIndicator))
            }
        }
        return weighted
    }
}
