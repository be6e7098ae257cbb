import SimEngine

/// A run result as fields of a line (`FieldLineWriter`): how a worker process of `simrun
/// check` hands its result to the parent, whose report must be the same bytes as if the run
/// had been done in-process. So every field is written, and read back into an equal value.
/// A field added to the result must be added here too: reading goes through the memberwise
/// initialisers, and the round-trip tests compare whole results.
extension RunResult {
    /// Adds every field of the result to `line`, in a fixed order.
    public func write(to line: inout FieldLineWriter) {
        line.add(expectations.count)
        for expectation in expectations {
            line.add(expectation.text)
            line.add(expectation.location.line)
            line.add(expectation.location.column)
            line.add(expectation.passed)
            line.add(expectation.decidedAt.nanoseconds)
            line.add(expectation.detail)
        }
        line.add(failures.count)
        for failure in failures {
            line.add(failure.kind.rawValue)
            line.add(failure.time.nanoseconds)
            line.add(failure.text)
        }
        let s = summary
        line.add(s.title)
        line.add(s.file)
        line.add(s.seed)
        line.add(s.duration.nanoseconds)
        line.add(s.statistics != nil)
        if let statistics = s.statistics {
            line.add(statistics.leaderChanges)
            line.add(statistics.timeWithoutLeader.nanoseconds)
            line.add(statistics.timeWithoutQuorum.nanoseconds)
            line.add(statistics.tasksRescheduled)
        }
        line.add(s.finalLeader != nil)
        if let leader = s.finalLeader { line.add(leader) }
        line.add(s.services.count)
        for service in s.services {
            line.add(service.name)
            line.add(service.replicas)
            line.add(service.onDownNodes)
        }
        line.add(s.messagesSent)
        line.add(s.messagesDropped)
        line.add(s.events)
        line.add(s.until != nil)
        if let until = s.until { line.add(until.nanoseconds) }
        line.add(s.rows.count)
        for row in s.rows {
            line.add(row.label)
            line.add(row.value)
        }
        line.add(s.findings.count)
        for finding in s.findings { line.add(finding) }
    }

    /// Reads what `write(to:)` wrote.
    public init(from line: inout FieldLineReader) throws(FieldLineReader.Failure) {
        var expectations: [ExpectationResult] = []
        for _ in 0..<(try line.count()) {
            expectations.append(ExpectationResult(
                text: try line.string(), location: SourceLocation(line: try line.integer(), column: try line.integer()),
                passed: try line.flag(), decidedAt: SimInstant(nanoseconds: try line.integer()), detail: try line.string()))
        }
        var failures: [RunFailure] = []
        for _ in 0..<(try line.count()) {
            let kindText = try line.string()
            guard let kind = RunFailure.Kind(rawValue: kindText) else { throw .init(description: "unknown failure kind '\(kindText)'") }
            failures.append(RunFailure(kind: kind, time: SimInstant(nanoseconds: try line.integer()), text: try line.string()))
        }
        let title = try line.string(), file = try line.string(), seed = try line.integer(UInt64.self)
        let duration = SimDuration(nanoseconds: try line.integer())
        var statistics: RunSummary.Statistics?
        if try line.flag() {
            statistics = RunSummary.Statistics(
                leaderChanges: try line.integer(), timeWithoutLeader: SimDuration(nanoseconds: try line.integer()),
                timeWithoutQuorum: SimDuration(nanoseconds: try line.integer()), tasksRescheduled: try line.integer())
        }
        let finalLeader = try line.flag() ? try line.string() : nil
        var services: [RunSummary.ServiceLine] = []
        for _ in 0..<(try line.count()) {
            services.append(RunSummary.ServiceLine(name: try line.string(), replicas: try line.string(), onDownNodes: try line.integer()))
        }
        let summary = RunSummary(title: title, file: file, seed: seed, duration: duration, statistics: statistics,
                                 finalLeader: finalLeader, services: services, messagesSent: try line.integer(),
                                 messagesDropped: try line.integer(), events: try line.integer())
        var summaryWithUntil = summary
        if try line.flag() { summaryWithUntil.until = SimDuration(nanoseconds: try line.integer()) }
        for _ in 0..<(try line.count()) {
            summaryWithUntil.rows.append(RunSummary.Row(label: try line.string(), value: try line.string()))
        }
        for _ in 0..<(try line.count()) { summaryWithUntil.findings.append(try line.string()) }
        self.init(expectations: expectations, failures: failures, summary: summaryWithUntil)
    }
}
