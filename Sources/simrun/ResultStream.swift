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
    private let progress: ProgressLine
    private var waiting: [Int: RunOutcome] = [:]
    private var next = 0
    private var tallied = RunTally()

    init(runs: [RunTally.Run], quiet: Bool, details: Bool, colors: Bool, progress: ProgressLine) {
        self.runs = runs
        self.quiet = quiet
        self.details = details
        self.colors = colors
        self.progress = progress
    }

    /// The counts of the runs printed so far.
    var tally: RunTally {
        lock.lock()
        defer { lock.unlock() }
        return tallied
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
            lines += tallied.add(due, of: runs[next], quiet: quiet, details: details)
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
