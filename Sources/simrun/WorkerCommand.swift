import Foundation
import Scenarios

/// `simrun __worker`: the hidden worker mode behind `check` and `run --seeds` (not in the
/// help). Reads one `WorkerProtocol.Request` per line on standard input, runs it, and writes
/// one `WorkerProtocol.Answer` per line on standard output, until standard input ends. Each
/// scenario file is loaded once. Anything unexpected ends the worker with a message on
/// standard error and exit status 2; its parent reports the run it was doing as crashed.
enum WorkerCommand {
    static let name = "__worker"

    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.isEmpty else {
            Console.error("Error: '\(name)' takes no arguments (it is started by 'simrun check')")
            return 2
        }
        let hooks = WorkerTestHooks(environment: ProcessInfo.processInfo.environment)
        var scenarios: [String: Scenario] = [:]  // looked up by path, never iterated
        while let line = readLine(strippingNewline: true) {
            do {
                let request = try WorkerProtocol.Request(line: Array(line.utf8))
                hooks.apply(seed: request.seed)
                let scenario: Scenario
                if let loaded = scenarios[request.file] {
                    scenario = loaded
                } else {
                    switch ScenarioFiles.load(request.file) {
                    case let .success(loaded): scenario = loaded
                    case let .failure(diagnostics):
                        Console.error(diagnostics.text, terminator: "")
                        return 2
                    }
                    scenarios[request.file] = scenario
                }
                let clock = WallClock()
                let result = ScenarioRunner.run(scenario, options: request.options)
                let answer = WorkerProtocol.Answer(result: result, wallSeconds: clock.elapsedSeconds)
                try RawFileDescriptor.standardOutput.writeAll(answer.line)
            } catch {
                Console.error("Error: \(name): \(error)")
                return 2
            }
        }
        return 0
    }
}
