/// The `constraint` filter (`scheduler/filter/constraint.go`): `node` matches the engine's ID or
/// name, any other key the engine's label (its own: storagedriver, executiondriver,
/// kernelversion, operatingsystem, and its `--label`s). Soft constraints are skipped on the
/// second pass.
enum ConstraintFilter {
    static func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], soft: Bool, version: ClassicSwarmVersion) -> Result<[SchedulerNode], SchedulingError> {
        let what = version >= .v1_2_9 ? "the constraint " : ""
        return ExpressionFiltering.narrow(nodes, by: config.constraints, soft: soft, keeps: { constraint, node in
            let key = constraint.expression.key
            return constraint.matches(key == "node" ? [node.id, node.name] : [node.labels[key] ?? ""])
        }, failure: { "unable to find a node that satisfies \(what)\($0.text)" })
    }

    /// `GetFilters` (1.2.x): `key==value` per constraint (no soft marker).
    static func conditions(_ config: ClassicContainerConfig) -> Result<[String], SchedulingError> {
        SchedulerExpression.parse(config.constraints).map { $0.map(\.text) }
    }
}
