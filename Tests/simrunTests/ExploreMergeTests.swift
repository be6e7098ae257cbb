import Foundation
import Testing
@testable import simrun

/// `simrun explore --shard I/N` and `simrun merge`: a sweep spread over machines and joined
/// again gives exactly the unsharded run's report (SCENARIO_FORMAT §11), and merge refuses
/// results that would not add up to it.
@Suite struct ExploreMergeTests {
    static let fixture = "Tests/ScenariosTests/Fixtures/explore/plain.scn"

    /// A fresh folder for one test's files.
    private func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-merge-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `simrun explore` on the fixture, failing scenarios written to `out`.
    private func explore(_ extra: [String], seeds: String = "1..8", out: URL) throws -> SimrunProcess.Outcome {
        try SimrunProcess.run(["explore", Self.fixture, "--seeds", seeds, "--out", out.path, "--jobs", "2"] + extra)
    }

    /// Writes `text` to `name` in `folder` and returns its path.
    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func shardsPartitionTheSeedRange() throws {
        for (range, count) in [(SeedRange(lower: 1, upper: 8), 4), (SeedRange(lower: 5, upper: 17), 3), (SeedRange(lower: 1, upper: 2), 4)] {
            let shards = (1...count).map { SeedShard(index: $0, count: count).seeds(of: range) }
            #expect(shards.flatMap { $0 }.sorted() == Array(range.lower...range.upper), "the shards' union is the range, each seed once")
            for (index, seeds) in shards.enumerated() {
                let shard = SeedShard(index: index + 1, count: count)
                #expect(seeds.count == shard.count(of: range))
                #expect(seeds.allSatisfy { shard.contains($0, of: range) && ($0 - range.lower) % UInt64(count) == UInt64(index) })
            }
        }
        #expect(SeedShard(index: 2, count: 4).seeds(of: SeedRange(lower: 1, upper: 8)) == [2, 6])
    }

    @Test func aShardOutsideItsCountIsAUsageError() throws {
        for text in ["5/4", "0/4", "1/0", "2", "a/b"] {
            let outcome = try SimrunProcess.run(["explore", Self.fixture, "--seeds", "1..2", "--shard", text])
            #expect(outcome.status == 2, "--shard \(text)")
            #expect(outcome.stderr.contains("'--shard"), "--shard \(text): \(outcome.stderr)")
        }
    }

    @Test func fourShardsMergedAreTheUnshardedRunByteForByte() throws {
        let dir = try folder("equal")
        let out = dir.appendingPathComponent("out")
        let wholeText = try explore([], out: out)
        let wholeLines = try explore(["--format", "jsonl"], out: out)
        var shards: [String] = []
        for index in 1...4 {
            let shard = try explore(["--shard", "\(index)/4", "--format", "jsonl"], out: out)
            #expect(shard.stdout.split(separator: "\n").count == 3, "two seeds and a summary in shard \(index)/4")
            #expect(shard.status == 0 || shard.status == 1)
            shards.append(try write(shard.stdout, "shard\(index).jsonl", in: dir))
        }
        // Given in any order, the shards join into the whole run's lines, in seed order.
        let junit = dir.appendingPathComponent("report.xml").path
        let mergedText = try SimrunProcess.run(["merge"] + shards.reversed() + ["--junit", junit])
        let mergedLines = try SimrunProcess.run(["merge", "--format", "jsonl"] + shards)
        #expect(mergedText.stdout == wholeText.stdout)
        #expect(mergedLines.stdout == wholeLines.stdout)
        #expect(mergedText.status == wholeText.status && mergedLines.status == wholeText.status)
        #expect(wholeText.stdout.hasSuffix(" failed\n") && wholeText.stdout.split(separator: "\n").count == 9)
        let report = try String(contentsOfFile: junit, encoding: .utf8)
        let failures = wholeText.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }.count
        #expect(report.contains("<testsuites name=\"simrun\" tests=\"8\" failures=\"\(failures)\" errors=\"0\""))
        let quiet = try SimrunProcess.run(["merge", "--quiet"] + shards)
        #expect(quiet.stdout == (try explore(["--quiet"], out: out)).stdout)
    }

    @Test func badResultsAreRefusedWithTheReasonAndStatusTwo() throws {
        let dir = try folder("bad")
        let out = dir.appendingPathComponent("out")
        var shard: [String] = [""]
        for index in 1...2 {
            shard.append(try write(try explore(["--shard", "\(index)/2", "--format", "jsonl"], seeds: "1..4", out: out).stdout, "s\(index).jsonl", in: dir))
        }
        let other = try write(try explore(["--shard", "2/2", "--format", "jsonl"], seeds: "1..6", out: out).stdout, "other.jsonl", in: dir)
        let wholeLines = try explore(["--format", "jsonl"], seeds: "1..4", out: out).stdout
        let cut = try write(String(wholeLines.split(separator: "\n").dropLast().joined(separator: "\n")) + "\n", "cut.jsonl", in: dir)
        let twice = try write(wholeLines + wholeLines, "twice.jsonl", in: dir)
        let text = try write(try explore([], seeds: "1..4", out: out).stdout, "text.txt", in: dir)
        let check = try write(try SimrunProcess.run(["check", "scenarios/failover.scn", "--until", "10s", "--format", "jsonl"]).stdout, "check.jsonl", in: dir)
        let cases: [([String], String)] = [
            ([shard[1], dir.appendingPathComponent("none.jsonl").path], "no such file"),
            ([text], "not a JSON line of 'simrun explore --format jsonl'"),
            ([check], "not of 'simrun explore --format jsonl'"),
            ([shard[1], other], "results of different sweeps"),
            ([shard[1], shard[1], shard[2]], "are both shard 1/2: their seeds overlap"),
            ([shard[1]], "shard 2/2 of 'simrun explore \(Self.fixture) --seeds 1..4' missing"),
            ([cut], "no explore.summary line at the end"),
            ([twice], "a line after the summary"),
            ([shard[1], try write(wholeLines, "whole.jsonl", in: dir)], "slice the seeds differently"),
        ]
        for (files, message) in cases {
            let outcome = try SimrunProcess.run(["merge"] + files)
            #expect(outcome.status == 2, "\(message)")
            #expect(outcome.stderr.contains(message), "\(message): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }
}
