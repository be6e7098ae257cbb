import SimEngine

/// The human timeline: one aligned line per event, `TIME  NODE  COMPONENT  MESSAGE`.
///
///       0.000s  m1  raft          term 1: starting an election
///      41.203s  m2  cli           docker node ls
///                                   ID                          HOSTNAME  STATUS  ...
///
/// Widths are fixed up front (time from the run's duration, NODE from the node names,
/// COMPONENT 12 by default), so lines stream out aligned without buffering the run. A
/// longer value than its column pushes that one line out of alignment rather than being cut.
/// Multi-line texts, and the `output` or `error` of a `command` event, are printed under
/// their line, indented past the MESSAGE column.
///
/// `finish(_:)` then writes the expectation results, the failures and the summary
/// (`TextReport`).
public final class TextTimelineReporter: RunReporter {
    /// Nothing of the timeline, no expectation that held: only failures and the summary.
    public let quiet: Bool
    /// ANSI colours (dim times; green leaders and ready nodes; red stepdowns, down nodes and
    /// failures; yellow faults). Only when asked for.
    public let color: Bool
    /// Events for which this returns false are not printed.
    public var filter: ((TraceEvent) -> Bool)?

    public let timeWidth: Int
    public let nodeWidth: Int
    public let componentWidth: Int

    private let output: TimelineOutput
    private let style: ANSIStyle
    private let continuationIndent: String
    private var wroteSomething = false

    /// - Parameters:
    ///   - output: where the text goes.
    ///   - nodeNames: every node of the run; NODE is as wide as the longest (at least 1, for `-`).
    ///   - duration: the run's simulated duration; TIME is as wide as it prints (`120.000s`).
    ///   - componentWidth: the COMPONENT column's width (`orchestrator` is 12).
    public init(output: TimelineOutput, nodeNames: [String], duration: SimDuration, quiet: Bool = false,
                color: Bool = false, componentWidth: Int = 12, filter: ((TraceEvent) -> Bool)? = nil) {
        self.output = output
        self.quiet = quiet
        self.color = color
        self.filter = filter
        self.style = ANSIStyle(enabled: color)
        self.timeWidth = max(SimInstant(nanoseconds: max(0, duration.nanoseconds)).description.utf8.count, "0.000s".utf8.count)
        self.nodeWidth = max(nodeNames.map(\.count).max() ?? 0, 1)
        self.componentWidth = max(componentWidth, 1)
        self.continuationIndent = String(repeating: " ", count: timeWidth + 2 + nodeWidth + 2 + self.componentWidth + 2 + 2)
    }

    // MARK: - Timeline

    /// Writes the event's line (and its continuation lines), unless quiet or filtered out.
    public func record(_ event: TraceEvent) {
        guard !quiet else { return }
        if let filter, !filter(event) { return }
        output.write(line(for: event))
        wroteSomething = true
    }

    /// The text printed for an event, newline included.
    public func line(for event: TraceEvent) -> String {
        let (first, rest) = Self.splitFirstLine(event.text)
        var extra = rest
        if extra.isEmpty, event.kind == "command" {
            for name in ["output", "error"] {
                if let value = event.stringField(name)?.trimmingTrailingNewlines(), !value.isEmpty, !first.contains(value) {
                    extra = value.reportLines().map(String.init)
                    break
                }
            }
        }

        var text = ""
        text.reserveCapacity(timeWidth + nodeWidth + componentWidth + first.utf8.count + 16)
        text += style.paint(TextReport.padLeft(event.time.description, timeWidth), .dim)
        text += "  "
        text += event.node
        text += TextReport.spaces(nodeWidth - event.node.count)
        text += "  "
        text += event.component
        if first.isEmpty {
            while text.last == " " { text.removeLast() }
            text += "\n"
        } else {
            text += TextReport.spaces(componentWidth - event.component.count)
            text += "  "
            text += style.paint(first, ANSIStyle.tone(of: event))
            text += "\n"
        }
        for line in extra {
            text += line.isEmpty ? "\n" : continuationIndent + line + "\n"
        }
        return text
    }

    /// A header before the timeline: the title, the file and seed, the description.
    /// Nothing in quiet mode.
    public func writeHeader(title: String, file: String, seed: UInt64, description: String? = nil) {
        guard !quiet else { return }
        var text = style.paint(title, .bold) + " (\(file), seed \(seed))\n"
        if let description = description?.trimmingTrailingNewlines(), !description.isEmpty {
            text += TextReport.indented(description, by: 2)
        }
        output.write(text + "\n")
    }

    // MARK: - After the run

    /// The expectation results block (in quiet mode, only those that failed).
    public func writeExpectations(_ results: [ExpectationResult], file: String) {
        writeBlock(TextReport.expectationsBlock(results, file: file, onlyFailed: quiet, color: color))
    }

    /// The failures block (commands whose `expect:` did not match, invariant violations).
    public func writeFailures(_ failures: [RunFailure]) {
        writeBlock(TextReport.failuresBlock(failures, color: color))
    }

    /// The summary block, with the replay line for a failing run.
    public func writeSummary(_ result: RunResult) {
        writeBlock(TextReport.summaryBlock(result, color: color))
    }

    /// Expectations, failures and summary, then a flush.
    public func finish(_ result: RunResult) {
        writeExpectations(result.expectations, file: result.summary.file)
        writeFailures(result.failures)
        writeSummary(result)
        output.flush()
    }

    /// Writes a block, separated from what came before by a blank line.
    private func writeBlock(_ block: String) {
        guard !block.isEmpty else { return }
        output.write(wroteSomething ? "\n" + block : block)
        wroteSomething = true
    }

    /// The first line of `text`, and the others (a trailing newline adds none).
    static func splitFirstLine(_ text: String) -> (String, [String]) {
        guard text.utf8.contains(0x0A) else { return (text, []) }
        let lines = text.trimmingTrailingNewlines().reportLines()
        guard let first = lines.first else { return ("", []) }
        return (String(first), lines.dropFirst().map(String.init))
    }
}
