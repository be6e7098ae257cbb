import Testing
@testable import Scenarios

/// `--trace raft` (SCENARIO_FORMAT §12): Raft's messages and vote decisions in the timeline,
/// heartbeats once a term; nothing of it without the option.
@Suite struct RaftMessageTraceTests {
    /// m3 is cut off for a minute and campaigns at ever higher terms; back, its vote requests
    /// are refused because its log is behind, and its term deposes the leader.
    static let source = """
        scenario: a follower returns
        duration: 2m
        cluster:
          managers: 3
        services:
          web: {image: nginx:1.25}
        timeline:
          - at 30s: isolate m3
          - at 40s: docker service scale web=2
          - at 90s: heal
        """

    static func timeline(_ raftTrace: RaftTraceLevel, of text: String = source) throws -> [Substring] {
        let scenario = try #require(ScenarioTestSupport.scenario(text))
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: scenario.nodeNames, duration: scenario.duration)
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: 1, raftTrace: raftTrace), sinks: [reporter])
        reporter.finish(result)
        return buffer.text.split(separator: "\n")
    }

    @Test func votesAppendsAndTheirAnswersAreTraced() throws {
        let lines = try Self.timeline(.folded)
        let text = lines.joined(separator: "\n")
        #expect(lines.contains { $0.contains(" m3 ") && $0.contains("MsgVote to m1 for term") }, "\(text)")
        #expect(lines.contains { $0.contains("rejected MsgVote from") && $0.contains("its log is behind ours") }, "\(text)")
        #expect(lines.contains { $0.contains("cast MsgVote from") }, "\(text)")
        #expect(lines.contains { $0.contains("MsgApp to m2: entr") }, "\(text)")
        #expect(lines.contains { $0.contains("MsgAppResp to m1 (term 2): have up to") }, "\(text)")
    }

    /// A leader's heartbeats show as a line a second at most, not a line per follower; with
    /// `raft=all`, every heartbeat and its answer.
    @Test func heartbeatsAreFolded() throws {
        let folded = try Self.timeline(.folded).filter { $0.contains("MsgHeartbeat") && !$0.contains("stepped down") }
        let all = try Self.timeline(.all).filter { $0.contains("MsgHeartbeat") && !$0.contains("stepped down") }
        #expect(!folded.isEmpty)
        for node in ["m1", "m2", "m3"] {
            let seconds = folded.filter { $0.contains(" \(node) ") }.compactMap { $0.split(separator: " ").first.flatMap { Double($0.dropLast()) } }
            #expect(zip(seconds, seconds.dropFirst()).allSatisfy { $1 - $0 >= 0.999 }, "\(node): \(seconds)")
        }
        #expect(all.count > 2 * folded.count, "\(all.count) against \(folded.count)")
        #expect(all.contains { $0.contains("MsgHeartbeatResp to m1") })
    }

    @Test func withoutTheOptionNothingChanges() throws {
        let lines = try Self.timeline(.off)
        #expect(!lines.contains { $0.contains("MsgVote to") || $0.contains("MsgApp to") || $0.contains("MsgHeartbeat to") || $0.contains("cast MsgVote") })
    }

    /// The Raft paper's conditions (1 ms ticks, 25-50 ms election timeouts, ~15 ms round trips):
    /// at seed 1, three managers campaign for term 3 within 8 ms; each votes for itself, m5
    /// votes for the first request it gets (m2's), and every other request is refused because
    /// its receiver already voted in term 3. Nobody has three votes: term 4 elects.
    @Test func aSplitVoteShowsEveryVoteAndWhyItWentWhereItWent() throws {
        let source = """
            scenario: a split vote
            duration: 3s
            cluster:
              managers: 5
              raft: {tick: 1ms, election_tick: 25, heartbeat_tick: 5, check_quorum: false}
              network: {latency: 7ms, jitter: 1ms}
            timeline:
              - at 1s: crash m1
            """
        let all = try Self.timeline(.folded, of: source)
        let lines = all.filter { $0.contains("at term 3") || $0.contains("term 3: starting") }
        let candidates = lines.filter { $0.contains("term 3: starting an election") }.map { $0.split(separator: " ")[1] }
        #expect(candidates == ["m2", "m4", "m3"], "\(lines)")
        let cast = lines.filter { $0.contains(" cast MsgVote") }
        #expect(cast.count == 1 && cast[0].contains(" m5 "), "\(cast)")
        let refused = lines.filter { $0.contains(" rejected MsgVote") }
        #expect(refused.count == 8, "\(refused)")  // 3 candidates x 3 live receivers, less the one vote cast
        #expect(refused.allSatisfy { $0.contains("already voted for") })
        #expect(!all.contains { $0.contains("elected leader for term 3") })
        #expect(all.contains { $0.contains("elected leader for term 4") })
    }
}
