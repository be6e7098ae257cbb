/// The `whitelist` filter (1.2.6+, `scheduler/filter/whitelist.go`): every key names nodes, the
/// value lists names separated by `|`, compared exactly with the node's name (whatever the
/// operator: Swarm does not read it here).
enum WhitelistFilter {
    static func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool) -> Result<[SchedulerNode], SchedulingError> {
        ExpressionFiltering.narrow(nodes, by: config.whitelists, soft: soft, keeps: { whitelist, node in
            whitelist.expression.value.split(separator: "|", omittingEmptySubsequences: false).contains { $0 == node.name }
        }, failure: { "unable to find a node that satisfies the whitelist \($0.text)" })
    }

    /// `GetFilters`: `key==value (soft=false)` per whitelist.
    static func conditions(_ config: ClassicContainerConfig) -> Result<[String], SchedulingError> {
        SchedulerExpression.parse(config.whitelists).map { $0.map { "\($0.text) (soft=\($0.isSoft))" } }
    }
}
