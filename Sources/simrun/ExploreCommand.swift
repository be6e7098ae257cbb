import Foundation
import Scenarios

/// `simrun explore FILE --seeds A..B [options]`: keeps the file's cluster and services, draws a
/// fault schedule per seed, runs it with a quiet phase after it, and reports the seeds that
/// broke an invariant, an `always`/`never` expectation or a recovery bound (SCENARIO_FORMAT §11).
/// Each failing seed is written as a plain scenario that replays it; `--shrink` adds a minimal one.
enum ExploreCommand {
    static let valueOptions = ["--seeds", "--faults", "--out", "--jobs", "--format", "--shard"]
    static let flagOptions = ["--shrink", "--quiet", "--stop-at-first"]

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "explore", valueOptions: valueOptions, flagOptions: flagOptions)
        if reader.flag("--help") { Console.out(Help.text(for: "explore")); return 0 }
        guard reader.positionals.count == 1 else {
            throw UsageError(reader.positionals.isEmpty ? "missing scenario file" : "explore takes one scenario file", command: "explore")
        }
        let options = try ExploreOptions(reader)
        let path = reader.positionals[0]
        guard let scenario = ScenarioFiles.loadOrReport(path, arguments: arguments) else { return 2 }
        guard ScenarioFiles.isSwarmMode(scenario, command: "explore") else { return 2 }
        let source = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let explorer = ExploreRun(file: path, source: source, scenario: scenario, allowed: options.families)
        let folder = options.out ?? ((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        return sweep(explorer, options: options, folder: folder)
    }

    private static func sweep(_ explorer: ExploreRun, options: ExploreOptions, folder: String) -> Int32 {
        let clock = WallClock()
        let seeds = options.shard.seeds(of: options.seeds)
        let shrink = options.shrink
        let results = runSeeds(seeds, stopAtFirst: options.stopAtFirst, jobs: options.jobs) { seed in
            let outcome = explorer.run(seed: seed)
            guard shrink, !outcome.passed else { return ExploreSeedResult(outcome: outcome, shrunk: nil) }
            return ExploreSeedResult(outcome: outcome, shrunk: ExploreShrinker(run: explorer).shrink(outcome).outcome)
        }
        var failed = 0
        for result in results {
            if !result.outcome.passed {
                failed += 1
                result.write(explorer, folder: folder)
            }
            let record = result.record(explorer, folder: folder)
            if let line = options.jsonl ? record.jsonLine : record.textLine(quiet: options.quiet) { Console.out(line) }
        }
        let summary = ExploreRunSummary(run: options.runCommand(file: explorer.file), file: explorer.file, seeds: "\(options.seeds.lower)..\(options.seeds.upper)",
                                        shard: options.shard == .whole ? nil : options.shard.text, passed: results.count - failed, failed: failed)
        Console.out(options.jsonl ? summary.jsonLine : summary.textLine)
        let seconds = clock.elapsedSeconds
        if options.stopAtFirst, failed > 0, let last = results.last {
            Console.error("explore: stopped at the first failing seed, \(last.outcome.seed), after \(results.count) of \(seeds.count) seeds")
        }
        Console.error(String(format: "explore: %d seeds in %.1fs wall (%.1f seeds/s)", results.count, seconds, Double(results.count) / max(seconds, 0.001)))
        return summary.status
    }
}

extension ExploreCommand {
    /// Runs `seeds` in order, `jobs` at a time. With `stopAtFirst` they run in batches of a few
    /// per job, and the results end at the first failing seed: the seeds after it that a batch
    /// ran anyway are dropped, so the output is the same whatever the number of jobs.
    static func runSeeds(_ seeds: [UInt64], stopAtFirst: Bool, jobs: Int,
                         _ body: @escaping @Sendable (UInt64) -> ExploreSeedResult) -> [ExploreSeedResult] {
        guard stopAtFirst else { return ParallelRunner.map(seeds.count, jobs: jobs) { body(seeds[$0]) } }
        let batch = max(jobs * 4, 1)
        var results: [ExploreSeedResult] = []
        var start = 0
        while start < seeds.count {
            let slice = Array(seeds[start..<min(start + batch, seeds.count)])
            let part = ParallelRunner.map(slice.count, jobs: jobs) { body(slice[$0]) }
            if let failing = part.firstIndex(where: { !$0.outcome.passed }) {
                return results + part[...failing]
            }
            results += part
            start += batch
        }
        return results
    }
}

/// The options of `simrun explore`.
struct ExploreOptions {
    var seeds: SeedRange
    var families: [ExploreFamily]
    var out: String?
    var jobs: Int
    var jsonl: Bool
    var shrink: Bool
    var quiet: Bool
    /// `--stop-at-first`: end the sweep at the first failing seed.
    var stopAtFirst: Bool
    /// `--shard I/N`: this run's slice of `seeds`.
    var shard: SeedShard

    init(_ reader: ArgumentReader) throws(UsageError) {
        seeds = try SeedRange.parse(reader.value("--seeds") ?? "1..100", option: "--seeds", command: "explore")
        families = ExploreFamily.allCases
        if let text = reader.value("--faults") {
            let parsed = ExploreFamily.parseList(text)
            guard let chosen = parsed.families, !chosen.isEmpty else {
                let names = ExploreFamily.allCases.map(\.rawValue)
                let guess = Suggestions.nearest(to: parsed.unknown ?? "", among: names).map { " Did you mean '\($0)'?" } ?? ""
                throw UsageError("unknown fault family '\(parsed.unknown ?? "")' in '--faults'.\(guess) Families: \(names.joined(separator: ", "))", command: "explore")
            }
            families = chosen
        }
        out = reader.value("--out")
        jobs = try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount)
        switch reader.value("--format") ?? "text" {
        case "text": jsonl = false
        case "jsonl": jsonl = true
        case let other: throw UsageError("'--format' is text or jsonl, got '\(other)'", command: "explore")
        }
        shrink = reader.flag("--shrink")
        quiet = reader.flag("--quiet")
        stopAtFirst = reader.flag("--stop-at-first")
        shard = .whole
        if let text = reader.value("--shard") { shard = try SeedShard.parse(text, command: "explore") }
        if stopAtFirst && shard != .whole {
            throw UsageError("'--stop-at-first' cannot be used with '--shard': the shards of a sweep must cover every seed to be merged", command: "explore")
        }
    }

    /// The command that identifies the sweep in its results: what changes them (file, seeds,
    /// families, shrinking), not where they go or how fast (`--out`, `--jobs`, `--format`).
    func runCommand(file: String) -> String {
        var words = ["simrun", "explore", file, "--seeds", "\(seeds.lower)..\(seeds.upper)"]
        if families != ExploreFamily.allCases { words += ["--faults", families.map(\.rawValue).joined(separator: ",")] }
        if shrink { words.append("--shrink") }
        if stopAtFirst { words.append("--stop-at-first") }
        return words.joined(separator: " ")
    }
}
