import Testing
@testable import Scenarios

/// The `clock` and `disk` fault families of `simrun explore` (SCENARIO_FORMAT §11 with the
/// machine faults of §5): what they draw, that their text replays, and that a swarm recovers from
/// them in the quiet phase.
@Suite struct ExploreMachineFaultTests {
    static let five = ExploreTests.plain.replacingOccurrences(of: "managers: 3", with: "managers: 5")

    @Test func clockAndDiskSchedulesReplayAndNeverWipeMoreThanAMinority() throws {
        let explorer = try ExploreTests.explorer(Self.five, allowed: [.clock, .disk])
        var seen: Set<String> = []
        for seed in UInt64(1)...150 {
            let schedule = explorer.schedule(seed: seed)
            let texts = schedule.timeline.map(\.text)
            for text in texts { seen.insert(String(text.split(separator: " ").first ?? "") + (text.contains("rate") ? " rate" : "") + (text.contains("wipe") ? " wipe" : "")) }
            let wipedManagers = Set(texts.filter { $0.hasSuffix(" wipe") }.map { $0.split(separator: " ")[1] }.filter { $0.hasPrefix("m") })
            #expect(wipedManagers.count <= 2, "seed \(seed): \(texts)")
            for (index, text) in texts.enumerated() where text.hasSuffix(" wipe") {
                #expect(texts[index + 1] == "crash " + text.split(separator: " ")[1], "seed \(seed): a wipe takes effect at the next boot")
            }
            let replay = explorer.writer.text(seed: seed, schedule: schedule, header: [])
            #expect(ScenarioLoader.load(source: replay, file: "replay.scn").scenario != nil, "seed \(seed):\n\(replay)")
        }
        #expect(seen.isSuperset(of: ["clock", "clock rate", "disk", "disk wipe", "crash", "restart", "heal"]), "\(seen.sorted())")
    }

    /// A manager whose disk is wiped boots outside the swarm; the other two keep a leader and the
    /// service converges without it. A fast clock and a slow disk on the others are survived too.
    @Test func aSwarmRecoversFromAWipedManagerAClockAndASlowDisk() throws {
        let explorer = try ExploreTests.explorer(ExploreTests.plain)
        func line(_ ms: Int, _ text: String) -> ExploreFault.Line { .init(millisecond: ms, text: text) }
        let wipe = ExploreFault(family: .disk, lines: [line(12_000, "disk m3 wipe"), line(12_000, "crash m3"), line(20_000, "restart m3")],
                                takesDown: ["m3"], bringsUp: ["m3"])
        let clock = ExploreFault(family: .clock, lines: [line(14_000, "clock m1 rate 1.2"), line(40_000, "clock m1 rate 1")])
        let disk = ExploreFault(family: .disk, lines: [line(15_000, "disk m2 slow 200ms"), line(35_000, "disk m2 slow 1ms")])
        let schedule = ExploreSchedule(families: [.clock, .disk], faults: [wipe, clock, disk], earliestQuiet: 50_000)
        let outcome = explorer.run(seed: 2, schedule: schedule, header: [])
        #expect(outcome.failures.isEmpty, "\(outcome.failures.map(\.way))")
    }

    /// Without the quorum guard a schedule could wipe two of three managers: the swarm could never
    /// elect again, which is the documented limit, not a finding. The guard is what keeps it out.
    @Test func wipingAMajorityIsAMissedRecoveryTheDrawNeverMakes() throws {
        let explorer = try ExploreTests.explorer(ExploreTests.plain)
        func line(_ ms: Int, _ text: String) -> ExploreFault.Line { .init(millisecond: ms, text: text) }
        let wipes = ["m2", "m3"].map { node in
            ExploreFault(family: .disk, lines: [line(12_000, "disk \(node) wipe"), line(12_000, "crash \(node)"), line(20_000, "restart \(node)")],
                         takesDown: [node], bringsUp: [node])
        }
        let outcome = explorer.run(seed: 2, schedule: ExploreSchedule(families: [.disk], faults: wipes, earliestQuiet: 50_000), header: [])
        #expect(!outcome.failures.isEmpty)
        for seed in UInt64(1)...150 {
            let texts = explorer.schedule(seed: seed).timeline.map(\.text)
            #expect(texts.filter { $0.hasSuffix(" wipe") && $0.contains(" m") }.count <= 1, "seed \(seed): \(texts)")
        }
    }
}
