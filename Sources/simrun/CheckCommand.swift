import Foundation
import Scenarios

/// `simrun check PATH... [options]`: runs every scenario (and seed) under the paths, in
/// parallel worker processes; CI mode. Exit 1 if a run failed, crashed or timed out, 2 if a
/// file has errors.
enum CheckCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "check", valueOptions: ["--seed", "--seeds", "--shard", "--until", "--junit", "--jobs", "--run-timeout", "--format"],
                                        flagOptions: ["--quiet", "--timing", "--no-color"])
        if reader.flag("--help") { Console.out(Help.text(for: "check")); return 0 }
        guard !reader.positionals.isEmpty else { throw UsageError("missing path: give scenario files or folders", command: "check") }
        let options = try Options(reader, command: "check")
        let files = try ScenarioFiles.find(reader.positionals, command: "check")
        guard !files.isEmpty else { throw UsageError("no .scn files under \(reader.positionals.joined(separator: ", "))", command: "check") }

        if let path = reader.value("--junit"), let problem = ReportPath.problem(writing: path) {
            // Said before the runs, which may take long, rather than after them.
            Console.error("Error: cannot write the JUnit report '\(path)': \(problem)")
            return 2
        }
        var junit = JUnitReport()
        var invalid = 0
        var runs: [RunTally.Run] = []
        for file in files {
            switch ScenarioFiles.load(file) {
            case let .success(scenario):
                options.warnAboutUntil(in: scenario)
                ScenarioFiles.warn(about: scenario, arguments: arguments)
                runs += options.runs(of: scenario)
            case let .failure(diagnostics):
                invalid += 1
                Console.diagnostics(diagnostics.text, arguments: arguments)
                junit.addError(file: file, name: file, message: diagnostics.text)
            }
        }

        let clock = WallClock()
        let colors = TerminalSupport().colors(on: STDOUT_FILENO, noColorFlag: options.noColor)
        let stream = ResultStream(runs: runs, quiet: options.quiet, details: true, colors: colors, jsonLines: options.jsonLines,
                                  progress: ProgressLine(total: runs.count))
        let outcomes = options.outcomes(of: runs, finished: stream.receive)
        stream.finish()
        let tally = stream.tally
        for (run, outcome) in zip(runs, outcomes) { junit.add(outcome, of: run) }
        Console.out(stream.summaryLine(invalid: invalid))
        if let path = reader.value("--junit") {
            do {
                try junit.xml.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Console.error("Error: cannot write '\(path)': \(error.localizedDescription)")
                return 2
            }
        }
        if options.timing { options.printTiming(clock: clock, events: tally.events) }
        if invalid > 0 { return 2 }
        return tally.allPassed ? 0 : 1
    }
}
