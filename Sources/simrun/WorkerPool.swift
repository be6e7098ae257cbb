import Foundation
import Glibc
import SimEngine

/// Runs scenario runs in worker processes (`simrun __worker`), so that one run that crashes,
/// hangs or runs out of memory takes nothing down with it: the run is recorded as crashed or
/// timed out, its worker replaced, and the other runs go on. Each worker is long-lived and
/// driven by one thread of this process, one run at a time; results keep job order.
struct WorkerPool {
    /// The program to start as a worker: this one.
    var executable = WorkerPool.ownExecutable
    /// Worker processes, at most one per run.
    var workers: Int
    /// A run's wall-clock limit; nil for none.
    var runTimeout: SimDuration?

    /// This process's executable (`/proc/self/exe` on Linux), or how it was invoked.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Does every request and returns the outcomes in request order. `finished` is called
    /// (on any thread) after each run, with its index and outcome.
    func run(_ requests: [WorkerProtocol.Request], finished: @escaping @Sendable (Int, RunOutcome) -> Void = { _, _ in }) -> [RunOutcome] {
        let queue = JobQueue(count: requests.count)
        let outcomes = ResultSlots<RunOutcome>(count: requests.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, requests.count)) {
            group.enter()
            let thread = Thread { [self] in
                Self.blockBrokenPipeSignal()
                var driver = WorkerDriver(executable: executable, runTimeout: runTimeout)
                while let index = queue.next() {
                    let outcome = driver.run(requests[index])
                    outcomes.set(index, outcome)
                    finished(index, outcome)
                }
                driver.stop()
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return outcomes.values
    }

    /// A write to a worker that has died fails with EPIPE on this thread instead of raising
    /// SIGPIPE, which would end the whole process. (The signal a write raises goes to the
    /// thread that wrote; workers start with no signal blocked.)
    private static func blockBrokenPipeSignal() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
