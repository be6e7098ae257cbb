import Testing
@testable import Scenarios
import SimEngine

/// `RunOptions.statistics: false` (`check`, `run --seeds`) leaves out the summary's statistics
/// and nothing else: the run, its expectations and its failures are the same.
@Suite struct RunStatisticsOptionTests {
    static var failover: Scenario? {
        ScenarioLoader.load(path: ScenarioTestSupport.packageRoot.appendingPathComponent("scenarios/failover.scn").path).scenario
    }

    @Test func aRunWithoutStatisticsDecidesExactlyAsOneWith() throws {
        let scenario = try #require(Self.failover)
        for seed: UInt64 in [1, 7, 23] {
            let with = ScenarioRunner.run(scenario, options: RunOptions(seed: seed))
            let without = ScenarioRunner.run(scenario, options: RunOptions(seed: seed, statistics: false))
            #expect(with.expectations == without.expectations, "seed \(seed)")
            #expect(with.failures == without.failures, "seed \(seed)")
            #expect(with.summary.events == without.summary.events && with.summary.messagesSent == without.summary.messagesSent)
            #expect(with.summary.finalLeader == without.summary.finalLeader && with.summary.services == without.summary.services)
            let statistics = try #require(with.summary.statistics)
            #expect(statistics.leaderChanges >= 2, "failover elects twice")
            #expect(without.summary.statistics == nil)
        }
    }

    @Test func theSummaryBlockLeavesOutTheRowsItDoesNotHave() throws {
        let scenario = try #require(Self.failover)
        let with = TextReport.summaryBlock(ScenarioRunner.run(scenario))
        let without = TextReport.summaryBlock(ScenarioRunner.run(scenario, options: RunOptions(statistics: false)))
        for row in ["leader changes", "quorum", "tasks rescheduled"] {
            #expect(with.contains(row) && !without.contains(row), "\(row)")
        }
        for row in ["final leader", "service web", "events simulated"] {
            #expect(with.contains(row) && without.contains(row), "\(row)")
        }
    }
}
