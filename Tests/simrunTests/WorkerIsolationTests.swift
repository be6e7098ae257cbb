import Foundation
import Testing

/// `check` and `run --seeds` do their runs in worker processes: a run that crashes or hangs
/// is reported as such and the other runs still report. The crash and the hang are made by
/// the workers' test-only switches (`WorkerTestHooks`).
@Suite struct WorkerIsolationTests {
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("simrun-\(name)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    }

    @Test func aCrashingRunIsReportedAndTheOthersStillReport() throws {
        let report = Self.temporaryFile("crash.xml")
        defer { try? FileManager.default.removeItem(at: report) }
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "--seeds", "1..4", "--jobs", "2", "--junit", report.path],
                                            environment: ["SIMRUN_WORKER_CRASH_SEED": "2"])
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        for seed in [1, 3, 4] {
            #expect(lines.contains("PASS scenarios/failover.scn (seed \(seed)): leader failover"), "\(outcome.stdout)")
        }
        #expect(lines.contains("CRASH scenarios/failover.scn (seed 2): leader failover - signal 6 (SIGABRT)"), "\(outcome.stdout)")
        #expect(lines.contains("  stderr: SIMRUN_WORKER_CRASH_SEED=2: the worker aborts (a test hook)"))
        #expect(lines.contains("  replay: simrun scenarios/failover.scn --seed 2"))
        #expect(lines.last == "3 passed, 0 failed, 1 crashed")
        let xml = try String(contentsOf: report, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"simrun\" tests=\"4\" failures=\"0\" errors=\"1\""))
        #expect(xml.contains("<error message=\"crashed: signal 6 (SIGABRT)\" type=\"simrun\">crashed: signal 6 (SIGABRT)\nSIMRUN_WORKER_CRASH_SEED=2: the worker aborts (a test hook)"))
        #expect(xml.contains("replay: simrun scenarios/failover.scn --seed 2</error>"))
    }

    /// The limit leaves room for a debug build's run (a tenth of a second) on a busy machine.
    @Test func aHangingRunTimesOutAndItsWorkerIsReplaced() throws {
        let clock = ContinuousClock.now
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "--seeds", "1..4", "--jobs", "1", "--run-timeout", "3s"],
                                            environment: ["SIMRUN_WORKER_HANG_SEED": "2"])
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("TIMEOUT scenarios/failover.scn (seed 2): leader failover - no result after 3s, worker killed\n  replay: simrun scenarios/failover.scn --seed 2\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("PASS scenarios/failover.scn (seed 3)"), "one worker: seeds 3 and 4 ran in its replacement")
        #expect(outcome.stdout.hasSuffix("\n3 passed, 0 failed, 1 timed out\n"))
        #expect(ContinuousClock.now - clock < .seconds(60))
    }

    @Test func runSeedsSurvivesACrashToo() throws {
        let outcome = try SimrunProcess.run(["run", "scenarios/failover.scn", "--seeds", "1..3"], environment: ["SIMRUN_WORKER_CRASH_SEED": "3"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("PASS scenarios/failover.scn (seed 2): leader failover"))
        #expect(outcome.stdout.contains("CRASH scenarios/failover.scn (seed 3): leader failover - signal 6 (SIGABRT)"))
        #expect(outcome.stdout.hasSuffix("\n2 passed, 0 failed, 1 crashed\n"))
    }

    @Test func aFileWithErrorsStillExitsTwoWhenARunCrashed() throws {
        let bad = Self.temporaryFile("bad.scn")
        defer { try? FileManager.default.removeItem(at: bad) }
        try "scenario: typo\ncluster:\n  managrs: 3\n".write(to: bad, atomically: true, encoding: .utf8)
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", bad.path], environment: ["SIMRUN_WORKER_CRASH_SEED": "7"])
        #expect(outcome.status == 2, "\(outcome.stdout)")
        #expect(outcome.stdout.hasSuffix("\n0 passed, 0 failed, 1 crashed, 1 invalid\n"))
    }

    @Test func theHooksWorkInWorkersOnly() throws {
        let outcome = try SimrunProcess.run(["scenarios/failover.scn", "--quiet"], environment: ["SIMRUN_WORKER_CRASH_SEED": "7"])
        #expect(outcome.status == 0, "a single run is done in-process, where the switch means nothing")
    }

    @Test func runTimeoutTakesADurationOrZero() throws {
        let none = try SimrunProcess.run(["check", "scenarios/failover.scn", "--run-timeout", "0", "--quiet"])
        #expect(none.status == 0)
        #expect(none.stdout == "1 passed, 0 failed\n")
        for bad in ["-1s", "ten"] {
            let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "--run-timeout", bad])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.hasPrefix("Error: '--run-timeout' "), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("Usage: simrun check"))
        }
    }
}
