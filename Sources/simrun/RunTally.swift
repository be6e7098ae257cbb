import Scenarios
import SimEngine

/// What `check` and `run --seeds` print about each of their runs, and the counts behind their
/// last line: `N passed, M failed`, then `, K crashed` and `, T timed out` when there are any
/// (CI tools read the first form, which stays as it was when every run gave a result).
struct RunTally {
    private(set) var passed = 0
    private(set) var failed = 0
    private(set) var crashed = 0
    private(set) var timedOut = 0
    /// The simulated events of the runs that finished (for `--timing`).
    private(set) var events = 0

    /// What a run needs besides its outcome to be reported: its file, title and seed.
    struct Run {
        var file: String
        var title: String
        var seed: UInt64
        /// `--until` when it ends the run before the file's duration.
        var until: SimDuration? = nil
    }

    /// Counts `outcome` and returns the lines to print for it: one for a passing run (none
    /// when `quiet`); for any other, its line, what went wrong (with `details`, each failed
    /// expectation and failure; for a run without result, the worker's standard error) and
    /// the replay command.
    mutating func add(_ outcome: RunOutcome, of run: Run, quiet: Bool, details: Bool) -> [String] {
        let replay = "  replay: " + RunResult.replayCommand(file: run.file, seed: run.seed, until: run.until)
        switch outcome {
        case let .finished(result, _):
            events += result.summary.events
            if result.passed {
                passed += 1
                return quiet ? [] : [TextReport.oneLine(result)]
            }
            failed += 1
            var lines = [TextReport.oneLine(result)]
            if details {
                lines += result.expectations.filter { !$0.passed }.map { "  " + TextReport.line(for: $0, in: result.summary.file) }
                lines += result.failures.map { "  " + TextReport.line(for: $0) }
            }
            return lines + [replay]
        case let .crashed(failure):
            crashed += 1
            return Self.lines("CRASH", run, failure) + [replay]
        case let .timedOut(failure):
            timedOut += 1
            return Self.lines("TIMEOUT", run, failure) + [replay]
        }
    }

    /// `CRASH scenarios/x.scn (seed 700): TITLE - signal 6 (SIGABRT)`, then the worker's
    /// standard error.
    private static func lines(_ verdict: String, _ run: Run, _ failure: WorkerFailure) -> [String] {
        ["\(verdict) \(run.file) (seed \(run.seed)): \(run.title) - \(failure.reason)"] + failure.errorLines.map { "  stderr: " + $0 }
    }

    /// True if every run gave a result and passed.
    var allPassed: Bool { failed + crashed + timedOut == 0 }

    /// `N passed, M failed[, K crashed][, T timed out][, I invalid]`.
    func summary(invalid: Int = 0) -> String {
        var text = "\(passed) passed, \(failed) failed"
        if crashed > 0 { text += ", \(crashed) crashed" }
        if timedOut > 0 { text += ", \(timedOut) timed out" }
        if invalid > 0 { text += ", \(invalid) invalid" }
        return text
    }
}
