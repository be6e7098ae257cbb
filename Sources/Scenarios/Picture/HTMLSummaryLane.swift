import SimEngine

/// Draws the lane of a role's folded nodes: how many were Ready and how many tasks ran on
/// them, sampled at `samples` instants across the run (equal neighbours drawn as one bar),
/// each bar with a `<title>` giving the counts.
struct HTMLSummaryLane {
    let chronicle: RunChronicle
    let layout: HTMLLayout
    let scale: TimeScale
    static let samples = 240

    func svg(lane: Int, role: String, nodes: [Int]) -> String {
        var folded = Array(repeating: false, count: chronicle.nodes.count)
        for node in nodes { folded[node] = true }
        var ready: [(SimInstant, Int)] = []
        var running: [(SimInstant, Int)] = []
        for span in chronicle.spans where folded[span.node] {
            if span.track == .status, span.tone == "ready" {
                ready += [(span.start, 1), (span.end, -1)]
            }
            if case .tasks = span.track {
                for part in span.parts where part.tone == "running" { running += [(part.start, 1), (part.end, -1)] }
            }
        }
        let readyCounts = sampled(ready)
        let runningCounts = sampled(running)
        let top = layout.lanes[lane].top
        var out = layout.start(lane: lane, attributes: "class=\"lane summary\" data-fold=\"\(role)\"")
        out += bars(readyCounts, of: nodes.count, y: top, cssClass: "st-ready") { "\($0) of \(nodes.count) \(role)s ready" }
        let most = max(1, runningCounts.max() ?? 1)
        out += bars(runningCounts, of: most, y: top + HTMLLayout.rowHeight, cssClass: "s-running") { "\($0) tasks running on \(role)s" }
        return out + "</g>\n"
    }

    /// The count in force at the end of each sample interval.
    private func sampled(_ changes: [(SimInstant, Int)]) -> [Int] {
        let sorted = changes.sorted { ($0.0.nanoseconds, $0.1) < ($1.0.nanoseconds, $1.1) }
        var counts: [Int] = []
        var index = 0
        var count = 0
        for sample in 1...Self.samples {
            let time = instant(sample)
            while index < sorted.count, sorted[index].0 <= time {
                count += sorted[index].1
                index += 1
            }
            counts.append(count)
        }
        return counts
    }

    private func instant(_ sample: Int) -> SimInstant {
        SimInstant(nanoseconds: chronicle.end.nanoseconds / Int64(Self.samples) * Int64(sample))
    }

    /// One bar per run of equal counts, as tall as the count's share of `total`.
    private func bars(_ counts: [Int], of total: Int, y: Int, cssClass: String, describe: (Int) -> String) -> String {
        var out = ""
        var first = 0
        while first < counts.count {
            var last = first
            while last + 1 < counts.count, counts[last + 1] == counts[first] { last += 1 }
            let start = instant(first), end = instant(last + 1)
            let height = max(1, (HTMLLayout.rowHeight - 2) * counts[first] / max(1, total))
            out += "<rect class=\"\(cssClass)\" x=\"\(scale.x(start))\" y=\"\(y + HTMLLayout.rowHeight - 1 - height)\" width=\"\(scale.width(from: start, to: end))\" height=\"\(height)\">"
            out += HTMLText.title("\(start) to \(end): \(describe(counts[first]))") + "</rect>"
            first = last + 1
        }
        return out
    }
}
