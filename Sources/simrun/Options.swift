import Foundation
import Scenarios
import SimEngine

/// The options `run` and `check` share.
struct Options {
    var seed: UInt64?
    var seeds: SeedRange?
    /// `--shard I/N` (check only): the slice of `seeds` to run.
    var shard = SeedShard.whole
    var until: SimDuration?
    var jsonLines = false
    /// `--format perfetto|html`: a picture of one run instead of a timeline.
    var picture: PictureReporter.Kind?
    var outputPath: String?
    var quiet = false
    var timing = false
    /// `--trace raft[=all]`: Raft's messages and vote decisions in the timeline (one run).
    var raftTrace = RaftTraceLevel.off
    var color = false
    /// `--no-color`: no colours on any stream.
    var noColor = false
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
        if let text = reader.value("--shard") {
            guard seeds != nil else { throw UsageError("'--shard' slices the seeds of '--seeds A..B': give both", command: command) }
            shard = try SeedShard.parse(text, command: command)
        }
        if let text = reader.value("--until") {
            do {
                until = try DurationFormat.parse(text)
            } catch {
                throw UsageError("'--until' needs a duration such as 30s or 2m: \(error.message)", command: command)
            }
        }
        if let format = reader.value("--format") {
            try readFormat(format, command: command)
        }
        outputPath = reader.value("--output")
        quiet = reader.flag("--quiet")
        noColor = reader.flag("--no-color")
        timing = reader.flag("--timing")
        if let text = reader.value("--trace") {
            guard let level = RaftTraceLevel(rawValue: text), level != .off else {
                throw UsageError("'--trace' takes 'raft' (Raft's messages and votes, heartbeats folded) or 'raft=all', got '\(text)'",
                                 command: command)
            }
            guard seeds == nil else { throw UsageError("'--trace \(text)' traces one run: give '--seed N', not '--seeds'", command: command) }
            raftTrace = level
        }
        if picture != nil, seeds != nil {
            throw UsageError("'--format \(picture!.rawValue)' draws one run: give '--seed N', not '--seeds'", command: command)
        }
        color = outputPath == nil && !jsonLines && picture == nil && TerminalSupport().colors(on: STDOUT_FILENO, noColorFlag: reader.flag("--no-color"))
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

    /// The runs of `scenario` for `check` and `run --seeds`: one per seed of `--seeds` (of its
    /// `--shard`), else one with `--seed` or the file's own seed.
    func runs(of scenario: Scenario) -> [RunTally.Run] {
        let seeds = self.seeds.map { shard.seeds(of: $0) } ?? [seed ?? scenario.seed]
        let shortened = until.flatMap { $0 < scenario.duration ? $0 : nil }
        return seeds.map { RunTally.Run(file: scenario.file, title: scenario.title, seed: $0, until: shortened) }
    }

    /// Warns, on standard error, when `--until` is at or past the end of `scenario`: it does
    /// nothing there, which the user likely did not mean.
    func warnAboutUntil(in scenario: Scenario) {
        guard let until, until >= scenario.duration else { return }
        Console.error("warning: --until \(DurationFormat.format(until)) is not before the end of \(scenario.file) "
                      + "(duration \(DurationFormat.format(scenario.duration))): it changes nothing")
    }

    /// Does `runs` in `--jobs` worker processes, each run limited by `--run-timeout`, and
    /// returns their outcomes in order; `finished` is called after each run, with its index.
    func outcomes(of runs: [RunTally.Run], finished: @escaping @Sendable (Int, RunOutcome) -> Void = { _, _ in }) -> [RunOutcome] {
        let requests = runs.map { WorkerProtocol.Request(file: $0.file, seed: $0.seed, until: until, statistics: false) }
        return WorkerPool(workers: jobs, runTimeout: runTimeout).run(requests, finished: finished)
    }

    /// `--format F`: text and jsonl everywhere; perfetto and html (one run's picture) for `run`.
    private mutating func readFormat(_ format: String, command: String) throws(UsageError) {
        let formats = command == "run" ? ["text", "jsonl"] + PictureReporter.Kind.allCases.map(\.rawValue) : ["text", "jsonl"]
        switch format {
        case "text": jsonLines = false
        case "jsonl": jsonLines = true
        case _ where command == "run" && PictureReporter.Kind(rawValue: format) != nil:
            picture = PictureReporter.Kind(rawValue: format)
        default:
            var message = "unknown format '\(format)': use " + formats.dropLast().joined(separator: ", ") + " or " + formats.last!
            if PictureReporter.Kind(rawValue: format) != nil { message += " (\(format) draws one run: simrun FILE --format \(format))" }
            if let guess = Suggestions.nearest(to: format, among: formats) { message += ". Did you mean '\(guess)'?" }
            throw UsageError(message, command: command)
        }
    }

    func reporter(for scenario: Scenario, output: TimelineOutput) -> RunReporter {
        if let picture { return PictureReporter(kind: picture, scenario: scenario, output: output) }
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
