import SimEngine

/// A run as a picture shows it: per node, spans on tracks (leadership, status, tasks) and
/// instants; the faults in force; the expectations at their decisive times.
///
/// `ChronicleRecorder` gathers it from the trace; `PerfettoWriter` and `HTMLTimelineWriter`
/// draw it. Every list is in a fixed order (nodes as the scenario lists them, then by time),
/// so that a picture's bytes depend on nothing but the run.
public struct RunChronicle: Sendable {
    /// One node of the run, in the scenario's order.
    public struct Node: Sendable, Equatable {
        public var name: String
        /// Whether it starts as a manager.
        public var isManager: Bool
    }

    public var title: String
    public var file: String
    public var seed: UInt64
    public var nodes: [Node]
    /// When the run ended.
    public var end: SimInstant
    /// Every span, by node then start.
    public var spans: [ChronicleSpan]
    /// Every instant that is neither a fault nor an expectation, in trace order.
    public var marks: [ChronicleMark]
    /// Every fault, in the order the timeline applied them.
    public var faults: [ChronicleFault]
    public var expectations: [ExpectationResult]
    public var failures: [RunFailure]

    /// The spans of node `index`.
    public func spans(ofNode index: Int) -> [ChronicleSpan] {
        spans.filter { $0.node == index }
    }

    /// The number of task rows of node `index` (0 if it ran no task).
    public func taskRows(ofNode index: Int) -> Int {
        spans.reduce(0) { rows, span in
            if span.node == index, case let .tasks(row) = span.track { return max(rows, row + 1) }
            return rows
        }
    }
}

/// A track of a node: one row of a lane, one thread of a Perfetto process.
public enum ChronicleTrack: Sendable, Equatable, Comparable {
    /// Raft: the manager's leadership spans and term marks.
    case raft
    /// The node's status as the leader's dispatcher recorded it (Ready, Unknown, Down).
    case status
    /// One row of the node's tasks; tasks on one row never overlap.
    case tasks(row: Int)
    /// Other instants of a component (`agent`, `engine`, `manager`, `cli`...).
    case component(String)

    /// The track's name (`raft`, `dispatcher`, `tasks 1`, `agent`).
    public var name: String {
        switch self {
        case .raft: "raft"
        case .status: "dispatcher"
        case let .tasks(row): "tasks \(row + 1)"
        case let .component(name): name
        }
    }
}

/// Something that lasted, on one track of one node.
public struct ChronicleSpan: Sendable, Equatable {
    /// The index of the node in `RunChronicle.nodes`.
    public var node: Int
    public var track: ChronicleTrack
    /// A short label (`leader t3`, `ready`, `web.2`).
    public var label: String
    /// What it was, for colour (`leader`, `ready`, `running`...).
    public var tone: String
    public var start: SimInstant
    public var end: SimInstant
    /// The sentence shown on hover.
    public var text: String
    /// The parts of a task bar: each state it went through, from when to when.
    public var parts: [ChronicleSpan] = []
}

/// Something that happened at one instant on a node (or the world, `node` nil).
public struct ChronicleMark: Sendable, Equatable {
    public var node: Int?
    public var track: ChronicleTrack
    public var kind: String
    public var time: SimInstant
    public var text: String
}

/// A fault of the timeline: when it was applied, until when it held, and whom it touched.
public struct ChronicleFault: Sendable, Equatable {
    public var text: String
    public var start: SimInstant
    /// When it ended (`restart`, `heal`, the end of the run), or nil for a fault of one
    /// instant (`kill`, `restart` of a node that was up, `heal` itself).
    public var end: SimInstant?
    /// The nodes it touched (indexes), empty for every node.
    public var nodes: [Int]
}
