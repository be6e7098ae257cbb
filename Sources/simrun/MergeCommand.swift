import Foundation
import Scenarios

/// `simrun merge RESULTS.jsonl... [--junit F] [--format text|jsonl] [--quiet]`: joins the
/// JSON-lines results of the shards of one `simrun explore` sweep (`--shard I/N`) into the
/// report the unsharded run prints: its lines in seed order and its `N passed, M failed`, with
/// its exit status (0 every seed passed, 1 one failed). Files that are not complete results
/// of explore, come from different sweeps, overlap, or leave a shard out: exit 2.
enum MergeCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "merge", valueOptions: ["--junit", "--format"], flagOptions: ["--quiet"])
        if reader.flag("--help") { Console.out(Help.text(for: "merge")); return 0 }
        guard !reader.positionals.isEmpty else { throw UsageError("missing results: give the JSON-lines files of explore's shards", command: "merge") }
        let jsonl: Bool
        switch reader.value("--format") ?? "text" {
        case "text": jsonl = false
        case "jsonl": jsonl = true
        case let other: throw UsageError("'--format' is text or jsonl, got '\(other)'", command: "merge")
        }
        if let path = reader.value("--junit"), let problem = ReportPath.problem(writing: path) {
            Console.error("Error: cannot write the JUnit report '\(path)': \(problem)")
            return 2
        }
        let merged: ExploreMerge
        do throws(ExploreResultsFile.Problem) {
            merged = try ExploreMerge(reader.positionals.map { path throws(ExploreResultsFile.Problem) in try ExploreResultsFile(path: path) })
        } catch {
            Console.error("Error: \(error.message)")
            return 2
        }
        for (line, record) in merged.seeds {
            if let text = jsonl ? line : record.textLine(quiet: reader.flag("--quiet")) { Console.out(text) }
        }
        Console.out(jsonl ? merged.summary.jsonLine : merged.summary.textLine)
        if let path = reader.value("--junit") {
            do {
                try merged.junit.xml.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Console.error("Error: cannot write '\(path)': \(error.localizedDescription)")
                return 2
            }
        }
        return merged.summary.status
    }
}

/// The shards of one explore sweep, checked and joined: every shard there once, all from the
/// same command, no seed twice; the seeds in order and the whole sweep's summary.
struct ExploreMerge {
    var seeds: [(line: String, record: ExploreSeedRecord)]
    var summary: ExploreRunSummary

    init(_ files: [ExploreResultsFile]) throws(ExploreResultsFile.Problem) {
        let first = files[0]
        var owner: [Int: String] = [:]
        for file in files {
            guard file.summary.run == first.summary.run else {
                throw .init(message: "'\(file.path)' and '\(first.path)' are results of different sweeps: '\(file.summary.run)' and '\(first.summary.run)'")
            }
            guard file.shard.count == first.shard.count else {
                throw .init(message: "'\(file.path)' is shard \(file.shard.text) but '\(first.path)' is shard \(first.shard.text): they slice the seeds differently")
            }
            if let other = owner[file.shard.index] {
                throw .init(message: "'\(file.path)' and '\(other)' are both shard \(file.shard.text): their seeds overlap")
            }
            owner[file.shard.index] = file.path
        }
        let missing = (1...first.shard.count).filter { owner[$0] == nil }
        guard missing.isEmpty else {
            throw .init(message: "shard\(missing.count == 1 ? "" : "s") " + missing.map { "\($0)/\(first.shard.count)" }.joined(separator: ", ")
                        + " of '\(first.summary.run)' missing: the merged report would not be the whole sweep")
        }
        // Every shard once, each checked to hold only its own seeds: no seed can be twice.
        seeds = files.flatMap(\.seeds).sorted { $0.record.seed < $1.record.seed }
        let failed = seeds.filter { !$0.record.ok }.count
        summary = ExploreRunSummary(run: first.summary.run, file: first.summary.file, seeds: first.summary.seeds, shard: nil,
                                    passed: seeds.count - failed, failed: failed)
    }

    /// One test case per seed.
    var junit: ExploreJUnitReport {
        var report = ExploreJUnitReport(file: summary.file)
        for (_, record) in seeds {
            let failure = record.ok ? nil : (way: record.way ?? "failed", text: record.text ?? "")
            report.add(.init(seed: record.seed, failure: failure, details: record.schedule + (record.replay.map { ["replay: " + $0] } ?? [])))
        }
        return report
    }
}
