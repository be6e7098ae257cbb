import SimEngine

/// Draws what belongs to the whole run: the time axis and its grid, the faults lane, the
/// expectations lane, and each fault's shading over the lanes of the nodes it touched.
struct HTMLScenarioLanes {
    let chronicle: RunChronicle
    let layout: HTMLLayout
    let scale: TimeScale

    /// Tick labels along the top and grid lines down the whole chart.
    func axis() -> String {
        var out = "<g class=\"axis\">"
        for tick in scale.ticks() {
            let x = scale.x(tick)
            out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(HTMLLayout.axisHeight - 6)\" y2=\"\(layout.height)\"/>"
            out += "<text x=\"\(x)\" dx=\"2\" y=\"\(HTMLLayout.axisHeight - 10)\">\(DurationFormat.format(SimDuration(nanoseconds: tick.nanoseconds)))</text>"
        }
        return out + "</g>\n"
    }

    /// Each fault on a row of the faults lane: a bar while in force, a tick for an instant.
    func faults(lane: Int) -> String {
        var out = layout.start(lane: lane, attributes: "class=\"lane faults\"")
        var rowEnds: [SimInstant] = []
        for fault in chronicle.faults {
            let end = fault.end ?? fault.start
            let row: Int
            if let free = rowEnds.firstIndex(where: { $0 < fault.start }) { row = free; rowEnds[free] = end } else { row = rowEnds.count; rowEnds.append(end) }
            let y = layout.y(lane: lane, row: row)
            out += mark("fault", title: describe(fault), x: scale.x(fault.start), width: scale.width(from: fault.start, to: end, minimum: 0.2),
                        y: y, label: fault.text)
        }
        return out + "</g>\n"
    }

    /// Each expectation as a mark at the time it was decided: a tick and its verdict.
    func expectations(lane: Int) -> String {
        let top = layout.lanes[lane].top
        var out = layout.start(lane: lane, attributes: "class=\"lane expectations\"")
        for result in chronicle.expectations {
            let verdict = result.passed ? "pass" : "fail"
            out += mark("expect \(verdict)", title: Self.describe(result), x: scale.x(result.decidedAt, leaving: 1.2), width: "0.3%",
                        y: top, label: result.passed ? "✓" : "✗")
        }
        for failure in chronicle.failures {
            out += "<g class=\"expect fail\" tabindex=\"0\">" + HTMLText.title("FAIL at \(failure.time): \(failure.text)")
            out += "<rect x=\"\(scale.x(failure.time, leaving: 1.2))\" y=\"\(top + 1)\" width=\"0.3%\" height=\"\(HTMLLayout.rowHeight - 2)\"/></g>"
        }
        return out + "</g>\n"
    }

    /// Each command as a tick and its command line; its output is in the title.
    func commands(lane: Int, rows: [Int]) -> String {
        var out = layout.start(lane: lane, attributes: "class=\"lane commands\"")
        for (mark, row) in zip(HTMLLayout.commands(chronicle), rows) {
            let y = layout.y(lane: lane, row: row)
            let via = mark.node.map { " (via \(chronicle.nodes[$0].name))" } ?? ""
            out += self.mark("command", title: "\(mark.time)\(via): \(mark.text)", x: scale.x(mark.time), width: "0.2%",
                             y: y, label: HTMLLayout.commandLabel(mark))
        }
        return out + "</g>\n"
    }

    /// A focusable mark on the row at `y`: its title, a bar from `x` as wide as `width`, and
    /// its label after the bar's start.
    private func mark(_ cssClass: String, title: String, x: String, width: String, y: Int, label: String) -> String {
        "<g class=\"\(cssClass)\" tabindex=\"0\">" + HTMLText.title(title)
            + "<rect x=\"\(x)\" y=\"\(y + 1)\" width=\"\(width)\" height=\"\(HTMLLayout.rowHeight - 2)\"/>"
            + "<text x=\"\(x)\" dx=\"4\" y=\"\(y + HTMLLayout.rowHeight - 5)\">\(HTMLText.escaped(label))</text></g>"
    }

    /// A shaded band over the lanes of the nodes each fault touched (all nodes when it names
    /// none), for as long as it is in force; a thin band for an instant on named nodes (a
    /// `heal` shades nothing).
    func shading() -> String {
        let nodeLanes = layout.lanes.indices.filter {
            if case .faults = layout.lanes[$0].kind { return false }
            if case .expectations = layout.lanes[$0].kind { return false }
            if case .commands = layout.lanes[$0].kind { return false }
            return true
        }
        guard let firstNodeLane = nodeLanes.first, let lastNodeLane = nodeLanes.last else { return "" }
        var out = "<g class=\"shades\">"
        for fault in chronicle.faults where fault.end != nil || !fault.nodes.isEmpty {
            var lanes: [Int] = []
            for node in fault.nodes where !lanes.contains(layout.laneOfNode[node]) { lanes.append(layout.laneOfNode[node]) }
            let bands = lanes.isEmpty ? [(layout.lanes[firstNodeLane].top, layout.lanes[lastNodeLane].top + layout.lanes[lastNodeLane].height)]
                                      : lanes.sorted().map { (layout.lanes[$0].top, layout.lanes[$0].top + layout.lanes[$0].height) }
            let end = fault.end ?? fault.start
            for (top, bottom) in bands {
                out += "<rect class=\"shade\" x=\"\(scale.x(fault.start))\" y=\"\(top)\" width=\"\(scale.width(from: fault.start, to: end, minimum: 0.15))\" height=\"\(bottom - top)\"/>"
                out += "<text class=\"shade-text\" x=\"\(scale.x(fault.start))\" dx=\"3\" y=\"\(top + 11)\">\(HTMLText.escaped(fault.text))</text>"
            }
        }
        return out + "</g>\n"
    }

    func describe(_ fault: ChronicleFault) -> String {
        guard let end = fault.end else { return "\(fault.start) fault: \(fault.text)" }
        let until = end == chronicle.end ? "the end of the run (\(end))" : "\(end)"
        return "\(fault.start) fault: \(fault.text), in force until \(until)"
    }

    static func describe(_ result: ExpectationResult) -> String {
        let verdict = result.passed ? "PASS" : "FAIL"
        return "\(verdict) at \(result.decidedAt): \(result.text)" + (result.detail.isEmpty ? "" : " (\(result.detail))")
    }
}
