import Foundation
import Testing
@testable import simrun

/// `simrun explore --stop-at-first`: the sweep ends at the first failing seed in seed order,
/// with the same output whatever the number of jobs (SCENARIO_FORMAT §11).
@Suite struct ExploreStopAtFirstTests {
    /// Crashes without restarts lose the quorum on most seeds (11 passes, 12 fails).
    static let scenario = """
        scenario: quorum always
        duration: 30s
        cluster:
          managers: 3
        expect:
          - always: quorum is ok
        """

    private func explore(_ extra: [String]) throws -> SimrunProcess.Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-stop-at-first-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("q.scn")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        return try SimrunProcess.run(["explore", file.path, "--faults", "crash", "--seeds", "11..20", "--out", folder.path] + extra)
    }

    @Test func theSweepEndsAtTheFirstFailingSeedWhateverTheJobs() throws {
        let one = try explore(["--stop-at-first", "--jobs", "1"])
        let two = try explore(["--stop-at-first", "--jobs", "2"])
        #expect(one.status == 1 && two.status == 1)
        #expect(one.stdout == two.stdout)
        let lines = one.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(one.stdout)")
        #expect(lines.first?.hasPrefix("ok    seed 11:") == true && lines.dropFirst().first?.hasPrefix("FAIL  seed 12:") == true, "\(one.stdout)")
        #expect(lines.last == "1 passed, 1 failed")
        #expect(one.stderr.contains("stopped at the first failing seed, 12, after 2 of 10 seeds"))
        let whole = try explore(["--jobs", "2"])
        #expect(whole.stdout.split(separator: "\n").count == 11, "without it every seed runs")
    }

    @Test func itCannotBeShardedBecauseShardsMustCoverEverySeed() throws {
        let outcome = try explore(["--stop-at-first", "--shard", "1/2"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("'--stop-at-first' cannot be used with '--shard'"))
    }
}
