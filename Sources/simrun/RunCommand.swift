import Foundation
import Scenarios
import SimEngine

/// `simrun [run] FILE.scn [options]`: runs one scenario and prints its timeline.
enum RunCommand {
    static let valueOptions = ["--seed", "--seeds", "--until", "--format", "--output", "--jobs", "--run-timeout", "--trace"]
    static let flagOptions = ["--quiet", "--timing", "--no-color"]

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "run", valueOptions: valueOptions, flagOptions: flagOptions)
        if reader.flag("--help") { Console.out(Help.text(for: "run")); return 0 }
        guard reader.positionals.count == 1 else {
            throw UsageError(reader.positionals.isEmpty ? "missing scenario file" : "run takes one scenario file; use 'simrun check' for several", command: "run")
        }
        let options = try Options(reader, command: "run")
        let path = reader.positionals[0]
        guard let scenario = ScenarioFiles.loadOrReport(path, arguments: arguments) else { return 2 }
        options.warnAboutUntil(in: scenario)
        ScenarioFiles.warn(about: scenario, arguments: arguments)
        if options.seeds != nil {
            return runSeeds(scenario, options: options)
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
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: seed, until: options.until, raftTrace: options.raftTrace), sinks: [reporter])
        reporter.finish(result)
        if options.timing { options.printTiming(clock: clock, events: result.summary.events) }
        return result.stalled ? 3 : (result.passed ? 0 : 1)
    }

    /// `--seeds A..B`: every seed, in parallel worker processes, one line each and, for a
    /// failing run, what failed, as `check` prints it (timelines are not printed).
    private static func runSeeds(_ scenario: Scenario, options: Options) -> Int32 {
        let clock = WallClock()
        let runs = options.runs(of: scenario)
        let colors = TerminalSupport().colors(on: STDOUT_FILENO, noColorFlag: options.noColor)
        let stream = ResultStream(runs: runs, quiet: options.quiet, details: true, colors: colors, jsonLines: options.jsonLines,
                                  progress: ProgressLine(total: runs.count))
        _ = options.outcomes(of: runs, finished: stream.receive)
        stream.finish()
        let tally = stream.tally
        Console.out(stream.summaryLine())
        if options.timing { options.printTiming(clock: clock, events: tally.events) }
        return tally.allPassed ? 0 : 1
    }
}
