import Foundation
import Testing

/// `check --seeds A..B --shard I/N`: the I-th of N disjoint slices of the seeds, so that
/// machines can share a sweep of plain scenarios as they share an explore sweep.
@Suite struct CheckShardTests {
    /// The seed and verdict of every run line of a `check --format jsonl` output.
    private func runs(_ text: String) throws -> [String] {
        try text.split(separator: "\n").compactMap { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["kind"] as? String == "run" else { return nil }
            return "\(object["seed"] as? Int ?? -1) \(object["verdict"] as? String ?? "")"
        }
    }

    @Test func theShardsOfCheckSplitTheSeedsAndTogetherRunThemAll() throws {
        let base = ["check", "scenarios/failover.scn", "--seeds", "3..7", "--until", "5s", "--format", "jsonl", "--jobs", "2"]
        let whole = try runs(try SimrunProcess.run(base).stdout)
        let first = try runs(try SimrunProcess.run(base + ["--shard", "1/2"]).stdout)
        let second = try runs(try SimrunProcess.run(base + ["--shard", "2/2"]).stdout)
        #expect(first.map { $0.split(separator: " ")[0] } == ["3", "5", "7"])
        #expect(second.map { $0.split(separator: " ")[0] } == ["4", "6"])
        #expect((first + second).sorted() == whole.sorted())
    }

    @Test func aShardWithoutSeedsIsAUsageError() throws {
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "--shard", "1/2"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("'--shard' slices the seeds of '--seeds A..B'"))
    }
}
