import SimEngine

/// The machine timeline (`--format jsonl`): one JSON object per line.
///
/// Every object starts with `t_ns`, `node`, `component`, `kind`, `text`, in that order.
/// A trace event's fields follow as extra keys, in the event's order: ints as numbers,
/// bools as `true`/`false`, strings escaped. A field named like one of the five leading
/// keys is written as `field_NAME` so that no key repeats.
///
///     {"t_ns":41203000000,"node":"m2","component":"raft","kind":"raft.leader","text":"elected leader for term 2","term":2}
///
/// `finish(_:)` adds one `expect` object per expectation, one `failure` object per failure
/// and a closing `summary` object (SCENARIO_FORMAT §7's stable kinds).
public final class JSONLinesReporter: RunReporter {
    /// Events for which this returns false are not written.
    public var filter: ((TraceEvent) -> Bool)?

    private let output: TimelineOutput

    /// True for the five keys every object starts with.
    /// Whether a field's text stands for "none": a task's `target` before the scheduler gave
    /// it a node is empty in the trace; JSON says `null`.
    static func isNone(_ name: String, _ value: String) -> Bool {
        name == "target" && value.isEmpty
    }

    static func isLeadingKey(_ name: String) -> Bool {
        switch name {
        case "t_ns", "node", "component", "kind", "text": return true
        default: return false
        }
    }

    public init(output: TimelineOutput, filter: ((TraceEvent) -> Bool)? = nil) {
        self.output = output
        self.filter = filter
    }

    // MARK: - Timeline

    public func record(_ event: TraceEvent) {
        if let filter, !filter(event) { return }
        output.write(line(for: event))
    }

    /// The JSON line for an event, newline included.
    public func line(for event: TraceEvent) -> String {
        var object = Self.head(time: event.time, node: event.node, component: event.component, kind: event.kind, text: event.text)
        for field in event.fields {
            let name = Self.isLeadingKey(field.name) ? "field_" + field.name : field.name
            switch field.value {
            case let .string(value): object.add(name, Self.isNone(name, value) ? nil : value)
            case let .int(value): object.add(name, value)
            case let .bool(value): object.add(name, value)
            }
        }
        return object.line
    }

    // MARK: - After the run

    /// One `expect` object per result:
    /// `{"t_ns":…,"node":"-","component":"expect","kind":"expect","text":"…","ok":true,"detail":"…","file":"…","line":31,"column":5}`.
    public func writeExpectations(_ results: [ExpectationResult], file: String) {
        var text = ""
        for result in results { text += Self.line(for: result, file: file) }
        output.write(text)
    }

    /// One `failure` object per failure, with `failure` = `command` or `invariant`.
    public func writeFailures(_ failures: [RunFailure]) {
        var text = ""
        for failure in failures { text += Self.line(for: failure) }
        output.write(text)
    }

    /// The closing `summary` object.
    public func writeSummary(_ result: RunResult) {
        output.write(Self.summaryLine(for: result))
    }

    public func finish(_ result: RunResult) {
        writeExpectations(result.expectations, file: result.summary.file)
        writeFailures(result.failures)
        writeSummary(result)
        output.flush()
    }

    // MARK: - Lines

    static func line(for result: ExpectationResult, file: String) -> String {
        var object = head(time: result.decidedAt, node: "-", component: "expect", kind: "expect", text: result.text)
        object.add("ok", result.passed)
        object.add("detail", result.detail)
        object.add("file", file)
        object.add("line", result.location.line)
        object.add("column", result.location.column)
        return object.line
    }

    static func line(for failure: RunFailure) -> String {
        var object = head(time: failure.time, node: "-", component: failure.kind.rawValue, kind: "failure", text: failure.text)
        object.add("failure", failure.kind.rawValue)
        return object.line
    }

    /// `{"t_ns":…,"node":"-","component":"summary","kind":"summary","text":"PASS: …","ok":true,
    /// "events":…,"messages":…,"dropped":…,…,"replay":"simrun FILE --seed N"}`.
    static func summaryLine(for result: RunResult) -> String {
        summaryObject(for: result, kind: "summary", text: TextReport.verdict(result.passed) + ": " + TextReport.countsPhrase(result)).line
    }

    /// The fields of a run's summary, under `kind` and `text`.
    static func summaryObject(for result: RunResult, kind: String, text: String) -> JSONObject {
        let s = result.summary
        var object = head(time: SimInstant(nanoseconds: s.duration.nanoseconds), node: "-", component: "summary", kind: kind, text: text)
        object.add("ok", result.passed)
        object.add("events", s.events)
        object.add("messages", s.messagesSent)
        object.add("dropped", s.messagesDropped)
        object.add("scenario", s.title)
        object.add("file", s.file)
        object.add("seed", s.seed)
        object.add("duration_ns", s.duration.nanoseconds)
        if let statistics = s.statistics {
            object.add("leader_changes", statistics.leaderChanges)
            object.add("no_leader_ns", statistics.timeWithoutLeader.nanoseconds)
            object.add("no_quorum_ns", statistics.timeWithoutQuorum.nanoseconds)
        }
        object.add("final_leader", s.finalLeader)
        for row in s.rows { object.add(String(row.label.map { $0 == " " ? "_" : $0 }), row.value) }
        if !s.findings.isEmpty {
            object.addJSON("findings", "[" + s.findings.map { JSONText.quoted($0) }.joined(separator: ",") + "]")
        }
        var services = "["
        for (index, service) in s.services.enumerated() {
            var entry = JSONObject()
            entry.add("name", service.name)
            entry.add("replicas", service.replicas)
            if service.onDownNodes > 0 { entry.add("on_down_nodes", service.onDownNodes) }
            services += (index == 0 ? "" : ",") + entry.json
        }
        object.addJSON("services", services + "]")
        if let statistics = s.statistics { object.add("tasks_rescheduled", statistics.tasksRescheduled) }
        object.add("expectations", result.expectations.count)
        object.add("expectations_failed", result.expectations.filter { !$0.passed }.count)
        object.add("failures", result.failures.count)
        object.add("replay", result.replayCommand)
        return object
    }

    static func head(time: SimInstant, node: String, component: String, kind: String, text: String) -> JSONObject {
        var object = JSONObject()
        object.add("t_ns", time.nanoseconds)
        object.add("node", node == "-" ? nil : node)  // no node: null, as every "none" in JSON
        object.add("component", component)
        object.add("kind", kind)
        object.add("text", text)
        return object
    }
}
