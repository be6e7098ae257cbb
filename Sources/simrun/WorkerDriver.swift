import SimEngine

/// One thread's worker: started when first needed and again after each crash or timeout.
struct WorkerDriver {
    let executable: String
    /// A run's wall-clock limit; nil for none.
    let runTimeout: SimDuration?
    private var worker: WorkerProcess?

    init(executable: String, runTimeout: SimDuration?) {
        self.executable = executable
        self.runTimeout = runTimeout
    }

    /// Does one run in the worker, replacing the worker if it ends or goes past the limit.
    mutating func run(_ request: WorkerProtocol.Request) -> RunOutcome {
        let clock = WallClock()
        let worker: WorkerProcess
        do {
            worker = try self.worker ?? WorkerProcess(executable: executable)
            self.worker = worker
        } catch {
            return .crashed(WorkerFailure(reason: "the worker could not be started: \(error)", errorLines: [], wallSeconds: 0))
        }
        let deadline = runTimeout.map { ContinuousClock.now + .nanoseconds($0.nanoseconds) }
        let wait = worker.send(request.line) ? worker.nextLine(deadline: deadline) : .ended
        switch wait {
        case let .line(answerLine):
            do {
                let answer = try WorkerProtocol.Answer(line: answerLine)
                return .finished(answer.result, wallSeconds: answer.wallSeconds)
            } catch {
                worker.kill()
                return .crashed(replace(worker, reason: "unreadable answer (\(error))", clock: clock))
            }
        case .ended:
            return .crashed(replace(worker, reason: nil, clock: clock))
        case .deadlinePassed:
            worker.kill()
            let limit = runTimeout.map(DurationFormat.format) ?? ""
            return .timedOut(replace(worker, reason: "no result after \(limit), worker killed", clock: clock))
        }
    }

    /// Reaps the worker (the next run starts a new one) and says how it ended.
    private mutating func replace(_ worker: WorkerProcess, reason: String?, clock: WallClock) -> WorkerFailure {
        let end = worker.finish()
        self.worker = nil
        return WorkerFailure(reason: reason ?? end.description, errorLines: worker.errorTail.lines, wallSeconds: clock.elapsedSeconds)
    }

    /// Ends the worker at the end of the runs.
    mutating func stop() {
        worker?.finish()
        worker = nil
    }
}
