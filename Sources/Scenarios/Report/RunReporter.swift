import SimEngine

/// A reporter for one run: it receives the trace as it happens, then the run's result.
///
/// The CLI adds the reporter to the run's trace, runs the simulation, then calls
/// `finish(_:)`, which writes the closing blocks and flushes the output.
public protocol RunReporter: TraceSink {
    /// Writes what follows the timeline (expectations, failures, summary) and flushes.
    func finish(_ result: RunResult)
}
