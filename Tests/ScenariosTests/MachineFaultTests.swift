import SimEngine
import Testing
@testable import Scenarios

/// The machine faults of SCENARIO_FORMAT §5: `clock NODE +2s | -500ms | rate 1.05` and
/// `disk NODE slow 200ms | wipe`, parsed and acting on the engine.
@Suite struct MachineFaultTests {
    typealias T = LoaderTestSupport

    @Test func parsing() {
        #expect(T.fault("clock m1 +2s") == .clockJump(.named("m1"), .seconds(2)))
        #expect(T.fault("clock leader -500ms") == .clockJump(.leader, .milliseconds(-500)))
        #expect(T.fault("clock w1 rate 1.05") == .clockRate(.named("w1"), 1.05))
        #expect(T.fault("disk m2 slow 200ms") == .diskSlow(.named("m2"), .milliseconds(200)))
        #expect(T.fault("disk m2 wipe") == .diskWipe(.named("m2")))
        #expect(Fault.diskWipe(.leader).name == "disk")
        #expect(Fault.clockRate(.leader, 2).name == "clock")
    }

    @Test func errors() {
        let cases: [(String, String)] = [
            ("clock m1", "'clock' needs a node and what happens to its clock"),
            ("clock m1 2s", "a clock jump needs a sign, got '2s'"),
            ("clock m1 +fast", "invalid duration 'fast'"),
            ("clock m1 rate", "'clock NODE rate' needs a value"),
            ("clock m1 rate fast", "invalid clock rate 'fast'"),
            ("clock m1 rate 0", "clock rate 0 is out of range"),
            ("clock m1 +2s now", "too many arguments for 'clock'"),
            ("disk m1 fast", "unknown disk fault 'fast'"),
            ("disk m1 slow", "'disk NODE slow' needs a value"),
            ("disk m1 wipe now", "too many arguments for 'disk'"),
        ]
        for (text, message) in cases {
            let messages = T.errors(timeline: text).map(\.message)
            #expect(messages.count == 1 && messages[0].hasPrefix(message), "\(text): \(messages)")
        }
    }

    /// With its clock running twice as fast, m3's election timeout (10-20 ticks of its 1 s) ends
    /// after 5-10 s, before m2's (10-20 s): m3 campaigns first and wins when the leader dies.
    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func aFastClockCampaignsSooner(seed: UInt64) throws {
        let source = """
            scenario: a fast clock
            duration: 1m
            cluster:
              managers: 3
            timeline:
              - at 5s: clock m3 rate 2
              - at 10s: crash m1
            expect:
              - at 40s: leader is m3
            """
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: seed))
        #expect(result.passed, "\(timeline)")
    }

    /// Every write a manager commits waits for its own sync: with one manager, a command takes
    /// the disk's sync latency more; `heal` makes the disk fast again.
    @Test func aSlowDiskSlowsCommitsUntilHeal() throws {
        let source = """
            scenario: a slow disk
            duration: 1m
            cluster:
              managers: 1
            services:
              web: {image: nginx:1.25}
            timeline:
              - at 5s: disk m1 slow 2s
              - at 10s: docker service scale web=2
              - at 20s: heal
              - at 30s: docker service scale web=3
            """
        let (_, timeline) = try #require(ScenarioTestSupport.run(source, seed: 1))
        let slow = try #require(Self.answerTime(of: "docker service scale web=2", in: timeline))
        let fast = try #require(Self.answerTime(of: "docker service scale web=3", in: timeline))
        #expect(slow >= 2.0, "\(timeline)")
        #expect(fast < 0.1, "\(timeline)")
    }

    /// A wiped manager boots outside the swarm: the others see its old identity go down, and it
    /// comes back only through `docker swarm join`, with a new identity (seed 004's advice to
    /// name nodes by ID: two nodes are then called m3).
    @Test func aWipedManagerRejoinsWithANewIdentity() throws {
        let source = """
            scenario: a manager's disk is lost
            duration: 90s
            cluster:
              managers: 3
            timeline:
              - at 10s: disk m3 wipe
              - at 11s: crash m3
              - at 12s: restart m3
              - at 30s: docker node ls
                via: m3
                expect: error "This node is not a swarm manager."
              - at 45s: docker swarm join --token manager m1:2377
                via: m3
                expect: ok
              - at 80s: docker node ls
                via: m1
            expect:
              - at 40s: node m3 is down
              - from 50s to 90s: quorum is ok
            """
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: 1))
        #expect(result.passed, "\(timeline)")
        let rows = timeline.split(separator: "\n").filter { $0.contains(" m3 ") && ($0.contains("Reachable") || $0.contains("Unreachable")) }
        #expect(rows.count == 2, "\(timeline)")
    }

    /// Seconds between a command's `$ CMD` line and its answer in the text timeline.
    static func answerTime(of command: String, in timeline: String) -> Double? {
        let lines = timeline.split(separator: "\n").map(String.init)
        func time(_ line: String) -> Double? { Double(line.split(separator: " ").first?.dropLast() ?? "") }
        guard let issued = lines.first(where: { $0.contains("$ \(command)") }).flatMap(time),
              let answered = lines.first(where: { $0.contains("cli") && $0.hasSuffix(command) && !$0.contains("$ ") }).flatMap(time)
        else { return nil }
        return answered - issued
    }
}

extension MachineFaultTests {
    /// A worker's clock jumps an hour ahead: the statuses its agent reports carry its clock, so
    /// `docker service ps` (read on the leader, whose clock is true) shows them an hour off,
    /// while its timers, and so its heartbeats, keep time (the node stays Ready).
    @Test func aClockJumpMovesTheTimestampsAWorkerWrites() throws {
        let source = """
            scenario: a worker's clock jumps
            duration: 3m
            cluster:
              managers: 1
              workers: 1
            services:
              web:
                image: nginx:1.25
                deploy:
                  placement: {constraints: [node.role == worker]}
            timeline:
              - at 10s: clock w1 -1h
              - at 20s: kill web.1
              - at 2m: docker service ps web
            expect:
              - from 5s to 3m: node w1 is ready
            """
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: 1))
        #expect(result.passed, "\(timeline)")
        let rows = timeline.split(separator: "\n").filter { $0.contains("web.1") && $0.contains("w1") && $0.contains("Running") }
        #expect(rows.contains { $0.contains("hour ago") }, "\(timeline)")
    }
}
