import Foundation
import Testing

/// `--format jsonl` everywhere a command prints results, and `null` for "none".
@Suite struct JSONLinesCommandTests {
    /// Every line of `text` as a JSON object.
    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func checkWritesOneObjectPerRunThenTheCounts() throws {
        let outcome = try SimrunProcess.run(["check", "scenarios/drain.scn", "scenarios/failover.scn", "--until", "20s", "--format", "jsonl"])
        #expect(outcome.status == 1)
        let lines = try objects(outcome.stdout)
        #expect(lines.map { $0["kind"] as? String } == ["run", "run", "total"])
        #expect(lines[0]["file"] as? String == "scenarios/drain.scn")
        #expect(lines[0]["verdict"] as? String == "FAIL")
        #expect((lines[0]["failed"] as? [String])?.first?.contains("FAIL scenarios/drain.scn:") == true)
        #expect(lines[0]["replay"] as? String == "simrun scenarios/drain.scn --seed 11 --until 20s")
        #expect(lines[2]["failed"] as? Int == 2)
        #expect(lines[2]["ok"] as? Bool == false)
    }

    @Test func runSeedsWritesTheSameObjectsAndOneForARunWithoutResult() throws {
        let outcome = try SimrunProcess.run(["scenarios/failover.scn", "--seeds", "1..2", "--format", "jsonl", "--run-timeout", "3s"],
                                            environment: ["SIMRUN_WORKER_HANG_SEED": "2"])
        #expect(outcome.status == 1)
        let lines = try objects(outcome.stdout)
        #expect(lines.count == 3)
        #expect(lines[0]["verdict"] as? String == "PASS")
        #expect(lines[1]["verdict"] as? String == "TIMEOUT")
        #expect(lines[1]["replay"] as? String == "simrun scenarios/failover.scn --seed 2")
        #expect(lines[2]["timed_out"] as? Int == 1)
    }

    @Test func noneIsNullInTheEventStream() throws {
        let outcome = try SimrunProcess.run(["scenarios/failover.scn", "--format", "jsonl"])
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.contains(#""node":"-""#))
        #expect(!outcome.stdout.contains(#""target":"""#))
        #expect(outcome.stdout.contains(#""node":null"#))
        #expect(outcome.stdout.contains(#""target":null"#))
        _ = try objects(outcome.stdout)
    }
}
