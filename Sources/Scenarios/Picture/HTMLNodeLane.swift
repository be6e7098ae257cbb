import SimEngine

/// Draws one node's lane: its role and leadership (with term marks), its status, and its
/// tasks as bars coloured by state, each mark with a `<title>` (its text alternative and
/// hover text).
struct HTMLNodeLane {
    let chronicle: RunChronicle
    let layout: HTMLLayout
    let scale: TimeScale
    /// A label is written on a bar that covers at least this share of the run.
    static let labelShare = 0.04

    func svg(lane: Int, node: Int) -> String {
        let info = chronicle.nodes[node]
        let top = layout.lanes[lane].top
        var out = layout.start(lane: lane, attributes: "class=\"lane node\" data-node=\"\(HTMLText.escaped(info.name))\"")
        out += roles(node: node, y: top)
        for span in chronicle.spans(ofNode: node) {
            switch span.track {
            case .raft: out += bar(span, y: top, cssClass: "leader")
            case .status: out += bar(span, y: top + HTMLLayout.rowHeight, cssClass: "st-" + span.tone)
            case let .tasks(row): out += task(span, y: top + (row + 2) * HTMLLayout.rowHeight)
            case .component: break
            }
        }
        for mark in chronicle.marks where mark.node == node && mark.kind == "raft.term" {
            out += "<rect class=\"term\" x=\"\(scale.x(mark.time))\" y=\"\(top + 2)\" width=\"0.15%\" height=\"\(HTMLLayout.rowHeight - 4)\">"
            out += HTMLText.title("\(mark.time) \(info.name): \(mark.text)") + "</rect>"
        }
        return out + "</g>\n"
    }

    /// The node's role over time: its first role, changed by `role.change` on the node itself.
    private func roles(node: Int, y: Int) -> String {
        let name = chronicle.nodes[node].name
        var role = chronicle.nodes[node].isManager ? "manager" : "worker"
        var start = SimInstant.zero
        var out = ""
        let changes = chronicle.marks.filter { $0.node == node && $0.kind == "role.change" && $0.track == .component("engine") }
        for change in changes + [ChronicleMark(node: node, track: .raft, kind: "end", time: chronicle.end, text: "")] {
            let span = ChronicleSpan(node: node, track: .raft, label: role, tone: role, start: start, end: change.time,
                                     text: "\(name) is a \(role) from \(start) to \(change.time)")
            out += bar(span, y: y, cssClass: "role-" + role)
            if change.text.contains("manager") { role = "manager" } else if change.text.contains("worker") { role = "worker" }
            start = change.time
        }
        return out
    }

    /// A span as a rectangle with its label (when wide enough) and title.
    func bar(_ span: ChronicleSpan, y: Int, cssClass: String) -> String {
        var out = "<g class=\"\(cssClass)\">" + HTMLText.title(span.text)
        out += "<rect x=\"\(scale.x(span.start))\" y=\"\(y + 1)\" width=\"\(scale.width(from: span.start, to: span.end))\" height=\"\(HTMLLayout.rowHeight - 2)\"/>"
        if scale.share(from: span.start, to: span.end) >= Self.labelShare {
            out += "<text x=\"\(scale.x(span.start))\" dx=\"3\" y=\"\(y + HTMLLayout.rowHeight - 5)\">\(HTMLText.escaped(span.label))</text>"
        }
        return out + "</g>"
    }

    /// A task's bar: one rectangle per state it went through, its slot name on it.
    private func task(_ span: ChronicleSpan, y: Int) -> String {
        var title = span.text + ":"
        for part in span.parts { title += "\n" + part.text }
        var out = "<g class=\"task\">" + HTMLText.title(title)
        for part in span.parts {
            out += "<rect class=\"s-\(part.tone)\" x=\"\(scale.x(part.start))\" y=\"\(y + 2)\" width=\"\(scale.width(from: part.start, to: part.end, minimum: 0.02))\" height=\"\(HTMLLayout.rowHeight - 4)\"/>"
        }
        if scale.share(from: span.start, to: span.end) >= Self.labelShare {
            out += "<text x=\"\(scale.x(span.start))\" dx=\"3\" y=\"\(y + HTMLLayout.rowHeight - 5)\">\(HTMLText.escaped(span.label))</text>"
        }
        return out + "</g>"
    }
}
