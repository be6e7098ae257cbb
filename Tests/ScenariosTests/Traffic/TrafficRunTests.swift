import SimEngine
import Testing
@testable import Scenarios

/// The data plane through the scenario runner: outage lines, summaries, JSON kinds, curl's
/// output, and nothing of it in a run that observes no traffic.
@Suite struct TrafficRunTests {
    static let oneReplica = """
        scenario: one replica update
        duration: 50s
        cluster: {managers: 1, workers: 2}
        services:
          web: {image: nginx:1.25, ports: ["8080:80"], deploy: {replicas: 1}}
        clients:
          users: {target: web:8080, rate: 20/s, start: 20s}
        timeline:
          - at 22s: curl w1:8080
          - at 30s: docker service update --image nginx:1.26 web
        expect:
          - from 30s to 45s: client users has at least 1 refused
          - always: client users success is 100%
        """

    /// A stop-first update of the only replica: the run prints the outage (refused), the
    /// summary, curl's answer; the exact 100% condition fails on the refused requests.
    @Test func outageSummaryAndCurlInTheTimeline() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run(Self.oneReplica))
        #expect(timeline.contains("client users: outage 3"), "\(timeline)")
        #expect(timeline.contains(" refused"))
        #expect(timeline.contains("client users: ") && timeline.contains(" requests, "))
        #expect(timeline.contains("web.1 on ") && timeline.contains("(10.0.0."))  // curl: "web.1 on m1 (10.0.0.3)"
        #expect(result.expectations.map(\.passed) == [true, false])
        #expect(result.expectations[1].detail.contains("ok ("))
    }

    @Test func jsonLinesCarryTheClientKinds() throws {
        let scenario = try #require(ScenarioTestSupport.scenario(Self.oneReplica))
        let buffer = TimelineBuffer()
        let reporter = JSONLinesReporter(output: buffer)
        let result = ScenarioRunner.run(scenario, options: RunOptions(), sinks: [reporter])
        reporter.finish(result)
        let lines = buffer.text.split(separator: "\n")
        let outage = try #require(lines.first { $0.contains("\"kind\":\"client.outage\"") })
        #expect(outage.contains("\"client\":\"users\"") && outage.contains("\"from_ns\":") && outage.contains("\"to_ns\":")
                && outage.contains("\"counts\":\"") && outage.contains("refused="))
        let summary = try #require(lines.first { $0.contains("\"kind\":\"client.summary\"") && $0.contains("\"client\":\"users\"") })
        #expect(summary.contains("\"requests\":") && summary.contains("\"refused\":"))
    }

    /// A scenario that observes no traffic builds no data plane: no gossip, no client line.
    @Test func noTrafficNoDataPlane() throws {
        let (_, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: no traffic
            duration: 30s
            cluster: {managers: 1, workers: 2}
            services:
              web: {image: nginx:1.25, ports: ["8080:80"], deploy: {replicas: 2}}
            """))
        #expect(!timeline.contains("gossip"))
        #expect(!timeline.contains("client"))
    }
}
