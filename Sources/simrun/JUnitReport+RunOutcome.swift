import Scenarios

extension JUnitReport {
    /// Adds a run done in a worker: its result, or an `<error>` saying why there is none,
    /// with the worker's standard error and the replay command.
    mutating func add(_ outcome: RunOutcome, of run: RunTally.Run) {
        let failure: WorkerFailure
        let kind: String
        switch outcome {
        case let .finished(result, wallSeconds):
            add(result, wallSeconds: wallSeconds)
            return
        case let .crashed(crash): (failure, kind) = (crash, "crashed")
        case let .timedOut(timeout): (failure, kind) = (timeout, "timed out")
        }
        let message = ["\(kind): \(failure.reason)"] + failure.errorLines + ["replay: " + RunResult.replayCommand(file: run.file, seed: run.seed, until: run.until)]
        addError(file: run.file, name: Self.caseName(title: run.title, seed: run.seed), message: message.joined(separator: "\n"),
                 wallSeconds: failure.wallSeconds)
    }
}
