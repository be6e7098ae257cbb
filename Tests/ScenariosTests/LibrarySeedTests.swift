import Foundation
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

    /// REPLICAS above the desired count gets its reason in the summary: after
    /// `--force-new-cluster`, a worker that has not reconnected is Down while its tasks still
    /// count as running (moby/moby#45922).
    @Test func theSummarySaysWhyReplicasExceedTheDesiredCount() throws {
        let path = ScenarioTestSupport.packageRoot.appendingPathComponent("scenarios/force-new-cluster.scn").path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: scenario.nodeNames, duration: scenario.duration)
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: 98, until: .seconds(120)), sinks: [reporter])
        reporter.finish(result)
        #expect(result.summary.services.first?.replicas == "8/6")
        #expect(buffer.text.contains("service web        8/6 (2 counted on nodes that are down: Docker counts them until their node returns, moby/moby#45922)"))
    }
}
