import Testing
@testable import Scenarios
import SimEngine

/// The timeline tells one truth: a node's election is printed when its Raft state changed, at
/// the time the expectations see the new leader; what follows from an event never prints
/// before it; a campaign says so; each task state names the component that wrote it.
@Suite struct TimelineTruthTests {
    private final class Collector: TraceSink {
        var events: [TraceEvent] = []
        func record(_ event: TraceEvent) { events.append(event) }
    }

    private static func run(_ file: String, seed: UInt64? = nil) throws -> (RunResult, [TraceEvent]) {
        let path = ScenarioTestSupport.packageRoot.appendingPathComponent(file).path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        let collector = Collector()
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: seed), sinks: [collector])
        return (result, collector.events)
    }

    @Test func theNewLeaderIsElectedInTheTimelineWhenTheExpectationSeesIt() throws {
        let (result, events) = try Self.run("scenarios/failover.scn")
        let decided = try #require(result.expectations.first { $0.text.hasPrefix("by 72s: leader is one of") })
        let elected = events.filter { $0.kind == "raft.leader" && ["m2", "m3"].contains($0.node) }
        #expect(elected.map(\.time) == [decided.decidedAt])
    }

    @Test(arguments: ["scenarios/failover.scn", "scenarios/partition-minority-leader.scn", "scenarios/promote-demote.scn"])
    func leaderSubsystemsStartOnlyAfterTheElectionIsPrinted(_ file: String) throws {
        let (_, events) = try Self.run(file)
        var elected: Set<String> = []
        for event in events {
            switch event.kind {
            case "raft.leader": elected.insert(event.node)
            case "raft.term", "raft.stepdown": elected.remove(event.node)
            case "manager.leader": #expect(elected.contains(event.node), "\(file): \(event.node) started its subsystems at \(event.time) before its election was printed")
            default: continue
            }
        }
    }

    @Test func aCampaignSaysItStartsAnElection() throws {
        let (_, events) = try Self.run("scenarios/failover.scn")
        let winner = try #require(events.last { $0.kind == "raft.leader" })
        let campaign = try #require(events.last { $0.kind == "raft.term" && $0.node == winner.node && $0.time <= winner.time })
        #expect(campaign.text.hasSuffix(": starting an election"))
    }

    @Test func aCommandIsPrintedWhenIssuedAndItsAnswerWhenItReturns() throws {
        let (_, events) = try Self.run("scenarios/failover.scn")
        let issued = try #require(events.first { $0.kind == "command.issued" && $0.text == "$ docker node ls" })
        let answered = try #require(events.first { $0.kind == "command" && $0.text.hasPrefix("docker node ls\n") })
        #expect(issued.time == SimInstant.zero + .seconds(20))
        #expect(answered.time > issued.time)
        #expect(events.filter { $0.kind == "command.issued" }.count == events.filter { $0.kind == "command" }.count)
    }

    @Test func eachTaskStateNamesItsWriter() throws {
        let (_, events) = try Self.run("scenarios/failover.scn")
        let writers = Dictionary(grouping: events.filter { $0.kind == "task.state" }) { event -> String in
            if case let .string(state)? = event.field("state") { return state }
            return ""
        }.mapValues { Set($0.map(\.component)) }
        #expect(writers["new"] == ["orchestrator"])
        #expect(writers["pending"] == ["allocator"])
        #expect(writers["assigned"] == ["scheduler"])
        #expect(writers["running"] == ["dispatcher"])
    }
}
