import Testing
@testable import Scenarios

/// "The leader" is the one a majority of the configuration follows (SCENARIO_FORMAT §6), not
/// the manager with the highest term.
@Suite struct LeaderDefinitionTests {
    /// Two of five managers cut off keep campaigning and raising their term; the three others
    /// elect a leader and commit writes. The report must show that leader, not "none".
    @Test func aMinorityRaisingItsTermDoesNotHideTheMajoritysLeader() throws {
        let (result, _) = try #require(ScenarioTestSupport.run("""
            scenario: minority raises its term
            duration: 150s
            cluster:
              managers: 5
            timeline:
              - at 30s: partition m1 m2 | m3 m4 m5
              - at 100s: docker service create --name api --replicas 2 nginx:1.25
                via: m3
                expect: ok
            expect:
              - by 70s: leader is one of m3, m4, m5
              - from 70s to 150s: leader is one of m3, m4, m5
              - at end: term is at least 3
            """))
        #expect(result.failures.isEmpty)
        #expect(result.expectations.allSatisfy { $0.passed }, "\(result.expectations.filter { !$0.passed })")
    }

    /// A leader cut off from everyone is still in the leader state until CheckQuorum makes it
    /// step down, but nobody follows it: it is not the leader from the cut on.
    @Test func aDeposedLeaderThatHasNotSteppedDownIsNotTheLeader() throws {
        let (result, _) = try #require(ScenarioTestSupport.run("""
            scenario: isolated leader
            duration: 60s
            cluster:
              managers: 3
            timeline:
              - at 20s: isolate m1
            expect:
              - at 19s: leader is m1
              - from 20s to 60s: leader is not m1
            """))
        #expect(result.failures.isEmpty)
        #expect(result.expectations.allSatisfy { $0.passed }, "\(result.expectations.filter { !$0.passed })")
    }
}
