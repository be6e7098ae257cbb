import SimEngine

/// Task bars: each task is one bar on the node it was assigned to, made of one part per
/// state it went through; bars are laid on rows so that two bars on a row never overlap.
extension ChronicleRecorder {
    /// States after which a task does nothing more (SwarmKit's terminal states).
    static let terminalStates: Set<String> = ["complete", "shutdown", "failed", "rejected", "remove", "orphaned"]

    func recordTask(_ event: TraceEvent) {
        guard let id = event.stringField("task"), let state = event.stringField("state") else { return }
        if let index = taskIndex[id] {
            guard !taskEnded[index] else { return }
            var bar = tasks[index]
            bar.parts[bar.parts.count - 1].end = event.time
            bar.parts.append(part(of: bar, state: state, event: event))
            bar.tone = state
            bar.end = event.time
            if Self.terminalStates.contains(state) { taskEnded[index] = true }
            tasks[index] = bar
            return
        }
        // A task is drawn from the moment it has a node.
        guard let target = event.stringField("target"), !target.isEmpty else { return }
        let node = index(of: target)
        let service = event.stringField("service") ?? "?"
        let slot = event.intField("slot") ?? 0
        let label = slot > 0 ? "\(service).\(slot)" : "\(service)@\(target)"
        var bar = ChronicleSpan(node: node, track: .tasks(row: 0), label: label, tone: state, start: event.time, end: event.time,
                                text: "task \(label) on \(target) (\(id))")
        bar.parts = [part(of: bar, state: state, event: event)]
        taskIndex[id] = tasks.count
        tasks.append(bar)
        taskEnded.append(Self.terminalStates.contains(state))
    }

    private func part(of bar: ChronicleSpan, state: String, event: TraceEvent) -> ChronicleSpan {
        ChronicleSpan(node: bar.node, track: bar.track, label: state, tone: state, start: event.time, end: event.time,
                      text: "\(event.time) \(event.text)")
    }

    /// Every bar, those still going extended to `end`, each given the first row of its node
    /// free at its start.
    func closedTaskBars(at end: SimInstant) -> [ChronicleSpan] {
        var rowEnds: [[SimInstant]] = Array(repeating: [], count: nodes.count)
        var bars: [ChronicleSpan] = []
        bars.reserveCapacity(tasks.count)
        for (index, original) in tasks.enumerated() {
            var bar = original
            if !taskEnded[index] {
                bar.end = end
                bar.parts[bar.parts.count - 1].end = end
            }
            var ends = rowEnds[bar.node]
            let row = ends.firstIndex { $0 < bar.start } ?? ends.count
            if row == ends.count { ends.append(bar.end) } else { ends[row] = bar.end }
            rowEnds[bar.node] = ends
            bar.track = .tasks(row: row)
            for part in bar.parts.indices { bar.parts[part].track = bar.track }
            bars.append(bar)
        }
        return bars
    }
}
