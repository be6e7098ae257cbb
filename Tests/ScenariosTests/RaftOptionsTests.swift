import Testing
@testable import Scenarios

/// `cluster.raft.check_quorum` and `pre_vote` (SCENARIO_FORMAT §12) reach the managers' Raft, so a
/// class can see what each changes.
@Suite struct RaftOptionsTests {
    static func source(_ raft: String, timeline: String) -> String {
        """
        scenario: raft options
        duration: 2m
        cluster:
          managers: 3
          raft: {\(raft)}
        timeline:
        \(timeline)
        """
    }

    @Test func defaultsAreSwarmKits() throws {
        let scenario = try #require(ScenarioTestSupport.scenario(Self.source("tick: 1s", timeline: "  - at 1s: heal")))
        #expect(scenario.cluster.raft.checkQuorum)
        #expect(!scenario.cluster.raft.preVote)
    }

    /// A follower cut off for a minute campaigns at ever higher terms; when it returns, its term
    /// deposes the leader. With pre-vote it never raises its term, and nothing happens at the heal.
    @Test func preVoteKeepsAReturningFollowerFromDeposingTheLeader() throws {
        let timeline = "  - at 30s: isolate m3\n  - at 90s: heal"
        let (plain, plainText) = try #require(ScenarioTestSupport.run(Self.source("pre_vote: false", timeline: timeline), seed: 1))
        let (preVote, preVoteText) = try #require(ScenarioTestSupport.run(Self.source("pre_vote: true", timeline: timeline), seed: 1))
        let plainChanges = try #require(plain.summary.statistics?.leaderChanges)
        let preVoteChanges = try #require(preVote.summary.statistics?.leaderChanges)
        #expect(plainChanges > 1, "\(plainText)")
        #expect(preVoteChanges == 1, "\(preVoteText)")
    }

    /// An isolated leader steps down on its own only with check-quorum.
    @Test func checkQuorumMakesAnIsolatedLeaderStepDown() throws {
        let timeline = "  - at 30s: isolate m1"
        let (_, withCheck) = try #require(ScenarioTestSupport.run(Self.source("check_quorum: true", timeline: timeline), seed: 1))
        let (_, without) = try #require(ScenarioTestSupport.run(Self.source("check_quorum: false", timeline: timeline), seed: 1))
        let stepDown = { (text: String) in text.split(separator: "\n").contains { $0.contains(" m1 ") && $0.contains("stepped down") } }
        #expect(stepDown(withCheck), "\(withCheck)")
        #expect(!stepDown(without), "\(without)")
    }

    @Test func aValueThatIsNotABooleanIsAnError() {
        let result = ScenarioLoader.load(source: Self.source("pre_vote: maybe", timeline: "  - at 1s: heal"), file: "t.scn")
        #expect(result.scenario == nil)
        #expect(result.renderedDiagnostics.contains("pre_vote"))
    }
}
