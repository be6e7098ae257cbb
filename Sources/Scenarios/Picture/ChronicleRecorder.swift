import SimEngine

/// A trace sink that gathers a `RunChronicle` as the run goes, for the pictures
/// (`--format perfetto`, `--format html`).
///
/// Spans are opened and closed by the events that begin and end them: `raft.leader` opens a
/// leadership that `raft.stepdown`, or a crash, stop or restart of that node, closes;
/// `node.status` (the leader's dispatcher) closes the node's previous status; `task.state`
/// adds a part to the task's bar on the node it was assigned to, and a terminal state ends
/// it. Whatever is still open when the run ends closes at its end.
public final class ChronicleRecorder: TraceSink {
    var nodes: [RunChronicle.Node]
    /// Looked up only, never iterated: output order comes from `nodes`.
    var nodeIndex: [String: Int] = [:]
    var spans: [ChronicleSpan] = []
    var marks: [ChronicleMark] = []
    var faults: [ChronicleFault] = []
    /// Per node: the open leadership (since when, which term).
    var openLeadership: [(start: SimInstant, term: Int)?]
    /// Per node: the open status span.
    var openStatus: [ChronicleSpan?]
    /// Task bars in the order they were first assigned; `taskIndex` finds one by task ID.
    var tasks: [ChronicleSpan] = []
    var taskIndex: [String: Int] = [:]
    /// Tasks whose bar ended (a terminal state).
    var taskEnded: [Bool] = []
    /// Per node: the index in `faults` of its crash or stop that a restart will end.
    var openOutage: [Int?]
    /// Indexes in `faults` of the network faults that a `heal` will end.
    var openNetworkFaults: [Int] = []

    /// A recorder for a run of these nodes (`Scenario.nodes`, in order).
    public init(nodes: [NodeDefinition]) {
        self.nodes = nodes.map { RunChronicle.Node(name: $0.name, isManager: $0.role == .manager) }
        for (index, node) in nodes.enumerated() { nodeIndex[node.name] = index }
        openLeadership = Array(repeating: nil, count: nodes.count)
        openStatus = Array(repeating: nil, count: nodes.count)
        openOutage = Array(repeating: nil, count: nodes.count)
    }

    /// The index of node `name`, added at the end if the scenario did not list it.
    func index(of name: String) -> Int {
        if let index = nodeIndex[name] { return index }
        nodes.append(RunChronicle.Node(name: name, isManager: false))
        openLeadership.append(nil)
        openStatus.append(nil)
        openOutage.append(nil)
        nodeIndex[name] = nodes.count - 1
        return nodes.count - 1
    }

    // MARK: - Events

    public func record(_ event: TraceEvent) {
        switch event.kind {
        case "task.state":
            recordTask(event)
            return
        case "node.status":
            recordStatus(event)
            return
        case "fault" where event.node == "-":
            recordFault(event)
            return
        case "raft.leader":
            let node = index(of: event.node)
            closeLeadership(of: node, at: event.time)
            openLeadership[node] = (event.time, event.intField("term") ?? 0)
        case "raft.stepdown":
            closeLeadership(of: index(of: event.node), at: event.time)
        default:
            break
        }
        let node = event.node == "-" ? nil : index(of: event.node)
        let track: ChronicleTrack = event.component == "raft" ? .raft : .component(event.component)
        marks.append(ChronicleMark(node: node, track: track, kind: event.kind, time: event.time, text: event.text))
    }

    func closeLeadership(of node: Int, at time: SimInstant) {
        guard let open = openLeadership[node] else { return }
        openLeadership[node] = nil
        spans.append(ChronicleSpan(node: node, track: .raft, label: "leader t\(open.term)", tone: "leader", start: open.start, end: time,
                                   text: "\(nodes[node].name) leader for term \(open.term), \(open.start) to \(time)"))
    }

    /// The node that leads now (the open leadership of the highest term), if any.
    var currentLeader: Int? {
        var best: (node: Int, term: Int)?
        for (node, open) in openLeadership.enumerated() {
            if let open, open.term > (best?.term ?? -1) { best = (node, open.term) }
        }
        return best?.node
    }

    private func recordStatus(_ event: TraceEvent) {
        guard let target = event.stringField("target"), !target.isEmpty else { return }
        let node = index(of: target)
        closeStatus(of: node, at: event.time)
        let status = event.stringField("status") ?? "unknown"
        openStatus[node] = ChronicleSpan(node: node, track: .status, label: status, tone: status, start: event.time, end: event.time,
                                         text: "\(event.time) \(event.text)")
    }

    func closeStatus(of node: Int, at time: SimInstant) {
        guard var open = openStatus[node] else { return }
        openStatus[node] = nil
        open.end = time
        spans.append(open)
    }

    // MARK: - The chronicle

    /// The chronicle of the run, every open span closed at the run's end.
    public func chronicle(title: String, file: String, seed: UInt64, result: RunResult) -> RunChronicle {
        let end = SimInstant(nanoseconds: result.summary.duration.nanoseconds)
        for node in nodes.indices {
            closeLeadership(of: node, at: end)
            closeStatus(of: node, at: end)
        }
        let bars = closedTaskBars(at: end)
        var all = spans + bars
        all.sort { ($0.node, $0.track, $0.start.nanoseconds) < ($1.node, $1.track, $1.start.nanoseconds) }
        var closedFaults = faults
        for index in closedFaults.indices where closedFaults[index].end == .some(FaultRules.stillOpen) {
            closedFaults[index].end = end
        }
        return RunChronicle(title: title, file: file, seed: seed, nodes: nodes, end: end, spans: all, marks: marks,
                            faults: closedFaults, expectations: result.expectations, failures: result.failures)
    }
}

extension TraceEvent {
    /// The named field's value if it is an integer.
    func intField(_ name: String) -> Int? {
        if case let .int(value)? = field(name) { return Int(value) }
        return nil
    }
}
