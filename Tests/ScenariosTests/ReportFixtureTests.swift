import SimEngine
import Testing
@testable import Scenarios

/// Shared inputs of the Report*Tests: a short trace and two run results.
enum ReportFixtures {
    static func at(_ millis: Int64) -> SimInstant { SimInstant(nanoseconds: millis * 1_000_000) }

    static let nodes = ["m1", "m2", "m3", "w1"]

    static let nodeTable = """
        ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS
        1dvs0fzm6ozuxpxsiqhfnt9zy     m1         Down      Active         Unreachable
        ax3kr2cuyzvi8ubx7gxu0c0w2 *   m2         Ready     Active         Leader

        """

    /// One event of each stable kind, plus a multi-line command output and awkward text.
    static let events: [TraceEvent] = [
        TraceEvent(time: at(250), node: "m1", component: "raft", kind: "raft.term", text: "term 1: starting an election",
                   fields: [TraceField("term", 1)]),
        TraceEvent(time: at(251), node: "m1", component: "raft", kind: "raft.leader", text: "elected leader for term 1",
                   fields: [TraceField("term", 1)]),
        TraceEvent(time: at(2_000), node: "m1", component: "dispatcher", kind: "node.status", text: "node w1 is Ready",
                   fields: [TraceField("target", "w1"), TraceField("status", "ready")]),
        TraceEvent(time: at(3_500), node: "m1", component: "orchestrator", kind: "task.state", text: "web.1 running on w1",
                   fields: [TraceField("task", "k2x9"), TraceField("service", "web"), TraceField("slot", 1),
                            TraceField("target", "w1"), TraceField("state", "running")]),
        TraceEvent(time: at(30_000), node: "-", component: "timeline", kind: "fault", text: "crash m1",
                   fields: [TraceField("action", "crash m1")]),
        TraceEvent(time: at(41_203), node: "m2", component: "raft", kind: "raft.leader", text: "elected leader for term 2",
                   fields: [TraceField("term", 2)]),
        TraceEvent(time: at(45_000), node: "m2", component: "cli", kind: "command", text: "docker node ls",
                   fields: [TraceField("command", "docker node ls"), TraceField("ok", true), TraceField("output", nodeTable)]),
        TraceEvent(time: at(50_007), node: "m2", component: "raft", kind: "raft.stepdown",
                   text: "stepped down: saw \"term 3\" from m3\tC:\\raft\u{1}",
                   fields: [TraceField("term", 2), TraceField("reason", "saw \"term 3\"\nfrom m3")]),
        TraceEvent(time: at(60_000), node: "m2", component: "cli", kind: "command", text: "docker service scale web=8",
                   fields: [TraceField("command", "docker service scale web=8"), TraceField("ok", false),
                            TraceField("error", "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.")]),
        TraceEvent(time: at(119_999), node: "w1", component: "agent", kind: "agent.session", text: "session established with m3"),
    ]

    static let file = "scenarios/failover.scn"

    static func summary(finalLeader: String?, noLeader: Int64, noQuorum: Int64) -> RunSummary {
        RunSummary(title: "leader failover", file: file, seed: 7, duration: .seconds(120),
                   statistics: .init(leaderChanges: 2, timeWithoutLeader: .nanoseconds(noLeader),
                                     timeWithoutQuorum: .nanoseconds(noQuorum), tasksRescheduled: 3),
                   finalLeader: finalLeader,
                   services: [.init(name: "web", replicas: "6/6"), .init(name: "api", replicas: "2/2")],
                   messagesSent: 12_345, messagesDropped: 12, events: 98_765)
    }

    static let passing = RunResult(
        expectations: [
            ExpectationResult(text: "by 50s: leader is one of m2, m3", location: Scenarios.SourceLocation(line: 31, column: 5),
                              passed: true, decidedAt: at(41_203), detail: "leader was m2"),
            ExpectationResult(text: "at end: service web is 6/6", location: Scenarios.SourceLocation(line: 32, column: 5),
                              passed: true, decidedAt: at(120_000), detail: "REPLICAS was 6/6"),
        ],
        failures: [],
        summary: summary(finalLeader: "m2", noLeader: 11_203_456_789, noQuorum: 0))

    static let failing = RunResult(
        expectations: [
            ExpectationResult(text: "by 50s: leader is one of m2, m3", location: Scenarios.SourceLocation(line: 31, column: 5),
                              passed: true, decidedAt: at(41_203), detail: "leader was m2"),
            ExpectationResult(text: "at end: service web is 8/8", location: Scenarios.SourceLocation(line: 32, column: 5),
                              passed: false, decidedAt: at(120_000), detail: "REPLICAS was 6/8"),
        ],
        failures: [
            RunFailure(kind: .command, time: at(60_000),
                       text: "docker service scale web=8 (line 24): expected ok, got error \"The swarm does not have a leader.\""),
            RunFailure(kind: .invariant, time: at(101_500), text: "election safety: two leaders in term 3\nm2 and m3"),
        ],
        summary: summary(finalLeader: nil, noLeader: 11_203_000_000, noQuorum: 90_500_000_000))
}

@Suite struct ReportFixtureTests {
    @Test func fixturesAreWhatTheGoldensAssume() {
        #expect(ReportFixtures.passing.passed)
        #expect(!ReportFixtures.failing.passed)
        #expect(ReportFixtures.failing.replayCommand == "simrun scenarios/failover.scn --seed 7")
        #expect(ReportFixtures.events.count == 10)
    }
}
