import Foundation

/// Test-only switches, honoured by worker processes alone (never by `simrun FILE` or by the
/// parent): they make a worker fail the way a bug in the simulator would, so that tests can
/// show that `check` survives it.
///
/// - `SIMRUN_WORKER_CRASH_SEED=N`: the worker aborts (SIGABRT) when asked to run seed N.
/// - `SIMRUN_WORKER_HANG_SEED=N`: the worker sleeps forever when asked to run seed N.
struct WorkerTestHooks {
    var crashSeed: UInt64?
    var hangSeed: UInt64?

    init(environment: [String: String]) {
        crashSeed = environment["SIMRUN_WORKER_CRASH_SEED"].flatMap { UInt64($0) }
        hangSeed = environment["SIMRUN_WORKER_HANG_SEED"].flatMap { UInt64($0) }
    }

    func apply(seed: UInt64) {
        if seed == crashSeed {
            Console.error("SIMRUN_WORKER_CRASH_SEED=\(seed): the worker aborts (a test hook)")
            abort()
        }
        if seed == hangSeed {
            while true { sleep(3600) }
        }
    }
}
