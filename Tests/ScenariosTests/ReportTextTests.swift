import SimEngine
import Testing
@testable import Scenarios

/// The text timeline and the blocks after it, to the byte.
@Suite struct ReportTextTests {
    typealias F = ReportFixtures

    private func timeline(quiet: Bool = false, color: Bool = false, filter: ((TraceEvent) -> Bool)? = nil,
                          result: RunResult? = nil) -> String {
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: F.nodes, duration: .seconds(120), quiet: quiet,
                                            color: color, filter: filter)
        for event in F.events { reporter.record(event) }
        if let result { reporter.finish(result) }
        return buffer.text
    }

    @Test func timelineIsAlignedWithCommandOutputUnderItsLine() {
        let expected = """
              0.250s  m1  raft          term 1: starting an election
              0.251s  m1  raft          elected leader for term 1
              2.000s  m1  dispatcher    node w1 is Ready
              3.500s  m1  orchestrator  web.1 running on w1
             30.000s  -   timeline      crash m1
             41.203s  m2  raft          elected leader for term 2
             45.000s  m2  cli           docker node ls
                                          ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS
                                          1dvs0fzm6ozuxpxsiqhfnt9zy     m1         Down      Active         Unreachable
                                          ax3kr2cuyzvi8ubx7gxu0c0w2 *   m2         Ready     Active         Leader
             50.007s  m2  raft          stepped down: saw "term 3" from m3\tC:\\raft\u{1}
             60.000s  m2  cli           docker service scale web=8
                                          Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.
            119.999s  w1  agent         session established with m3

            """
        #expect(timeline() == expected)
    }

    @Test func widthsComeFromTheDurationAndTheNodeNames() {
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: ["manager-1", "w1"], duration: .seconds(5))
        #expect(reporter.timeWidth == 6)
        #expect(reporter.nodeWidth == 9)
        reporter.record(TraceEvent(time: F.at(1_234), node: "w1", component: "agent", kind: "agent.task", text: "task started"))
        // A text of its own lines: the continuation lines keep their blank lines, a trailing newline adds none.
        reporter.record(TraceEvent(time: F.at(4_000), node: "manager-1", component: "a-very-long-component", kind: "x",
                                   text: "first\r\nsecond\n\nthird\n"))
        reporter.record(TraceEvent(time: F.at(4_500), node: "-", component: "timeline", kind: "mark", text: ""))
        #expect(buffer.text == """
            1.234s  w1         agent         task started
            4.000s  manager-1  a-very-long-component  first
                                               second

                                               third
            4.500s  -          timeline

            """)
    }

    @Test func commandOutputAlreadyInTheTextIsNotRepeated() {
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: ["m1"], duration: .seconds(9))
        reporter.record(TraceEvent(time: F.at(1_000), node: "m1", component: "cli", kind: "command",
                                   text: "docker service scale web=8: web scaled to 8",
                                   fields: [TraceField("ok", true), TraceField("output", "web scaled to 8\n")]))
        #expect(buffer.text == "1.000s  m1  cli           docker service scale web=8: web scaled to 8\n")
    }

    @Test func filterHidesEvents() {
        let text = timeline(filter: { $0.kind.hasPrefix("raft.") })
        #expect(text.split(separator: "\n").map { String($0.dropFirst(10).prefix(16)) } == [
            "m1  raft        ", "m1  raft        ", "m2  raft        ", "m2  raft        ",
        ])
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!timeline().contains("\u{1B}"))
        let lines = timeline(color: true).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "\u{1B}[2m  0.251s\u{1B}[0m  m1  raft          \u{1B}[32melected leader for term 1\u{1B}[0m")
        #expect(lines[2] == "\u{1B}[2m  2.000s\u{1B}[0m  m1  dispatcher    \u{1B}[32mnode w1 is Ready\u{1B}[0m")
        #expect(lines[4] == "\u{1B}[2m 30.000s\u{1B}[0m  -   timeline      \u{1B}[33mcrash m1\u{1B}[0m")
        #expect(lines[10].hasSuffix("\u{1B}[31mstepped down: saw \"term 3\" from m3\tC:\\raft\u{1}\u{1B}[0m"))
        #expect(lines[11].hasSuffix("\u{1B}[31mdocker service scale web=8\u{1B}[0m"))
    }

    // MARK: - After the timeline

    static let failingBlocks = """
        expectations: 1 of 2 held
          PASS  scenarios/failover.scn:31  by 50s: leader is one of m2, m3
                at 41.203s: leader was m2
          FAIL  scenarios/failover.scn:32  at end: service web is 8/8
                at 120.000s: REPLICAS was 6/8

        failures: 2
          FAIL   60.000s  command: docker service scale web=8 (line 24): expected ok, got error "The swarm does not have a leader."
          FAIL  101.500s  invariant: election safety: two leaders in term 3
                            m2 and m3

        summary: leader failover (scenarios/failover.scn, seed 7), 120.000s simulated
          result             FAIL: 1 of 2 expectations held, 2 failures
          leader changes     2, 11.203s without a leader
          quorum             lost for 90.500s
          final leader       none
          service web        6/6
          service api        2/2
          tasks rescheduled  3
          messages           12345 sent, 12 dropped
          events simulated   98765
        replay: simrun scenarios/failover.scn --seed 7

        """

    @Test func failingRunBlocksWithReplayLine() {
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: F.nodes, duration: .seconds(120))
        reporter.finish(F.failing)
        #expect(buffer.text == Self.failingBlocks)
    }

    @Test func passingRunSummaryHasNoReplayLine() {
        #expect(TextReport.summaryBlock(F.passing) == """
            summary: leader failover (scenarios/failover.scn, seed 7), 120.000s simulated
              result             PASS: 2 of 2 expectations held
              leader changes     2, 11.203s without a leader
              quorum             never lost
              final leader       m2
              service web        6/6
              service api        2/2
              tasks rescheduled  3
              messages           12345 sent, 12 dropped
              events simulated   98765

            """)
    }

    @Test func fullRunIsTimelineThenBlocksSeparatedByBlankLines() {
        let text = timeline(result: F.failing)
        #expect(text == timeline() + "\n" + Self.failingBlocks)
    }

    @Test func quietPrintsOnlyFailuresAndTheSummary() {
        let failing = timeline(quiet: true, result: F.failing)
        #expect(failing == """
            expectations: 1 of 2 held
              FAIL  scenarios/failover.scn:32  at end: service web is 8/8
                    at 120.000s: REPLICAS was 6/8

            """ + "\n" + TextReport.failuresBlock(F.failing.failures) + "\n" + TextReport.summaryBlock(F.failing))
        let passing = timeline(quiet: true, result: F.passing)
        #expect(passing == TextReport.summaryBlock(F.passing))
    }

    @Test func oneLineForms() {
        #expect(TextReport.oneLine(F.passing) == "PASS scenarios/failover.scn (seed 7): leader failover")
        #expect(TextReport.oneLine(F.failing)
            == "FAIL scenarios/failover.scn (seed 7): leader failover - 1 of 2 expectations held, 2 failures")
        #expect(TextReport.line(for: F.failing.expectations[1], in: F.file)
            == "FAIL scenarios/failover.scn:32 at end: service web is 8/8 (at 120.000s: REPLICAS was 6/8)")
        #expect(TextReport.line(for: F.failing.failures[1]) == "FAIL 101.500s invariant: election safety: two leaders in term 3\nm2 and m3")
    }

    @Test func headerShowsTheDescriptionUnlessQuiet() {
        let buffer = TimelineBuffer()
        TextTimelineReporter(output: buffer, nodeNames: F.nodes, duration: .seconds(120))
            .writeHeader(title: "leader failover", file: F.file, seed: 7, description: "Three managers.\nThe leader crashes.\n")
        #expect(buffer.text == "leader failover (scenarios/failover.scn, seed 7)\n  Three managers.\n  The leader crashes.\n\n")
        let quiet = TimelineBuffer()
        TextTimelineReporter(output: quiet, nodeNames: F.nodes, duration: .seconds(120), quiet: true)
            .writeHeader(title: "leader failover", file: F.file, seed: 7)
        #expect(quiet.text.isEmpty)
    }
}
