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

    static func timeline(traceRaft: Bool) throws -> [Substring] {
        let scenario = try #require(ScenarioTestSupport.scenario(source))
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: scenario.nodeNames, duration: scenario.duration)
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: 1, traceRaft: traceRaft), sinks: [reporter])
        reporter.finish(result)
        return buffer.text.split(separator: "\n")
    }

    @Test func votesAppendsAndTheirAnswersAreTraced() throws {
        let lines = try Self.timeline(traceRaft: true)
        let text = lines.joined(separator: "\n")
        #expect(lines.contains { $0.contains(" m3 ") && $0.contains("MsgVote to m1 for term") }, "\(text)")
        #expect(lines.contains { $0.contains("rejected MsgVote from") && $0.contains("its log is behind ours") }, "\(text)")
        #expect(lines.contains { $0.contains("cast MsgVote from") }, "\(text)")
        #expect(lines.contains { $0.contains("MsgApp to m2: entr") }, "\(text)")
        #expect(lines.contains { $0.contains("MsgAppResp to m1 (term 2): have up to") }, "\(text)")
    }

    /// A leader's heartbeats appear once per term, not once a second per follower.
    @Test func heartbeatsAreFoldedToOneLineATerm() throws {
        let lines = try Self.timeline(traceRaft: true)
        let heartbeats = lines.filter { $0.contains("MsgHeartbeat to") }
        let terms = Set(heartbeats.compactMap { $0.split(separator: " ").last })
        #expect(!heartbeats.isEmpty)
        #expect(heartbeats.count == terms.count, "\(heartbeats)")
    }

    @Test func withoutTheOptionNothingChanges() throws {
        let lines = try Self.timeline(traceRaft: false)
        #expect(!lines.contains { $0.contains("MsgVote to") || $0.contains("MsgApp to") || $0.contains("MsgHeartbeat to") || $0.contains("cast MsgVote") })
    }
}
