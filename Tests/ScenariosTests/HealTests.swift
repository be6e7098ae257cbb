import Testing
@testable import Scenarios

/// `heal` ends every fault still in force, latency and loss overrides included (SCENARIO_FORMAT
/// §5): links return to the file's `cluster.network` settings.
@Suite struct HealTests {
    /// After total loss and a heal the managers hear each other again and elect; if `heal` kept
    /// the 100% loss, no leader would ever be elected again.
    @Test func healEndsLossEverywhere() throws {
        let source = """
        scenario: loss then heal
        duration: 2m
        cluster:
          managers: 3
        timeline:
          - at 10s: loss * 100%
          - at 40s: heal
        expect:
          - at 39s: leader is none
          - at 90s: leader is one of m1, m2, m3
        """
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: 1))
        #expect(result.passed, "\(timeline)")
    }
}
