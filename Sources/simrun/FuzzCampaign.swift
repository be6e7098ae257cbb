import Foundation
import Scenarios

/// Runs the seeds of `simrun fuzz` on `jobs` threads (through `ParallelRunner`) while the
/// calling thread watches the clock: a seed still running after `timeout` seconds is
/// reported as a hang and left behind, since a thread cannot be stopped. The campaign ends
/// when every seed has finished or hung (the process then exits, ending any hung thread),
/// or when every thread is stuck in a hung run: the seeds not started are reported.
struct FuzzCampaign {
    var seeds: SeedRange
    var jobs: Int
    /// Seconds a seed may run before it counts as a hang.
    var timeout: Double
    /// Runs one seed; called on the worker threads.
    var check: @Sendable (UInt64) -> FuzzSeedOutcome
    /// Called on the worker thread before a seed runs (the reproducer file is written then,
    /// so that a crash of the whole process leaves the seeds it was running behind).
    var willRun: @Sendable (UInt64) -> Void

    /// The outcome of every seed in order; nil for those never started.
    func run() -> [FuzzSeedOutcome?] {
        let board = FuzzBoard(count: seeds.count)
        let lower = seeds.lower
        let count = seeds.count
        let jobs = jobs
        let check = check
        let willRun = willRun
        let runner = Thread {
            _ = ParallelRunner.map(count, jobs: jobs) { index in
                let seed = lower + UInt64(index)
                willRun(seed)
                board.start(index)
                board.finish(index, check(seed))
                return 0
            }
        }
        runner.start()
        while true {
            board.waitForChange(seconds: 0.5)
            let state = board.markHangs(after: timeout) { index, seconds in
                FuzzSeedOutcome(seed: lower + UInt64(index), findings: [
                    FuzzFinding(.hang, String(format: "still running after %.0f s of wall time", seconds)),
                ])
            }
            // Threads free to take a seed take one at once: when every seed still running has
            // hung and none started or finished for a while, every thread is stuck.
            if state.settled == count || (state.allRunningHung && state.quietSeconds > 5) { break }
        }
        return board.outcomes
    }
}

/// The seeds' progress, shared between the worker threads and the watching thread.
private final class FuzzBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var started: [ContinuousClock.Instant?]
    private var results: [FuzzSeedOutcome?]
    private var hung: [Bool]
    private var done: [Bool]
    /// When a seed last started or finished.
    private var lastChange = ContinuousClock.now

    init(count: Int) {
        started = Array(repeating: nil, count: count)
        results = Array(repeating: nil, count: count)
        hung = Array(repeating: false, count: count)
        done = Array(repeating: false, count: count)
    }

    func start(_ index: Int) {
        condition.lock()
        started[index] = .now
        lastChange = .now
        condition.unlock()
    }

    /// Records a finished seed, unless it was already reported as a hang.
    func finish(_ index: Int, _ outcome: FuzzSeedOutcome) {
        condition.lock()
        if !hung[index] { results[index] = outcome }
        done[index] = true
        lastChange = .now
        condition.signal()
        condition.unlock()
    }

    func waitForChange(seconds: Double) {
        condition.lock()
        _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
        condition.unlock()
    }

    /// Reports every seed running for longer than `timeout` seconds as hung (`outcome` says
    /// how); returns how many seeds are settled (finished or hung), whether every seed still
    /// running has hung, and the seconds since a seed last started or finished.
    func markHangs(after timeout: Double, outcome: (Int, Double) -> FuzzSeedOutcome) -> (settled: Int, allRunningHung: Bool, quietSeconds: Double) {
        condition.lock()
        defer { condition.unlock() }
        let now = ContinuousClock.now
        var settled = 0, running = 0, stuck = 0
        for index in started.indices {
            if let start = started[index], !done[index], !hung[index] {
                let seconds = Self.seconds(now - start)
                if seconds > timeout {
                    hung[index] = true
                    results[index] = outcome(index, seconds)
                }
            }
            if results[index] != nil { settled += 1 }
            if started[index] != nil && !done[index] { running += 1 }
            if hung[index] && !done[index] { stuck += 1 }
        }
        return (settled, running > 0 && stuck == running, Self.seconds(now - lastChange))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    var outcomes: [FuzzSeedOutcome?] {
        condition.lock()
        defer { condition.unlock() }
        return results
    }
}
