import SimEngine

/// Terminal colours for the text report. Used only when asked for (the CLI asks when
/// standard output is a terminal); with `enabled` false every function returns its input.
struct ANSIStyle {
    enum Tone: String {
        case dim = "\u{1B}[2m"
        case bold = "\u{1B}[1m"
        case red = "\u{1B}[31m"
        case green = "\u{1B}[32m"
        case yellow = "\u{1B}[33m"
        case cyan = "\u{1B}[36m"
    }

    static let reset = "\u{1B}[0m"

    var enabled: Bool

    /// `text` in `tone`, or `text` unchanged without colour or without a tone.
    func paint(_ text: String, _ tone: Tone?) -> String {
        guard enabled, let tone, !text.isEmpty else { return text }
        return tone.rawValue + text + Self.reset
    }

    /// The tone of an event's message: green for a leader or a node/task coming good, red
    /// for stepdowns, nodes going down and failed tasks or commands, yellow for faults.
    static func tone(of event: TraceEvent) -> Tone? {
        switch event.kind {
        case "raft.leader", "manager.leader":
            return .green
        case "raft.stepdown", "raft.removed", "invariant", "failure":
            return .red
        case "fault":
            return .yellow
        case "node.status":
            switch event.stringField("status") {
            case "ready": return .green
            case "down", "disconnected": return .red
            default: return .yellow
            }
        case "task.state":
            switch event.stringField("state") {
            case "running": return .green
            case "failed", "rejected", "orphaned": return .red
            default: return nil
            }
        case "command":
            if event.field("ok") == .bool(false) { return .red }
            return .cyan
        default:
            return nil
        }
    }
}

extension TraceEvent {
    /// The named field's value if it is a string.
    func stringField(_ name: String) -> String? {
        if case let .string(value)? = field(name) { return value }
        return nil
    }
}
