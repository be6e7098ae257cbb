import SimEngine

/// The lanes of the HTML page, top to bottom, and the rows each has.
///
/// The faults and the expectations come first, then one lane per manager, then one per
/// worker, each in the scenario's order. When a role has more than `foldAbove` nodes (a thousand workers), its nodes fold
/// into one summary lane so that the page stays small.
struct HTMLLayout {
    enum Kind: Equatable {
        case faults
        case expectations
        /// The timeline's CLI commands (`docker node update --availability drain w1`).
        case commands(rows: [Int])
        case node(Int)
        /// The folded nodes of a role (`manager`, `worker`).
        case summary(role: String, nodes: [Int])
    }

    struct Lane {
        var kind: Kind
        /// The label shown at the left.
        var label: String
        /// What each row shows (`raft`, `status`, `tasks`...).
        var rows: [String]
        /// The y of its top, in pixels.
        var top: Int
        var height: Int { rows.count * HTMLLayout.rowHeight }
    }

    static let rowHeight = 18
    static let axisHeight = 24
    /// A role with more nodes than this is folded into a summary lane.
    static let foldAbove = 50

    private(set) var lanes: [Lane] = []
    /// Per node: the index of the lane that draws it (its own or its role's summary).
    private(set) var laneOfNode: [Int]
    private(set) var height = HTMLLayout.axisHeight

    init(_ chronicle: RunChronicle) {
        laneOfNode = Array(repeating: 0, count: chronicle.nodes.count)
        var faultRows = 1
        var rowEnds: [SimInstant] = []
        for fault in chronicle.faults {
            let end = fault.end ?? fault.start
            if let row = rowEnds.firstIndex(where: { $0 < fault.start }) { rowEnds[row] = end } else { rowEnds.append(end) }
            faultRows = max(faultRows, rowEnds.count)
        }
        add(Lane(kind: .faults, label: "faults", rows: Array(repeating: "", count: faultRows), top: 0))
        add(Lane(kind: .expectations, label: "expectations", rows: [""], top: 0))
        let commandRows = Self.commandRows(chronicle)
        if !commandRows.isEmpty {
            add(Lane(kind: .commands(rows: commandRows), label: "commands", rows: Array(repeating: "", count: (commandRows.max() ?? 0) + 1), top: 0))
        }
        let managers = chronicle.nodes.indices.filter { chronicle.nodes[$0].isManager }
        let workers = chronicle.nodes.indices.filter { !chronicle.nodes[$0].isManager }
        for (role, members) in [("manager", managers), ("worker", workers)] {
            if members.count > Self.foldAbove {
                for node in members { laneOfNode[node] = lanes.count }
                add(Lane(kind: .summary(role: role, nodes: members), label: "\(members.count) \(role)s (folded)",
                         rows: ["nodes ready", "tasks running"], top: 0))
                continue
            }
            for node in members {
                laneOfNode[node] = lanes.count
                let rows = ["role", "status"] + Array(repeating: "tasks", count: chronicle.taskRows(ofNode: node))
                add(Lane(kind: .node(node), label: chronicle.nodes[node].name, rows: rows, top: 0))
            }
        }
    }

    /// The commands of the run (marks of kind `command`), in order.
    static func commands(_ chronicle: RunChronicle) -> [ChronicleMark] {
        chronicle.marks.filter { $0.kind == "command" }
    }

    /// The row of each command, so that labels (about 6.5 px a character on a 1,200 px chart)
    /// do not run into each other.
    private static func commandRows(_ chronicle: RunChronicle) -> [Int] {
        var rowEnds: [Double] = []
        return commands(chronicle).map { mark in
            let start = chronicle.end.nanoseconds > 0 ? Double(mark.time.nanoseconds) / Double(chronicle.end.nanoseconds) : 0
            let end = start + Double(commandLabel(mark).count) * 6.5 / 1200
            if let row = rowEnds.firstIndex(where: { $0 < start }) { rowEnds[row] = end; return row }
            rowEnds.append(end)
            return rowEnds.count - 1
        }
    }

    /// A command's first line (its command line, without the output).
    static func commandLabel(_ mark: ChronicleMark) -> String {
        String(mark.text.prefix { $0 != "\n" })
    }

    private mutating func add(_ lane: Lane) {
        var lane = lane
        lane.top = height
        height += lane.height
        lanes.append(lane)
    }

    /// Opens the SVG group of `lane` (its `attributes`: class and data) with its background.
    func start(lane: Int, attributes: String) -> String {
        "<g \(attributes)><rect class=\"lane-bg\" x=\"0\" y=\"\(lanes[lane].top)\" width=\"100%\" height=\"\(lanes[lane].height)\"/>"
    }

    /// The y of row `row` of `lane`.
    func y(lane: Int, row: Int) -> Int {
        lanes[lane].top + row * Self.rowHeight
    }
}
