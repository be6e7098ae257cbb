import SimEngine

/// The blocks printed after the timeline: expectation results, failures, summary.
///
/// Pure functions of a `RunResult`, deterministic to the byte (no wall clock, no dictionary
/// order). `TextTimelineReporter` writes them; `JUnitReport` reuses the one-line forms.
public enum TextReport {
    // MARK: - One-line forms

    /// `PASS` or `FAIL`.
    public static func verdict(_ passed: Bool) -> String { passed ? "PASS" : "FAIL" }

    /// Where an expectation is written: `scenarios/failover.scn:31`.
    public static func place(of result: ExpectationResult, in file: String) -> String {
        "\(file):\(result.location.line)"
    }

    /// What decided an expectation: `at 41.203s: leader was m3`.
    public static func decision(of result: ExpectationResult) -> String {
        let detail = result.detail.trimmingTrailingNewlines()
        return "at \(result.decidedAt)" + (detail.isEmpty ? "" : ": " + detail)
    }

    /// `FAIL scenarios/x.scn:32 at end: service web is 8/8 (at 60.000s: REPLICAS was 6/8)`.
    public static func line(for result: ExpectationResult, in file: String) -> String {
        "\(verdict(result.passed)) \(place(of: result, in: file)) \(result.text) (\(decision(of: result)))"
    }

    /// `FAIL 45.000s command: docker service scale web=8: expected ok, got error`.
    public static func line(for failure: RunFailure) -> String {
        "FAIL \(failure.time) \(failure.kind.rawValue): \(failure.text.trimmingTrailingNewlines())"
    }

    /// `PASS scenarios/failover.scn (seed 7): leader failover`: one run in a seed sweep.
    public static func oneLine(_ result: RunResult) -> String {
        let s = result.summary
        var text = "\(verdict(result.passed)) \(s.file) (seed \(s.seed)): \(s.title)"
        if !result.passed { text += " - " + countsPhrase(result) }
        return text
    }

    /// A duration as the timeline prints times, seconds with millisecond digits: `90.500s`.
    public static func shortDuration(_ duration: SimDuration) -> String {
        DurationFormat.secondsWithMillis(duration) + "s"
    }

    /// `1 of 2 expectations held, 1 failure`.
    static func countsPhrase(_ result: RunResult) -> String {
        let held = result.expectations.filter(\.passed).count
        let total = result.expectations.count
        var text = "\(held) of \(total) " + (total == 1 ? "expectation" : "expectations") + " held"
        let failures = result.failures.count
        if failures > 0 { text += ", \(failures) " + (failures == 1 ? "failure" : "failures") }
        return text
    }

    // MARK: - Blocks

    /// The expectation results, or "" when there is nothing to show.
    ///
    ///     expectations: 1 of 2 held
    ///       PASS  scenarios/failover.scn:31  by 50s: leader is one of m2, m3
    ///             at 41.203s: leader was m3
    ///
    /// With `onlyFailed` (quiet mode) the ones that held are left out, and nothing is
    /// printed when all held.
    public static func expectationsBlock(_ results: [ExpectationResult], file: String, onlyFailed: Bool = false,
                                         color: Bool = false) -> String {
        let style = ANSIStyle(enabled: color)
        let shown = onlyFailed ? results.filter { !$0.passed } : results
        guard !shown.isEmpty else { return "" }
        let held = results.filter(\.passed).count
        var text = "expectations: \(held) of \(results.count) held\n"
        for result in shown {
            let verdictText = style.paint(verdict(result.passed), result.passed ? .green : .red)
            text += "  \(verdictText)  \(place(of: result, in: file))  \(result.text)\n"
            text += indented(decision(of: result), by: 8)
        }
        return text
    }

    /// The failures that are not expectations, or "" when there are none.
    ///
    ///     failures: 2
    ///       FAIL  45.000s  command: docker service scale web=8: expected ok, got error
    public static func failuresBlock(_ failures: [RunFailure], color: Bool = false) -> String {
        guard !failures.isEmpty else { return "" }
        let style = ANSIStyle(enabled: color)
        let timeWidth = failures.map { $0.time.description.utf8.count }.max() ?? 0
        var text = "failures: \(failures.count)\n"
        for failure in failures {
            let head = "  \(style.paint("FAIL", .red))  \(padLeft(failure.time.description, timeWidth))  \(failure.kind.rawValue): "
            let lines = failure.text.trimmingTrailingNewlines().reportLines()
            text += head + (lines.first.map(String.init) ?? "") + "\n"
            let indent = String(repeating: " ", count: 2 + 4 + 2 + timeWidth + 2 + 2)
            for line in lines.dropFirst() { text += indent + line + "\n" }
        }
        return text
    }

    /// The summary, and for a failing run the replay line.
    ///
    ///     summary: leader failover (scenarios/failover.scn, seed 7), 120.000s simulated
    ///       result             PASS: 2 of 2 expectations held
    ///       leader changes     2, 4.512s without a leader
    ///       quorum             never lost
    ///       final leader       m3
    ///       service web        6/6
    ///       tasks rescheduled  3
    ///       messages           12345 sent, 12 dropped
    ///       events simulated   98765
    ///     replay: simrun scenarios/failover.scn --seed 7
    public static func summaryBlock(_ result: RunResult, color: Bool = false) -> String {
        let style = ANSIStyle(enabled: color)
        let s = result.summary
        var rows: [(String, String)] = []
        rows.append(("result", style.paint(verdict(result.passed), result.passed ? .green : .red) + ": " + countsPhrase(result)))
        if let statistics = s.statistics {
            var leaderRow = "\(statistics.leaderChanges)"
            leaderRow += statistics.timeWithoutLeader == .zero
                ? ", never without a leader" : ", \(shortDuration(statistics.timeWithoutLeader)) without a leader"
            rows.append(("leader changes", leaderRow))
            rows.append(("quorum", statistics.timeWithoutQuorum == .zero ? "never lost" : "lost for \(shortDuration(statistics.timeWithoutQuorum))"))
        }
        rows.append(("final leader", s.finalLeader ?? "none"))
        for row in s.rows { rows.append((row.label, row.value)) }
        for finding in s.findings { rows.append(("finding", finding)) }
        for service in s.services {
            var text = service.replicas
            if service.onDownNodes > 0 {
                text += " (\(service.onDownNodes) counted on nodes that are down: Docker counts them until their node returns, moby/moby#45922)"
            }
            rows.append(("service \(service.name)", text))
        }
        if let statistics = s.statistics { rows.append(("tasks rescheduled", "\(statistics.tasksRescheduled)")) }
        rows.append(("messages", "\(s.messagesSent) sent, \(s.messagesDropped) dropped"))
        rows.append(("events simulated", "\(s.events)"))

        let labelWidth = rows.map { $0.0.count }.max() ?? 0
        var text = "summary: \(s.title) (\(s.file), seed \(s.seed)), \(shortDuration(s.duration)) simulated\n"
        for (label, value) in rows {
            text += "  " + padRight(label, labelWidth) + "  " + value + "\n"
        }
        if !result.passed {
            text += "replay: \(result.replayCommand)\n"
        }
        return text
    }

    // MARK: - Helpers

    /// Each line of `text` on its own line, after `count` spaces.
    static func indented(_ text: String, by count: Int) -> String {
        let indent = String(repeating: " ", count: count)
        var out = ""
        for line in text.reportLines() {
            out += indent + line + "\n"
        }
        return out
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : spaces(width - count) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + spaces(width - count)
    }

    /// Runs of spaces, made once: padding is on the hot path of a long timeline.
    private static let spaceRuns: [String] = (0 ... 64).map { String(repeating: " ", count: $0) }

    static func spaces(_ count: Int) -> String {
        if count <= 0 { return "" }
        return count < spaceRuns.count ? spaceRuns[count] : String(repeating: " ", count: count)
    }
}

extension String {
    /// The string without trailing `\n` and `\r`.
    func trimmingTrailingNewlines() -> String {
        String(trimming(leading: false, where: \.isLineBreak))
    }

    /// The lines of the string, split at `\n` and `\r\n` (one grapheme in Swift).
    func reportLines() -> [Substring] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}
