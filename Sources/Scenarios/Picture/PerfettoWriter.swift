import SimEngine

/// Writes a `RunChronicle` as a Chrome trace-event JSON file, which ui.perfetto.dev and
/// chrome://tracing open (`--format perfetto`).
///
/// It follows the Trace Event Format document's rules for the JSON object form
/// (`{"traceEvents": [...]}`):
/// - every event has `name`, `ph` (phase), `ts` (microseconds, here of simulated time),
///   `pid` and `tid`;
/// - a span is a complete event, `"ph":"X"`, with its `dur` in microseconds; spans on one
///   thread nest or follow each other (task bars are laid on rows for that);
/// - an instant is `"ph":"i"` with scope `"s":"t"` (its thread);
/// - process and thread names are metadata events, `"ph":"M"`, named `process_name` and
///   `thread_name` with `args.name`, ordered by `process_sort_index` and `thread_sort_index`.
/// Events come metadata first, then spans and instants in the chronicle's order: the same
/// run gives the same bytes.
public enum PerfettoWriter {
    /// The whole file, newline-terminated.
    public static func json(of chronicle: RunChronicle) -> String {
        var tracks = PerfettoTracks()
        // A node's main tracks first, in a fixed order; its other components' as they come.
        for (index, node) in chronicle.nodes.enumerated() {
            let pid = PerfettoTracks.pid(ofNode: index)
            if node.isManager { _ = tracks.tid(pid: pid, name: ChronicleTrack.raft.name) }
            _ = tracks.tid(pid: pid, name: ChronicleTrack.status.name)
            for row in 0..<chronicle.taskRows(ofNode: index) { _ = tracks.tid(pid: pid, name: ChronicleTrack.tasks(row: row).name) }
        }
        var events: [String] = []
        for span in chronicle.spans {
            let pid = PerfettoTracks.pid(ofNode: span.node)
            let tid = tracks.tid(pid: pid, name: span.track.name)
            events.append(complete(span.label, category: category(of: span.track), pid: pid, tid: tid, start: span.start, end: span.end, text: span.text))
            for part in span.parts {
                events.append(complete(part.label, category: "task", pid: pid, tid: tid, start: part.start, end: part.end, text: part.text))
            }
        }
        for mark in chronicle.marks {
            let pid = PerfettoTracks.pid(ofNode: mark.node)
            let tid = tracks.tid(pid: pid, name: mark.track.name)
            events.append(instant(mark.kind, category: mark.track.name, pid: pid, tid: tid, time: mark.time, text: mark.text))
        }
        let scenario = PerfettoTracks.scenarioPID
        let faultTID = tracks.tid(pid: scenario, name: "faults")
        var faultRows: [SimInstant] = []
        for fault in chronicle.faults {
            events.append(instant(fault.text, category: "fault", pid: scenario, tid: faultTID, time: fault.start, text: fault.text))
            guard let end = fault.end else { continue }
            let row = faultRows.firstIndex { $0 <= fault.start } ?? faultRows.count
            if row == faultRows.count { faultRows.append(end) } else { faultRows[row] = end }
            let tid = tracks.tid(pid: scenario, name: "faults in force \(row + 1)")
            events.append(complete(fault.text, category: "fault", pid: scenario, tid: tid, start: fault.start, end: end, text: fault.text))
        }
        let expectTID = tracks.tid(pid: scenario, name: "expectations")
        for result in chronicle.expectations {
            let name = (result.passed ? "PASS " : "FAIL ") + result.text
            events.append(instant(name, category: "expect", pid: scenario, tid: expectTID, time: result.decidedAt,
                                  text: result.detail.isEmpty ? name : name + ": " + result.detail))
        }
        for failure in chronicle.failures {
            let tid = tracks.tid(pid: scenario, name: "failures")
            events.append(instant("FAIL " + failure.text, category: "failure", pid: scenario, tid: tid, time: failure.time, text: failure.text))
        }
        var out = "{\"displayTimeUnit\":\"ms\",\"otherData\":"
        var other = JSONObject()
        other.add("scenario", chronicle.title)
        other.add("file", chronicle.file)
        other.add("seed", chronicle.seed)
        other.add("clock", "simulated time")
        out += other.json + ",\"traceEvents\":[\n"
        let all = metadata(chronicle, tracks) + events
        out += all.joined(separator: ",\n")
        return out + "\n]}\n"
    }

    // MARK: - Events

    private static func category(of track: ChronicleTrack) -> String {
        switch track {
        case .raft: "raft"
        case .status: "status"
        case .tasks: "task"
        case let .component(name): name
        }
    }

    private static func head(_ name: String, phase: String, category: String, pid: Int, tid: Int, time: SimInstant) -> JSONObject {
        var object = JSONObject()
        object.add("name", name)
        object.add("cat", category)
        object.add("ph", phase)
        object.addJSON("ts", microseconds(time.nanoseconds))
        object.add("pid", pid)
        object.add("tid", tid)
        return object
    }

    private static func complete(_ name: String, category: String, pid: Int, tid: Int, start: SimInstant, end: SimInstant, text: String) -> String {
        var object = head(name, phase: "X", category: category, pid: pid, tid: tid, time: start)
        object.addJSON("dur", microseconds(max(0, end.nanoseconds - start.nanoseconds)))
        object.addJSON("args", arguments(text))
        return object.json
    }

    private static func instant(_ name: String, category: String, pid: Int, tid: Int, time: SimInstant, text: String) -> String {
        var object = head(name, phase: "i", category: category, pid: pid, tid: tid, time: time)
        object.add("s", "t")
        object.addJSON("args", arguments(text))
        return object.json
    }

    private static func arguments(_ text: String) -> String {
        var object = JSONObject()
        object.add("text", text)
        return object.json
    }

    /// `process_name`, `process_sort_index`, `thread_name` and `thread_sort_index` of every
    /// process and thread that has events, and of every node (even one with none).
    private static func metadata(_ chronicle: RunChronicle, _ tracks: PerfettoTracks) -> [String] {
        var events: [String] = []
        var processes = [(PerfettoTracks.scenarioPID, "scenario")]
        for (index, node) in chronicle.nodes.enumerated() {
            processes.append((PerfettoTracks.pid(ofNode: index), node.name + (node.isManager ? " (manager)" : " (worker)")))
        }
        for (pid, name) in processes {
            events.append(meta("process_name", pid: pid, tid: 0, key: "name", value: name))
            events.append(meta("process_sort_index", pid: pid, tid: 0, key: "sort_index", number: pid))
        }
        for thread in tracks.threads {
            events.append(meta("thread_name", pid: thread.pid, tid: thread.tid, key: "name", value: thread.name))
            events.append(meta("thread_sort_index", pid: thread.pid, tid: thread.tid, key: "sort_index", number: thread.tid))
        }
        return events
    }

    private static func meta(_ name: String, pid: Int, tid: Int, key: String, value: String? = nil, number: Int? = nil) -> String {
        var object = JSONObject()
        object.add("name", name)
        object.add("ph", "M")
        object.add("ts", 0)
        object.add("pid", pid)
        object.add("tid", tid)
        var arguments = JSONObject()
        if let value { arguments.add(key, value) }
        if let number { arguments.add(key, number) }
        object.addJSON("args", arguments.json)
        return object.json
    }

    /// Nanoseconds as microseconds in JSON: `30000000` or `30000000.125`.
    static func microseconds(_ nanoseconds: Int64) -> String {
        let whole = nanoseconds / 1000
        let rest = nanoseconds % 1000
        guard rest != 0 else { return String(whole) }
        var fraction = String(rest)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
