/// The `affinity` filter (`scheduler/filter/affinity.go`): `container` matches the IDs and names
/// of the node's containers (creates in flight by name), `image` the ID, `repo:tag` and
/// repository of its images, any other key the value of that label on its containers. Soft
/// affinities are skipped on the second pass.
enum AffinityFilter {
    static func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool, version: ClassicSwarmVersion) -> Result<[SchedulerNode], SchedulingError> {
        let what = version >= .v1_2_9 ? "the affinity " : ""
        return ExpressionFiltering.narrow(nodes, by: config.affinities, soft: soft,
                                          keeps: { affinity, node in affinity.matches(names(for: affinity.expression.key, on: node)) },
                                          failure: { "unable to find a node that satisfies \(what)\($0.text)" })
    }

    static func names(for key: String, on node: SchedulerNode) -> [String] {
        switch key {
        case "container":
            return node.containers.filter { !$0.names.isEmpty }.flatMap { [$0.id, $0.name] }
        case "image":
            return node.images.flatMap(\.affinityNames)
        default:
            return node.containers.map { $0.config.labels[key] ?? "" }
        }
    }

    /// `GetFilters` (1.2.x): `key==value (soft=false)` per affinity.
    static func conditions(_ config: ClassicContainerConfig) -> Result<[String], SchedulingError> {
        SchedulerExpression.parse(config.affinities).map { $0.map { "\($0.text) (soft=\($0.isSoft))" } }
    }
}
