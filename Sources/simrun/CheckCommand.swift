import Foundation
import Scenarios

/// `simrun check PATH... [options]`: runs every scenario (and seed) under the paths, in
/// parallel worker processes; CI mode. Exit 1 if a run failed, crashed or timed out, 2 if a
/// file has errors.
enum CheckCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "check", valueOptions: ["--seed", "--seeds", "--until", "--junit", "--jobs", "--run-timeout"],
                                        flagOptions: ["--quiet", "--timing"])
        if reader.flag("--help") { Console.out(Help.text(for: "check")); return 0 }
        guard !reader.positionals.isEmpty else { throw UsageError("missing path: give scenario files or folders", command: "check") }
        let options = try Options(reader, command: "check")
        let files = try ScenarioFiles.find(reader.positionals, command: "check")
        guard !files.isEmpty else { throw UsageError("no .scn files under \(reader.positionals.joined(separator: ", "))", command: "check") }

        var junit = JUnitReport()
        var invalid = 0
        var runs: [RunTally.Run] = []
        for file in files {
            switch ScenarioFiles.load(file) {
            case let .success(scenario):
                runs += options.runs(of: scenario)
            case let .failure(diagnostics):
                invalid += 1
                Console.error(diagnostics.text, terminator: "")
                junit.addError(file: file, name: file, message: diagnostics.text)
            }
        }

        let clock = WallClock()
        let progress = ProgressLine(total: runs.count, enabled: isatty(STDERR_FILENO) == 1)
        let outcomes = options.outcomes(of: runs) { progress.tick() }
        progress.clear()

        var tally = RunTally()
        for (run, outcome) in zip(runs, outcomes) {
            for line in tally.add(outcome, of: run, quiet: options.quiet, details: true) { Console.out(line) }
            junit.add(outcome, of: run)
        }
        Console.out(tally.summary(invalid: invalid))
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
