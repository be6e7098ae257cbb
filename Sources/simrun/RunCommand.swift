import Foundation
import Scenarios
import SimEngine

/// `simrun [run] FILE.scn [options]`: runs one scenario and prints its timeline.
enum RunCommand {
    static let valueOptions = ["--seed", "--seeds", "--until", "--format", "--output", "--jobs"]
    static let flagOptions = ["--quiet", "--timing", "--no-color"]

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "run", valueOptions: valueOptions, flagOptions: flagOptions)
        if reader.flag("--help") { Console.out(Help.text(for: "run")); return 0 }
        guard reader.positionals.count == 1 else {
            throw UsageError(reader.positionals.isEmpty ? "missing scenario file" : "run takes one scenario file; use 'simrun check' for several", command: "run")
        }
        let options = try Options(reader, command: "run")
        let path = reader.positionals[0]
        let scenario: Scenario
        switch ScenarioFiles.load(path) {
        case let .success(loaded): scenario = loaded
        case let .failure(diagnostics):
            Console.error(diagnostics.text, terminator: "")
            return 2
        }
        if let seeds = options.seeds {
            return runSeeds(scenario, seeds: seeds, options: options)
        }
        return runOne(scenario, seed: options.seed, options: options)
    }

    /// One run, with its timeline.
    private static func runOne(_ scenario: Scenario, seed: UInt64?, options: Options) -> Int32 {
        let output: TimelineOutput
        if let path = options.outputPath {
            do {
                output = try FileTimelineOutput(path: path)
            } catch {
                Console.error("Error: \(error)")
                return 2
            }
        } else {
            output = FileTimelineOutput.standardOutput()
        }
        let reporter = options.reporter(for: scenario, output: output)
        if let text = reporter as? TextTimelineReporter {
            text.writeHeader(title: scenario.title, file: scenario.file, seed: seed ?? scenario.seed, description: scenario.description)
        }
        let clock = WallClock()
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: seed, until: options.until), sinks: [reporter])
        reporter.finish(result)
        if options.timing { options.printTiming(clock: clock, events: result.summary.events) }
        return result.stalled ? 3 : (result.passed ? 0 : 1)
    }

    /// `--seeds A..B`: every seed, in parallel, one line each (timelines are not printed).
    private static func runSeeds(_ scenario: Scenario, seeds: SeedRange, options: Options) -> Int32 {
        let clock = WallClock()
        let results = ParallelRunner.map(seeds.count, jobs: options.jobs) { index in
            ScenarioRunner.run(scenario, options: RunOptions(seed: seeds.lower + UInt64(index), until: options.until, statistics: false))
        }
        var failed = 0
        for result in results {
            if result.passed {
                if !options.quiet { Console.out(TextReport.oneLine(result)) }
            } else {
                failed += 1
                Console.out(TextReport.oneLine(result))
                Console.out("  replay: \(result.replayCommand)")
            }
        }
        Console.out("\(results.count - failed) passed, \(failed) failed")
        if options.timing { options.printTiming(clock: clock, events: results.reduce(0) { $0 + $1.summary.events }) }
        return failed == 0 ? 0 : 1
    }
}

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
