import SimEngine
import Testing
@testable import Scenarios

/// Classic scenarios run through the engine (SCENARIO_FORMAT §10): `ScenarioRunner` dispatches
/// on the mode, the timeline shows what the processes log and what the commands print, the
/// conditions read the deployment, and the summary adds the final primary and the findings.
@Suite struct ClassicRunnerTests {
    /// The seed's two hosts with 1.1.3's defaults; h104's manager is removed at once and comes
    /// back as the replica, so that docker is the primary that dies at 100s.
    static let failover = """
        scenario: classic failover
        duration: 160s
        mode: classic
        nodes:
          h104: {runs: [consul, manager, engine]}
          docker: {runs: [manager, engine], cpus: 4, memory: 4GiB}
        timeline:
          - at 0s: kill manage@h104
          - at 15s: start manage@h104
          - at 70s: docker info
            via: h104
          - at 100s: kill manage@primary
          - at 101s: docker ps
            via: h104
            expect: error "Unable to reach primary cluster manager"
        expect:
          - by 20s: primary is docker
          - by 150s: primary is h104
        """

    @Test func primaryFailoverWith113TakesTheSessionTTLAndTheLockDelay() throws {
        for seed: UInt64 in [1, 2, 3] {
            let (result, timeline) = try #require(ScenarioTestSupport.run(Self.failover, seed: seed))
            #expect(result.passed, "seed \(seed): \(result.expectations.filter { !$0.passed }.map(\.detail)) \(result.failures.map(\.text))")
            #expect(timeline.contains("Leader Election: Cluster leadership acquired"))
            #expect(timeline.contains("Role: replica"))
            #expect(timeline.contains("Primary: 192.168.100.102:4000"))
            #expect(timeline.contains("Unable to reach primary cluster manager (dial tcp 192.168.100.102:4000"))
            #expect(result.summary.rows.first == RunSummary.Row(label: "final primary", value: "h104"))
            // The new primary takes the lock 37.5-50 s after the old one died (CLASSIC_SWARM_FACTS §3).
            let acquired = try #require(result.expectations.last?.decidedAt)
            #expect(acquired >= .zero + .milliseconds(137_500) && acquired <= .zero + .seconds(150))
        }
    }

    /// `consul leader` and `consul quorum` count only the servers connected both ways: a
    /// partitioned leader is not the leader, and the majority side elects one.
    @Test func consulConditionsFollowTheCuts() throws {
        let (result, _) = try #require(ScenarioTestSupport.run("""
            scenario: consul partition
            duration: 90s
            mode: classic
            cluster: {consul: 3, managers: 1, engines: 1}
            timeline:
              - at 30s: isolate leader
            expect:
              - at 29s: consul quorum is ok
              - at 31s: consul quorum is ok
              - by 40s: consul leader is one of c1, c2, c3
              - at 45s: consul leader is one of c1, c2, c3
            """))
        #expect(result.passed, "\(result.expectations.filter { !$0.passed }.map(\.detail)) \(result.failures.map(\.text))")
    }

    /// A condition that does not hold fails the run, with what was observed.
    @Test func aFalseConditionFails() throws {
        let (result, _) = try #require(ScenarioTestSupport.run("""
            scenario: wrong primary
            duration: 30s
            mode: classic
            cluster: {managers: 1}
            expect:
              - at end: primary is none
              - at end: engine e1 is healthy
            """))
        #expect(!result.passed)
        #expect(result.expectations[0].detail == "primary was m1")
        // The engines' first registration fails (Consul has no leader yet); the next is at 60s.
        #expect(result.expectations[1].detail == "engine e1 was absent")
    }

    /// An isolated primary that has not noticed its session expired acts as primary beside the
    /// new one: the run passes and reports the finding.
    @Test func anIsolatedPrimaryMakesASplitPrimaryFinding() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: split
            mode: classic
            duration: 150s
            cluster: {managers: 2, engines: 1}
            timeline:
              - at 0s: kill manage@m2
              - at 15s: start manage@m2
              - at 60s: isolate m1
            expect:
              - by 115s: primary is m2
            """))
        #expect(result.passed && result.failures.isEmpty)
        #expect(result.summary.findings.count == 1)
        #expect(result.summary.findings.first?.hasPrefix("split primary: m1, m2 acted as primary together for ") == true)
        #expect(timeline.contains("finding       split primary: m1, m2 act as primary together"))
    }

    /// Two hosts acting as primary at once make one finding with its duration.
    @Test func splitPrimaryIsAFindingWithItsDuration() {
        let simulation = Simulation(seed: 1)
        let watch = SplitPrimaryWatch()
        watch.observe(["m1"], at: .zero + .seconds(1), simulation: simulation)
        watch.observe(["m1", "m2"], at: .zero + .seconds(2), simulation: simulation)
        watch.observe(["m2", "m1"], at: .zero + .milliseconds(2_500), simulation: simulation)
        #expect(watch.findings.isEmpty)
        watch.observe(["m2"], at: .zero + .milliseconds(5_250), simulation: simulation)
        #expect(watch.findings == ["split primary: m1, m2 acted as primary together for 3.250s (from 2.000s)"])
        watch.observe(["m2", "m3"], at: .zero + .seconds(6), simulation: simulation)
        watch.finish(at: .zero + .seconds(7), simulation: simulation)
        #expect(watch.findings.count == 2 && watch.findings[1].hasPrefix("split primary: m2, m3 acted as primary together for 1.000s"))
    }

    /// The summary's extra rows and findings reach the text and JSON lines reports and survive
    /// a worker's field line; a Swarm-mode summary has none.
    @Test func summaryRowsAndFindings() throws {
        var result = ReportFixtures.passing
        #expect(!TextReport.summaryBlock(result).contains("finding"))
        result.summary.rows = [RunSummary.Row(label: "final primary", value: "m2")]
        result.summary.findings = ["split primary: m1, m2 acted as primary together for 1s (from 2.000s)"]
        #expect(try FieldLineTests.roundTrip(result) == result)
        let text = TextReport.summaryBlock(result)
        #expect(text.contains("  final primary  ") && text.contains("m2\n"))
        #expect(text.contains("  finding  ") || text.contains("finding "))
        let json = JSONLinesReporter.summaryLine(for: result)
        #expect(json.contains("\"final_primary\":\"m2\""))
        #expect(json.contains("\"findings\":[\"split primary: m1, m2 acted as primary together for 1s (from 2.000s)\"]"))
    }
}
