import Foundation
import SimEngine

/// `simrun quorum --format html`: Docker's fault-tolerance table as measured, and for every
/// number of managers a small timeline of the two runs that decide it: the most managers lost
/// with a write still succeeding, and one more, when it no longer does (SCENARIO_FORMAT §12).
///
/// Each timeline has a lane per manager: its leadership (a dark bar, from the `raft.leader` it
/// won to its step-down or crash), its time down (grey, from the crash), the crash and the write
/// as lines across the lanes. One self-contained page: inline SVG and CSS, no script, nothing
/// loaded; every mark has a `<title>` and every figure a caption that says it in words.
public enum QuorumHTMLWriter {
    /// One row of the table: a manager count, its measured tolerance, and the runs drawn.
    public struct Row: Sendable {
        public var managers: Int
        public var measured: Int
        public var runs: [QuorumRun]

        public init(managers: Int, measured: Int, runs: [QuorumRun]) {
            self.managers = managers
            self.measured = measured
            self.runs = runs
        }

        public var majority: Int { managers / 2 + 1 }
        public var formula: Int { (managers - 1) / 2 }
    }

    static let crashAt = SimInstant.zero + .seconds(20)
    static let writeAt = SimInstant.zero + .seconds(60)
    static let laneHeight = 14

    public static func page(rows: [Row], seed: UInt64) -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>Fault tolerance of a swarm's managers, measured (seed \(seed))</title>\n"
        page += "<style>\n" + style + "\n</style>\n</head>\n<body>\n"
        page += "<h1>How many managers can a swarm lose?</h1>\n"
        page += "<p>Each swarm loses managers at 20s (the leader first), then <code>docker service create</code> is issued at 60s "
        page += "through a surviving manager. The write needs a Raft majority: N managers survive (N-1)/2 losses and not one more. "
        page += "Seed \(seed); every run is the real Raft code on simulated hosts.</p>\n"
        page += table(rows)
        page += "<p class=\"legend\"><span class=\"key leader\"></span> leader <span class=\"key down\"></span> down "
        page += "<span class=\"key crash\"></span> crash at 20s <span class=\"key ok\"></span> write that succeeded "
        page += "<span class=\"key fail\"></span> write that never did</p>\n"
        for row in rows { page += figure(row) }
        return page + "</body>\n</html>\n"
    }

    private static func table(_ rows: [Row]) -> String {
        var out = "<table>\n<caption>Docker's table, measured</caption>\n<thead><tr><th scope=\"col\">Managers</th><th scope=\"col\">Majority</th>"
        out += "<th scope=\"col\">Fault tolerance (measured)</th><th scope=\"col\">Fault tolerance (formula)</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let agrees = row.measured == row.formula ? "" : " class=\"disagree\""
            out += "<tr\(agrees)><td>\(row.managers)</td><td>\(row.majority)</td><td>\(row.measured)</td><td>\(row.formula)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private static func figure(_ row: Row) -> String {
        var out = "<section class=\"managers\" id=\"n\(row.managers)\">\n<h2>\(row.managers) manager\(row.managers == 1 ? "" : "s"): "
        out += "majority \(row.majority), tolerates \(row.measured)</h2>\n<div class=\"runs\">\n"
        for run in row.runs { out += miniTimeline(run, managers: row.managers) }
        return out + "</div>\n</section>\n"
    }

    /// One run: a lane per manager, the crash and the write across them, and a caption.
    private static func miniTimeline(_ run: QuorumRun, managers: Int) -> String {
        let chronicle = run.chronicle
        let scale = TimeScale(end: chronicle.end)
        let height = (managers + 1) * laneHeight
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escaped(caption(run)))\">"
        for (index, node) in chronicle.nodes.enumerated() {
            let y = index * laneHeight
            svg += "<text x=\"0\" y=\"\(y + laneHeight - 3)\" class=\"name\">\(HTMLText.escaped(node.name))</text>"
            svg += "<svg x=\"8%\" y=\"\(y)\" width=\"92%\" height=\"\(laneHeight)\" overflow=\"visible\"><g>"
            svg += "<rect class=\"up\" x=\"0\" y=\"5\" width=\"100%\" height=\"4\"/>"
            for fault in chronicle.faults where fault.nodes.contains(index) {
                let end = fault.end ?? chronicle.end
                svg += "<rect class=\"down\" x=\"\(scale.x(fault.start))\" y=\"2\" width=\"\(scale.width(from: fault.start, to: end))\" height=\"10\">"
                svg += HTMLText.title("\(node.name) down from \(fault.start) (\(fault.text))") + "</rect>"
            }
            for span in chronicle.spans(ofNode: index) where span.track == .raft {
                svg += "<rect class=\"leader\" x=\"\(scale.x(span.start))\" y=\"2\" width=\"\(scale.width(from: span.start, to: span.end))\" height=\"10\">"
                svg += HTMLText.title("\(node.name) leads from \(span.start) to \(span.end) (\(span.label))") + "</rect>"
            }
            svg += "</g></svg>"
        }
        let axis = managers * laneHeight
        svg += "<svg x=\"8%\" y=\"0\" width=\"92%\" height=\"\(height)\" overflow=\"visible\">"
        if run.crashed > 0 {
            svg += "<line class=\"crash\" x1=\"\(scale.x(crashAt))\" x2=\"\(scale.x(crashAt))\" y1=\"0\" y2=\"\(axis)\">"
            svg += HTMLText.title("20s: \(run.crashed) manager\(run.crashed == 1 ? "" : "s") crashed") + "</line>"
        }
        let verdict = run.survived ? "write" : "write failed"
        svg += "<line class=\"\(run.survived ? "ok" : "fail")\" x1=\"\(scale.x(writeAt))\" x2=\"\(scale.x(writeAt))\" y1=\"0\" y2=\"\(axis)\">"
        svg += HTMLText.title("60s: docker service create (\(run.survived ? "succeeded" : "never succeeded"))") + "</line>"
        svg += "<text class=\"tick\" x=\"\(scale.x(writeAt))\" y=\"\(axis + laneHeight - 3)\">60s \(verdict)</text>"
        svg += "<text class=\"tick\" x=\"0\" y=\"\(axis + laneHeight - 3)\">0s</text></svg></svg>"
        return "<figure>" + svg + "<figcaption>" + HTMLText.escaped(caption(run)) + "</figcaption></figure>\n"
    }

    /// The run in words: what was lost, who led after it and when, and whether the write went in.
    static func caption(_ run: QuorumRun) -> String {
        let chronicle = run.chronicle
        let count = chronicle.nodes.count
        var text = "\(count) manager\(count == 1 ? "" : "s"), \(run.crashed) crashed: "
        let after = chronicle.spans.filter { $0.track == .raft && $0.start > crashAt }.min { $0.start < $1.start }
        if run.crashed == 0 {
            text += "nothing lost"
        } else if let after {
            text += "\(chronicle.nodes[after.node].name) leads again from \(after.start)"
        } else {
            text += "no leader again"
        }
        return text + (run.survived ? "; the write succeeded." : "; the write never succeeded.")
    }

    static let style = """
    body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1b1f24; max-width: 70em; }
    table { border-collapse: collapse; margin: 1em 0; }
    th, td { border: 1px solid #c8ccd1; padding: 0.25em 0.8em; text-align: right; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
    tr.disagree td { background: #fde2e1; }
    .runs { display: flex; flex-wrap: wrap; gap: 1.5em; }
    figure { margin: 0; flex: 1 1 26em; }
    figcaption { font-size: 12px; color: #444; }
    svg text { font-size: 10px; fill: #333; }
    rect.up { fill: #d6e9d8; }
    rect.down { fill: #9ea3a8; }
    rect.leader { fill: #1f4e8c; }
    line.crash { stroke: #b3261e; stroke-width: 1.5; stroke-dasharray: 3 2; }
    line.ok { stroke: #1e7b34; stroke-width: 2; }
    line.fail { stroke: #b3261e; stroke-width: 2; }
    .key { display: inline-block; width: 1.2em; height: 0.7em; margin-left: 0.8em; vertical-align: middle; }
    .key.leader { background: #1f4e8c; } .key.down { background: #9ea3a8; }
    .key.crash { border-left: 2px dashed #b3261e; width: 0; } .key.ok { border-left: 2px solid #1e7b34; width: 0; }
    .key.fail { border-left: 2px solid #b3261e; width: 0; }
    @media print { body { margin: 0; } .runs { display: block; } figure { break-inside: avoid; } }
    """
}
