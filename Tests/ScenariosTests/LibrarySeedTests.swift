import Testing
@testable import Scenarios

/// Seeds of the library that once failed (issue #15), each for a reason now fixed or written
/// into the scenario: a worker's reconnection after `--force-new-cluster` taking a minute
/// (force-new-cluster 37), a call through a cut-off manager that succeeded once the partition
/// healed within its deadline (partition-minority-leader 76), and an agent that lost a task's
/// RUNNING report when its session failed with the report unanswered (promote-demote 56).
@Suite struct LibrarySeedTests {
    @Test(arguments: [("force-new-cluster.scn", 37), ("partition-minority-leader.scn", 76), ("promote-demote.scn", 56)])
    func onceFailingSeedPasses(_ file: String, _ seed: UInt64) throws {
        let path = ScenarioTestSupport.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: seed, statistics: false))
        #expect(result.passed, "\(result.expectations.filter { !$0.passed }.map(\.text)) \(result.failures.map(\.text))")
    }
}
