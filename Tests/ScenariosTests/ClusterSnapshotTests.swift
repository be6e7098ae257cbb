import Foundation
import Testing
@testable import Scenarios
import SimEngine

/// `simrun state FILE --at TIME` agrees with the timeline of the same run: the leader, each
/// node's status, the tasks running on each node and the hosts that are down.
@Suite struct ClusterSnapshotTests {
    @Test func tenInstantsOfFailoverAgreeWithItsTimeline() throws {
        let scenario = try #require(PictureTestSupport.libraryScenario("scenarios/failover.scn"))
        let (chronicle, _) = PictureTestSupport.draw(scenario, as: .perfetto)
        for seconds: Int64 in [5, 20, 29, 31, 38, 45, 60, 75, 101, 115] {
            let time = SimInstant(nanoseconds: seconds * 1_000_000_000)
            let snapshot = try #require(ClusterSnapshotReader.snapshot(of: scenario, at: .seconds(seconds)))
            #expect(snapshot.time == time)
            // The leader: the node whose leadership covers the instant, if any.
            let leading = chronicle.spans.filter { $0.track == .raft && Self.covers($0, time) }.map { chronicle.nodes[$0.node].name }
            #expect(snapshot.leader == leading.first, "\(seconds)s: leader")
            #expect(snapshot.raft.filter { $0.role == "leader" }.map(\.node) == leading, "\(seconds)s: Raft leaders")
            // A manager is down while its crash is in force.
            let crashed = chronicle.faults.filter { $0.text.hasPrefix("crash") && $0.start <= time && ($0.end ?? $0.start) > time }
                .flatMap(\.nodes).map { chronicle.nodes[$0].name }
            #expect(snapshot.raft.filter { $0.role == "down" }.map(\.node) == crashed, "\(seconds)s: down managers")
            guard snapshot.leader != nil else { continue }
            for (index, node) in chronicle.nodes.enumerated() {
                // `docker node ls` STATUS is the status the timeline shows at that instant.
                let row = try #require(snapshot.nodeRows.first { $0[1] == node.name })
                let status = chronicle.spans.first { $0.node == index && $0.track == .status && Self.covers($0, time) }
                #expect(row[2].lowercased() == status?.tone, "\(seconds)s: status of \(node.name)")
                // `docker service ps` lists as many running tasks on the node as the timeline.
                let listed = snapshot.services.flatMap(\.rows).filter { $0[3] == node.name && $0[5].hasPrefix("Running") }.count
                let drawn = chronicle.spans.filter { span in
                    guard span.node == index, case .tasks = span.track else { return false }
                    return span.parts.contains { $0.tone == "running" && Self.covers($0, time) }
                }.count
                #expect(listed == drawn, "\(seconds)s: running tasks on \(node.name)")
            }
        }
    }

    @Test func theTextAndJSONSayTheSame() throws {
        let scenario = try #require(PictureTestSupport.libraryScenario("scenarios/partition-minority-leader.scn"))
        let snapshot = try #require(ClusterSnapshotReader.snapshot(of: scenario, at: .seconds(50)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(snapshot.json.utf8)) as? [String: Any])
        #expect(object["t_ns"] as? Int == 50_000_000_000)
        #expect((object["leader"] as? String) == snapshot.leader)
        #expect((object["cuts"] as? [Any])?.count == snapshot.cuts.count)
        #expect(!snapshot.cuts.isEmpty)
        for cut in snapshot.cuts { #expect(snapshot.text.contains("\(cut.from) \(cut.bothWays ? "<->" : "->") \(cut.to)\n")) }
        #expect((object["raft"] as? [[String: Any]])?.map { $0["node"] as? String ?? "" } == snapshot.raft.map(\.node))
        #expect(snapshot.text.contains("\nRAFT\nNODE "))
    }

    /// Whether `span` is in force at `time` (a span ending at the run's end includes it).
    static func covers(_ span: ChronicleSpan, _ time: SimInstant) -> Bool {
        span.start <= time && time < span.end
    }
}
