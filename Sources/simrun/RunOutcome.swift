import Scenarios

/// How a run done in a worker process turned out: it finished (and passed or failed), or its
/// worker crashed or ran past the time limit before it could answer.
enum RunOutcome: Sendable {
    case finished(RunResult, wallSeconds: Double)
    case crashed(WorkerFailure)
    case timedOut(WorkerFailure)

    /// The run's result, if it finished.
    var result: RunResult? {
        if case let .finished(result, _) = self { return result }
        return nil
    }
}

/// A run that never answered: why, and what its worker wrote to standard error meanwhile.
struct WorkerFailure: Sendable, Equatable {
    /// `signal 6 (SIGABRT)`, `exit status 2`, `no result after 10m0s`...
    var reason: String
    /// The first and the last lines of the worker's standard error during the run.
    var errorLines: [String]
    var wallSeconds: Double
}
