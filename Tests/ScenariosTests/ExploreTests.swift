import Foundation
import Testing
@testable import Scenarios

/// `simrun explore`'s library: schedules drawn by seed, the scenario text that replays them,
/// failures that come from the run, and shrinking (SCENARIO_FORMAT §11).
@Suite struct ExploreTests {
    static let plain = """
    scenario: explore target
    seed: 3
    duration: 30s
    cluster:
      managers: 3
      workers: 2
    services:
      web:
        image: nginx:1.25
        deploy:
          replicas: 4
    timeline:
      - at 5s: crash m1
    expect:
      - always: quorum is ok
      - by 20s: leader is m2
    """

    static func explorer(_ source: String, allowed: [ExploreFamily] = ExploreFamily.allCases) throws -> ExploreRun {
        let scenario = try #require(ScenarioLoader.load(source: source, file: "target.scn").scenario)
        return ExploreRun(file: "target.scn", source: source, scenario: scenario, allowed: allowed)
    }

    static func fixture(_ name: String) throws -> (source: String, run: ExploreRun) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/explore/\(name)")
        let source = try String(contentsOf: url, encoding: .utf8)
        return (source, try explorer(source))
    }

    @Test func aSeedAlwaysDrawsTheSameScheduleAndText() throws {
        let explorer = try Self.explorer(Self.plain)
        let first = explorer.schedule(seed: 5)
        #expect(first == explorer.schedule(seed: 5))
        #expect(first != explorer.schedule(seed: 6))
        let text = explorer.writer.text(seed: 5, schedule: first, header: [])
        #expect(text == explorer.writer.text(seed: 5, schedule: explorer.schedule(seed: 5), header: []))
    }

    @Test func theTextDropsTheTimelineAndKeepsAlwaysExpectations() throws {
        let explorer = try Self.explorer(Self.plain)
        let text = explorer.writer.text(seed: 9, schedule: explorer.schedule(seed: 9), header: ["a header"])
        #expect(text.hasPrefix("# a header\nscenario: explore target\n"))
        #expect(!text.contains("crash m1\n") || explorer.schedule(seed: 9).faults.contains { $0.lines.contains { $0.text == "crash m1" } })
        #expect(text.contains("  - always: quorum is ok\n"))
        #expect(!text.contains("by 20s: leader is m2"))
        #expect(text.contains("seed: 9\n") && !text.contains("seed: 3\n"))
        let scenario = try #require(ScenarioLoader.load(source: text, file: "x.scn").scenario)
        #expect(scenario.expectations.count == 3)
    }

    @Test func faultsNarrowTheFamilies() throws {
        let explorer = try Self.explorer(Self.plain, allowed: [.partition, .loss])
        for seed in UInt64(1)...40 {
            let schedule = explorer.schedule(seed: seed)
            #expect(!schedule.families.isEmpty && schedule.families.allSatisfy { [.partition, .loss].contains($0) })
            for line in schedule.timeline {
                #expect(["partition", "heal", "loss", "restart"].contains { line.text.hasPrefix($0) }, "seed \(seed): \(line.text)")
            }
        }
    }

    @Test func theQuietPhaseRestartsWhatIsStillDownAndActivatesDrainedNodes() {
        let crash = ExploreFault(family: .crash, lines: [.init(millisecond: 12_000, text: "crash m2")], takesDown: ["m2"])
        let rebooted = ExploreFault(family: .crash, lines: [.init(millisecond: 13_000, text: "crash w1"), .init(millisecond: 20_000, text: "restart w1")],
                                    takesDown: ["w1"], bringsUp: ["w1"])
        let drain = ExploreFault(family: .drain, lines: [.init(millisecond: 14_000, text: "docker node update --availability drain w2")], drains: ["w2"])
        let schedule = ExploreSchedule(families: [.crash, .drain], faults: [crash, rebooted, drain], earliestQuiet: 50_000)
        #expect(schedule.quietLines.map(\.text) == ["heal", "restart m2", "docker node update --availability active w2",
                                                   "docker node update --availability active w2"])
        #expect(schedule.quietLines.map(\.millisecond) == [50_000, 51_000, 80_000, 110_000])
    }

    @Test func ddminSplitsInOrder() {
        #expect(ExploreShrinker.split([1, 2, 3, 4, 5], into: 2) == [[1, 2], [3, 4, 5]])
        #expect(ExploreShrinker.split([1, 2, 3], into: 3) == [[1], [2], [3]])
    }

    @Test func anUnknownMutantIsAnErrorWithTheKnownOnes() {
        let source = "scenario: x\ncluster:\n  managers: 3\n  raft:\n    mutant: skip-log-chek\n"
        let result = ScenarioLoader.load(source: source, file: "m.scn")
        #expect(result.scenario == nil)
        #expect(result.renderedDiagnostics.contains("m.scn:5:13: error: unknown Raft mutant 'skip-log-chek'"))
        #expect(result.renderedDiagnostics.contains("did you mean 'skip-log-check'?"))
    }

    @Test func familiesParseFromAList() {
        #expect(ExploreFamily.parseList("loss,crash").families == [.crash, .loss])
        #expect(ExploreFamily.parseList("disk,crash,clock").families == [.crash, .clock, .disk])
        #expect(ExploreFamily.parseList("crash,clocks").unknown == "clocks")
    }

    static let wide = """
    scenario: wide explore target
    duration: 1m
    cluster:
      managers: 3
      workers: 3   # w1..w3
    services:
      web:
        image: nginx:1.25
        deploy:
          replicas: 2

      db:
        image: postgres:16
    expect:
      - always: quorum is ok
    """

    @Test func theCastReductionDropsUnnamedServicesAndTheLastNodes() throws {
        let scenario = try #require(ScenarioLoader.load(source: Self.wide, file: "w.scn").scenario)
        let withoutWeb = try #require(ExploreCastReduction.removing(service: "web", from: Self.wide))
        #expect(!withoutWeb.contains("web:") && !withoutWeb.contains("replicas: 2") && withoutWeb.contains("  db:\n    image: postgres:16"))
        let withoutDb = try #require(ExploreCastReduction.removing(service: "db", from: Self.wide))
        #expect(withoutDb.contains("replicas: 2\n") && !withoutDb.contains("postgres"))
        #expect(ExploreCastReduction.setting("workers", to: 2, in: Self.wide)?.contains("\n  workers: 2\nservices:") == true)
        #expect(ExploreCastReduction.removing(service: "cache", from: Self.wide) == nil)
        // What the schedule names stays: `kill web.1` keeps web, `crash w3` keeps w3, `m3` keeps the managers.
        let reduction = ExploreCastReduction(source: Self.wide, cast: ExploreCast(scenario), texts: ["kill web.1", "crash w3", "partition m3"])
        #expect(reduction.candidates == [try #require(ExploreCastReduction.removing(service: "db", from: Self.wide))])
        let free = ExploreCastReduction(source: Self.wide, cast: ExploreCast(scenario), texts: ["crash m2"])
        #expect(free.candidates.count == 4)
        for text in free.candidates { #expect(ScenarioLoader.load(source: text, file: "w.scn").scenario != nil) }
    }

    @Test func shrinkingAlsoDropsTheNodesAndServicesNoFaultNeeds() throws {
        let explorer = try Self.explorer(Self.wide)
        let crash = ExploreFault(family: .crash, lines: [.init(millisecond: 12_000, text: "crash m2"), .init(millisecond: 12_000, text: "crash m3"),
                                                         .init(millisecond: 30_000, text: "restart m2"), .init(millisecond: 30_000, text: "restart m3")],
                                 takesDown: ["m2", "m3"], bringsUp: ["m2", "m3"])
        let failing = explorer.run(seed: 4, schedule: ExploreSchedule(families: [.crash], faults: [crash], earliestQuiet: 40_000), header: [])
        #expect(failing.failures.first?.way == "expect: always: quorum is ok")
        let shrunk = ExploreShrinker(run: explorer).shrink(failing).outcome
        #expect(shrunk.failures.contains { $0.way == "expect: always: quorum is ok" })
        #expect(shrunk.cast.managers == ["m1", "m2", "m3"], "m3 is named by the fault")
        #expect(shrunk.cast.workers.isEmpty && shrunk.cast.services.isEmpty)
        #expect(shrunk.schedule.faults.count == 1)
        let replay = try #require(ScenarioLoader.load(source: shrunk.text, file: "w.min.scn").scenario)
        #expect(replay.nodes.count == 3 && replay.services.isEmpty)
    }
}
