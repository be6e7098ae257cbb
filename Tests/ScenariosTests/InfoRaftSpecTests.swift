import Foundation
import Testing
@testable import Scenarios
import SimEngine

/// `docker info`'s Raft section on a manager prints the cluster object's Raft spec, which the
/// first leader wrote from its own Raft configuration (SwarmKit `becomeLeader`) (#15).
@Suite struct InfoRaftSpecTests {
    @Test func infoPrintsTheTicksTheSwarmWasCreatedWith() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: docker 1.12's ticks
            duration: 20s
            cluster:
              managers: 3
              raft: {heartbeat_tick: 1, election_tick: 3}
            timeline:
              - at 10s: docker info
            """, seed: 1))
        #expect(result.passed, "\(timeline)")
        let lines = timeline.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let raft = try #require(lines.firstIndex(of: "Raft:"), "\(timeline)")
        #expect(Array(lines[(raft + 1)...].prefix(4)) == ["Snapshot Interval: 10000", "Number of Old Snapshots to Retain: 0",
                                                         "Heartbeat Tick: 1", "Election Tick: 3"], "\(timeline)")
    }
}
