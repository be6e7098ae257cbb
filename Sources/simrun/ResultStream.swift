import Foundation
import Scenarios

/// Prints the lines of `check` and `run --seeds` while the runs go on: a run's lines as soon
/// as it and every run before it have finished, so that a pipe sees results as they come and
/// the bytes are those of the run order, whatever order the workers finish in.
final class ResultStream: @unchecked Sendable {
    private let lock = NSLock()
    private let runs: [RunTally.Run]
    private let quiet: Bool
    private let details: Bool
    private let colors: Bool
    private let jsonLines: Bool
    private let progress: ProgressLine
    private var waiting: [Int: RunOutcome] = [:]
    private var next = 0
    private var tallied = RunTally()

    /// With `jsonLines`, each run is one JSON object (`RunJSONLines`) instead of text lines.
    init(runs: [RunTally.Run], quiet: Bool, details: Bool, colors: Bool, jsonLines: Bool = false, progress: ProgressLine) {
        self.runs = runs
        self.quiet = quiet
        self.details = details
        self.colors = colors && !jsonLines
        self.jsonLines = jsonLines
        self.progress = progress
    }

    /// The counts of the runs printed so far.
    var tally: RunTally {
        lock.lock()
        defer { lock.unlock() }
        return tallied
    }

    /// The JSON line of a run (without its newline).
    private static func jsonLine(_ outcome: RunOutcome, of run: RunTally.Run) -> String {
        let replay = RunResult.replayCommand(file: run.file, seed: run.seed, until: run.until)
        let line: String
        switch outcome {
        case let .finished(result, _):
            line = RunJSONLines.line(for: result)
        case let .crashed(failure), let .timedOut(failure):
            let verdict = if case .crashed = outcome { "CRASH" } else { "TIMEOUT" }
            line = RunJSONLines.line(verdict: verdict, file: run.file, title: run.title, seed: run.seed, reason: failure.reason,
                                     errorLines: failure.errorLines, replay: replay)
        }
        return String(line.dropLast())
    }

    /// The last line: `N passed, M failed...`, as text or as a JSON object.
    func summaryLine(invalid: Int = 0) -> String {
        let tally = self.tally
        let text = tally.summary(invalid: invalid)
        if jsonLines {
            return String(RunJSONLines.total(text: text, passed: tally.passed, failed: tally.failed, crashed: tally.crashed,
                                             timedOut: tally.timedOut, invalid: invalid).dropLast())
        }
        return ResultColors.paintSummary(text, allPassed: tally.allPassed && invalid == 0, enabled: colors)
    }

    /// Erases the progress line once every run is in.
    func finish() {
        progress.clear()
    }

    /// Takes the outcome of run `index` (from any thread) and prints every run now due.
    func receive(_ index: Int, _ outcome: RunOutcome) {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = outcome
        progress.tick(passed: outcome.result?.passed ?? false)
        var lines: [String] = []
        while let due = waiting.removeValue(forKey: next) {
            let text = tallied.add(due, of: runs[next], quiet: quiet, details: details)
            if !jsonLines {
                lines += text
            } else if !text.isEmpty {
                lines.append(Self.jsonLine(due, of: runs[next]))
            }
            next += 1
        }
        guard !lines.isEmpty else { return }
        progress.printing {
            Console.out(lines.map { ResultColors.paint($0, enabled: colors) }.joined(separator: "\n"))
        }
    }
}

/// The colours of result lines on a terminal: the verdict word green or red.
enum ResultColors {
    static func paint(_ line: String, enabled: Bool) -> String {
        guard enabled else { return line }
        for (word, code) in [("PASS ", "32"), ("FAIL ", "31"), ("CRASH ", "31"), ("TIMEOUT ", "31")] where line.hasPrefix(word) {
            return "\u{1B}[1;\(code)m" + word.dropLast() + "\u{1B}[0m " + line.dropFirst(word.count)
        }
        return line
    }

    /// The last line, `N passed, M failed`: green when nothing failed, red otherwise.
    static func paintSummary(_ line: String, allPassed: Bool, enabled: Bool) -> String {
        enabled ? "\u{1B}[1;\(allPassed ? "32" : "31")m" + line + "\u{1B}[0m" : line
    }
}
