import SimEngine

/// Writes a `RunChronicle` as one self-contained HTML page (`--format html`): inline SVG,
/// CSS and a short script, nothing loaded from anywhere, so it opens from disk.
///
/// The page has a time axis; a lane for the faults (each a bar while in force, its text on
/// it), one for the expectations (a mark at the time each was decided, ✓ or ✗), one for the
/// timeline's commands (a tick and the command line, its output on hover); then a
/// lane per node (its role and leadership with term marks, its status, its tasks as bars
/// coloured by state with their slot names), a role with more than 50 nodes folded into a
/// summary lane. Faults shade the lanes of the nodes they touched. Every mark has a
/// `<title>` (the hover text, and its text alternative), and a section below says the
/// faults, expectations and leaders in words, for print and for screen readers.
public enum HTMLTimelineWriter {
    public static func page(of chronicle: RunChronicle) -> String {
        let layout = HTMLLayout(chronicle)
        let scale = TimeScale(end: chronicle.end)
        let scenarioLanes = HTMLScenarioLanes(chronicle: chronicle, layout: layout, scale: scale)
        let nodeLane = HTMLNodeLane(chronicle: chronicle, layout: layout, scale: scale)
        let summaryLane = HTMLSummaryLane(chronicle: chronicle, layout: layout, scale: scale)

        var chart = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart\" height=\"\(layout.height)\" role=\"img\" aria-labelledby=\"chart-title\">"
        chart += "<title id=\"chart-title\">" + HTMLText.escaped("Timeline of \(chronicle.title): \(chronicle.nodes.count) nodes over \(chronicle.end)") + "</title>\n"
        chart += scenarioLanes.axis()
        for (index, lane) in layout.lanes.enumerated() {
            switch lane.kind {
            case .faults: chart += scenarioLanes.faults(lane: index)
            case .expectations: chart += scenarioLanes.expectations(lane: index)
            case let .commands(rows): chart += scenarioLanes.commands(lane: index, rows: rows)
            case let .node(node): chart += nodeLane.svg(lane: index, node: node)
            case let .summary(role, nodes): chart += summaryLane.svg(lane: index, role: role, nodes: nodes)
            }
        }
        chart += scenarioLanes.shading() + "</svg>"

        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>" + HTMLText.escaped("\(chronicle.title) (\(chronicle.file), seed \(chronicle.seed))") + "</title>\n"
        page += "<style>\n" + HTMLAssets.style + "\n</style>\n</head>\n<body>\n"
        page += header(chronicle)
        page += "<div class=\"timeline\">\n<div class=\"labels\" aria-hidden=\"true\">\n" + labels(layout, chronicle) + "</div>\n"
        page += "<div class=\"plot\" id=\"plot\">\n" + chart + "\n</div>\n</div>\n"
        page += words(chronicle, scenarioLanes)
        page += "<script>\n" + HTMLAssets.script + "\n</script>\n</body>\n</html>\n"
        return page
    }

    private static func header(_ chronicle: RunChronicle) -> String {
        let failed = chronicle.expectations.filter { !$0.passed }.count + chronicle.failures.count
        let verdict = failed == 0 ? "<span class=\"pass-word\">PASS</span>" : "<span class=\"fail-word\">FAIL</span>"
        var out = "<h1>" + HTMLText.escaped(chronicle.title) + "</h1>\n"
        out += "<p class=\"meta\">" + verdict + " · " + HTMLText.escaped("\(chronicle.file), seed \(chronicle.seed), \(chronicle.end) of simulated time, "
            + "\(chronicle.nodes.count) nodes, \(chronicle.expectations.count) expectations (\(failed) failed)") + "</p>\n"
        out += "<div class=\"controls\" role=\"toolbar\" aria-label=\"Zoom\"><button type=\"button\" data-zoom=\"in\">Zoom in</button>"
        out += "<button type=\"button\" data-zoom=\"out\">Zoom out</button><button type=\"button\" data-zoom=\"reset\">Reset</button>"
        out += "<span id=\"zoom-level\">1×</span><div id=\"detail\" aria-live=\"polite\">Hover over or focus a mark to read it here.</div></div>\n"
        return out + legend()
    }

    private static func legend() -> String {
        let keys: [(String, String)] = [("leader", "leader"), ("st-ready", "ready"), ("st-unknown", "unknown"), ("st-down", "down"),
                                        ("s-assigned", "assigned"), ("s-preparing", "preparing"), ("s-running", "running"),
                                        ("s-shutdown", "shutdown"), ("s-failed", "failed, rejected"), ("s-complete", "complete"), ("fault", "fault")]
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"legend\" width=\"\(keys.count * 110)\" height=\"16\" role=\"img\" aria-label=\"Legend\">"
        for (index, key) in keys.enumerated() {
            let wrapped = key.0.hasPrefix("s-")
            out += wrapped ? "<g class=\"key\">" : "<g class=\"key \(key.0)\">"
            out += "<rect\(wrapped ? " class=\"\(key.0)\"" : "") x=\"\(index * 110)\" y=\"2\" width=\"12\" height=\"12\"/>"
            out += "<text x=\"\(index * 110 + 16)\" y=\"12\">\(key.1)</text></g>"
        }
        return out + "</svg>\n"
    }

    private static func labels(_ layout: HTMLLayout, _ chronicle: RunChronicle) -> String {
        var out = "<div class=\"axis-space\"></div>\n"
        for lane in layout.lanes {
            var role = ""
            if case let .node(node) = lane.kind { role = chronicle.nodes[node].isManager ? " (manager)" : " (worker)" }
            for (row, name) in lane.rows.enumerated() {
                if row == 0 {
                    out += "<div class=\"lane-name\" style=\"border-top:1px solid #ddd\">" + HTMLText.escaped(lane.label + role) + "</div>\n"
                } else {
                    out += "<div class=\"row-name\">" + HTMLText.escaped(name) + "</div>\n"
                }
            }
        }
        return out
    }

    /// The faults, expectations, failures and leaders in words.
    private static func words(_ chronicle: RunChronicle, _ lanes: HTMLScenarioLanes) -> String {
        var out = "<section class=\"words\">\n<h2>In words</h2>\n"
        out += list("Faults", chronicle.faults.map(lanes.describe))
        out += list("Expectations", chronicle.expectations.map(HTMLScenarioLanes.describe))
        out += list("Failures", chronicle.failures.map { "FAIL at \($0.time): \($0.text)" })
        out += list("Leaders", chronicle.spans.filter { $0.track == .raft }.sorted { $0.start < $1.start }.map(\.text))
        return out + "</section>\n"
    }

    private static func list(_ heading: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "<h3>\(heading)</h3>\n<ol>\n" + items.map { "<li>" + HTMLText.escaped($0) + "</li>\n" }.joined() + "</ol>\n"
    }
}
