/// The loop the affinity, constraint and whitelist filters share (`scheduler/filter/`): the
/// expressions are parsed (a parse error is the filter's error), then each one, the soft ones
/// only on the first pass, narrows the nodes (its pattern compiled once for all of them); the
/// first that leaves none fails with its text.
enum ExpressionFiltering {
    static func narrow(_ nodes: [SchedulerNode], by texts: [String], soft: Bool,
                       keeps: (SchedulerExpression.Matcher, SchedulerNode) -> Bool,
                       failure: (SchedulerExpression) -> String) -> Result<[SchedulerNode], SchedulingError> {
        let expressions: [SchedulerExpression]
        switch SchedulerExpression.parse(texts) {
        case let .success(parsed): expressions = parsed
        case let .failure(error): return .failure(error)
        }
        var nodes = nodes
        for expression in expressions where soft || !expression.isSoft {
            let matcher = SchedulerExpression.Matcher(expression)
            let candidates = nodes.filter { keeps(matcher, $0) }
            if candidates.isEmpty { return .failure(SchedulingError(failure(expression))) }
            nodes = candidates
        }
        return .success(nodes)
    }
}
