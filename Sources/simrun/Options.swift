import Foundation
import Scenarios
import SimEngine

/// The options `run` and `check` share.
struct Options {
    var seed: UInt64?
    var seeds: SeedRange?
    var until: SimDuration?
    var jsonLines = false
    var outputPath: String?
    var quiet = false
    var timing = false
    var color = false
    var jobs = ParallelRunner.coreCount
    /// `--run-timeout`: a run done in a worker process (`check`, `run --seeds`) that gives no
    /// result within this wall-clock time is recorded as timed out; nil for no limit.
    var runTimeout: SimDuration? = .minutes(10)

    init(_ reader: ArgumentReader, command: String) throws(UsageError) {
        if let text = reader.value("--seed") {
            guard let seed = UInt64(text) else { throw UsageError("'--seed' needs a whole number, got '\(text)'", command: command) }
            self.seed = seed
        }
        if let text = reader.value("--seeds") {
            seeds = try SeedRange.parse(text, option: "--seeds", command: command)
            if seed != nil { throw UsageError("give either '--seed' or '--seeds', not both", command: command) }
        }
        if let text = reader.value("--until") {
            do {
                until = try DurationFormat.parse(text)
            } catch {
                throw UsageError("'--until' needs a duration such as 30s or 2m: \(error.message)", command: command)
            }
        }
        if let format = reader.value("--format") {
            switch format {
            case "text": jsonLines = false
            case "jsonl": jsonLines = true
            default:
                var message = "unknown format '\(format)': use text or jsonl"
                if let guess = Suggestions.nearest(to: format, among: ["text", "jsonl"]) { message += ". Did you mean '\(guess)'?" }
                throw UsageError(message, command: command)
            }
        }
        outputPath = reader.value("--output")
        quiet = reader.flag("--quiet")
        timing = reader.flag("--timing")
        color = outputPath == nil && !jsonLines && !reader.flag("--no-color") && isatty(STDOUT_FILENO) == 1
        jobs = try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount)
        if let text = reader.value("--run-timeout") {
            let limit: SimDuration
            do {
                limit = try DurationFormat.parse(text)
            } catch {
                throw UsageError("'--run-timeout' needs a duration such as 30s or 10m, or 0 for no limit: \(error.message)", command: command)
            }
            guard limit >= .zero else { throw UsageError("'--run-timeout' cannot be negative, got '\(text)'", command: command) }
            runTimeout = limit == .zero ? nil : limit
        }
    }

    /// The seeds to run `scenario` with: `--seeds`, else `--seed`, else the file's own.
    func seeds(of scenario: Scenario) -> ClosedRange<UInt64> {
        if let seeds { return seeds.lower...seeds.upper }
        let single = seed ?? scenario.seed
        return single...single
    }

    /// The worker processes that do the runs of `check` and `run --seeds`.
    var workerPool: WorkerPool { WorkerPool(workers: jobs, runTimeout: runTimeout) }

    /// What a worker is asked to do for `run`.
    func request(for run: RunTally.Run) -> WorkerProtocol.Request {
        WorkerProtocol.Request(file: run.file, seed: run.seed, until: until, statistics: false)
    }

    func reporter(for scenario: Scenario, output: TimelineOutput) -> RunReporter {
        if jsonLines { return JSONLinesReporter(output: output) }
        return TextTimelineReporter(output: output, nodeNames: scenario.nodeNames, duration: until.map { min($0, scenario.duration) } ?? scenario.duration,
                                    quiet: quiet, color: color)
    }

    /// `--timing`: wall time and events per second, on standard error only.
    func printTiming(clock: WallClock, events: Int) {
        let wall = clock.elapsedSeconds
        Console.error(String(format: "timing: wall %.3fs, %d events, %.0f events/s", wall, events, Double(events) / max(wall, 1e-9)))
    }
}
