import Foundation
import Scenarios

/// `simrun check PATH... [options]`: runs every scenario (and seed) under the paths, in
/// parallel; CI mode. Exit 1 if a run failed, 2 if a file has errors.
enum CheckCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "check", valueOptions: ["--seed", "--seeds", "--until", "--junit", "--jobs"],
                                        flagOptions: ["--quiet", "--timing"])
        if reader.flag("--help") { Console.out(Help.text(for: "check")); return 0 }
        guard !reader.positionals.isEmpty else { throw UsageError("missing path: give scenario files or folders", command: "check") }
        let options = try Options(reader, command: "check")
        let files = try ScenarioFiles.find(reader.positionals, command: "check")
        guard !files.isEmpty else { throw UsageError("no .scn files under \(reader.positionals.joined(separator: ", "))", command: "check") }

        var junit = JUnitReport()
        var invalid = 0
        var jobs: [(Scenario, UInt64?)] = []
        for file in files {
            switch ScenarioFiles.load(file) {
            case let .success(scenario):
                if let seeds = options.seeds {
                    for offset in 0..<UInt64(seeds.count) { jobs.append((scenario, seeds.lower + offset)) }
                } else {
                    jobs.append((scenario, options.seed))
                }
            case let .failure(diagnostics):
                invalid += 1
                Console.error(diagnostics.text, terminator: "")
                junit.addError(file: file, name: file, message: diagnostics.text)
            }
        }

        let clock = WallClock()
        let progress = ProgressLine(total: jobs.count, enabled: isatty(STDERR_FILENO) == 1)
        let until = options.until
        let runs = jobs
        let results = ParallelRunner.map(runs.count, jobs: options.jobs) { index in
            let wall = WallClock()
            let result = ScenarioRunner.run(runs[index].0, options: RunOptions(seed: runs[index].1, until: until, statistics: false))
            progress.tick()
            return (result, wall.elapsedSeconds)
        }
        progress.clear()

        var failed = 0
        for (result, wall) in results {
            junit.add(result, wallSeconds: wall)
            if result.passed {
                if !options.quiet { Console.out(TextReport.oneLine(result)) }
                continue
            }
            failed += 1
            Console.out(TextReport.oneLine(result))
            for expectation in result.expectations where !expectation.passed {
                Console.out("  " + TextReport.line(for: expectation, in: result.summary.file))
            }
            for failure in result.failures { Console.out("  " + TextReport.line(for: failure)) }
            Console.out("  replay: \(result.replayCommand)")
        }
        Console.out("\(results.count - failed) passed, \(failed) failed" + (invalid > 0 ? ", \(invalid) invalid" : ""))
        if let path = reader.value("--junit") {
            do {
                try junit.xml.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Console.error("Error: cannot write '\(path)': \(error.localizedDescription)")
                return 2
            }
        }
        if options.timing { options.printTiming(clock: clock, events: results.reduce(0) { $0 + $1.0.summary.events }) }
        if invalid > 0 { return 2 }
        return failed == 0 ? 0 : 1
    }
}

/// `[12/40] running...` on standard error, only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let enabled: Bool
    private var done = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func tick() {
        guard enabled else { return }
        lock.lock()
        done += 1
        let text = "\r[\(done)/\(total)] scenarios run"
        lock.unlock()
        FileHandle.standardError.write(Data(text.utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
