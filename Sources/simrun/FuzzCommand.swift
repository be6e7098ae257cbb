import Foundation
import Scenarios
import SimEngine

/// `simrun fuzz --seeds A..B [options]`: generates a random valid scenario per seed, runs
/// it, and checks that nothing crashes, hangs, breaks an invariant, writes different output
/// twice, or takes far longer than its events warrant (issue #21). Every failing scenario is
/// written to `--out` as `fuzz-SEED.scn`, with what failed in a comment at its top.
enum FuzzCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "fuzz",
                                        valueOptions: ["--seeds", "--jobs", "--out", "--print", "--jsonl", "--max-duration", "--timeout", "--recheck-every"],
                                        flagOptions: ["--quiet", "--small"])
        if reader.flag("--help") { Console.out(Help.text(for: "fuzz")); return 0 }
        guard reader.positionals.isEmpty else { throw UsageError("fuzz takes no files: it writes its own scenarios", command: "fuzz") }
        var limits = reader.flag("--small") ? FuzzLimits.small : FuzzLimits()
        if let text = reader.value("--max-duration") {
            do {
                limits.maximumDuration = max(.seconds(30), try DurationFormat.parse(text))
            } catch {
                throw UsageError("'--max-duration' needs a duration such as 2m: \(error.message)", command: "fuzz")
            }
        }
        if let text = reader.value("--print") {
            Console.out(String(ScenarioGenerator.text(seed: try seed(text, option: "--print"), limits: limits).dropLast()))
            return 0
        }
        if let text = reader.value("--jsonl") {
            return printJSONLines(seed: try seed(text, option: "--jsonl"), limits: limits)
        }
        guard let text = reader.value("--seeds") else { throw UsageError("missing '--seeds A..B' (or '--print SEED')", command: "fuzz") }
        let options = FuzzOptions(
            seeds: try SeedRange.parse(text, option: "--seeds", command: "fuzz"), limits: limits,
            jobs: try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount),
            timeout: Double(try reader.integer("--timeout", in: 1...86_400, default: 120)),
            recheckEvery: try reader.integer("--recheck-every", in: 0...1_000_000, default: 50),
            reproducers: FuzzReproducers(folder: reader.value("--out") ?? ".build/fuzz", limits: limits),
            quiet: reader.flag("--quiet"))
        return runCampaign(options)
    }

    private static func seed(_ text: String, option: String) throws(UsageError) -> UInt64 {
        guard let seed = UInt64(text) else { throw UsageError("'\(option)' needs a whole number, got '\(text)'", command: "fuzz") }
        return seed
    }

    /// `--jsonl SEED`: the run's JSON lines on standard output (what the cross-process check compares).
    private static func printJSONLines(seed: UInt64, limits: FuzzLimits) -> Int32 {
        switch FuzzCheck.load(seed: seed, limits: limits) {
        case let .failure(finding):
            Console.error(finding.line)
            return 2
        case let .success(scenario):
            return FuzzCheck.run(scenario, output: FileTimelineOutput.standardOutput()).passed ? 0 : 1
        }
    }

    private static func runCampaign(_ options: FuzzOptions) -> Int32 {
        let clock = WallClock()
        let reproducers = options.reproducers
        do {
            try reproducers.prepare()
        } catch {
            Console.error("Error: cannot create '\(reproducers.folder)': \(error.localizedDescription)")
            return 2
        }
        // Said first: after a crash, the files left there name the seeds that were running.
        Console.error("fuzz: seeds \(options.seeds.lower)..\(options.seeds.upper); failing scenarios go to \(reproducers.folder)")
        let limits = options.limits
        let recheckEvery = UInt64(options.recheckEvery)
        let progress = ProgressLine(total: options.seeds.count)
        let campaign = FuzzCampaign(seeds: options.seeds, jobs: options.jobs, timeout: options.timeout, check: { seed in
            let outcome = FuzzSeedCheck.check(seed: seed, limits: limits, acrossProcesses: recheckEvery > 0 && seed % recheckEvery == 0)
            if outcome.passed { reproducers.remove(seed: seed) } else { reproducers.write(outcome) }
            progress.tick(passed: outcome.passed)
            return outcome
        }, willRun: reproducers.writeRunning)
        var outcomes = campaign.run()
        progress.clear()
        FuzzTiming.markSlowRuns(&outcomes)

        var passed = 0, failed = 0, notRun: [UInt64] = []
        for (index, outcome) in outcomes.enumerated() {
            guard let outcome else {
                notRun.append(options.seeds.lower + UInt64(index))
                continue
            }
            if outcome.passed {
                passed += 1
                if !options.quiet { Console.out(String(format: "ok    seed %llu: %d events, %.2fs", outcome.seed, outcome.events, outcome.wallSeconds)) }
                continue
            }
            failed += 1
            if outcome.findings.contains(where: { $0.kind == .hang || $0.kind == .slow }) { reproducers.write(outcome) }
            let more = outcome.findings.count > 1 ? " (+\(outcome.findings.count - 1) more in the file)" : ""
            Console.out("FAIL  seed \(outcome.seed): \(outcome.findings[0].line)\(more); replay: simrun \(reproducers.path(seed: outcome.seed))")
        }
        if let first = notRun.first, let last = notRun.last {
            Console.out("not run: seeds \(first)..\(last) (every thread is stuck in a hung run); resume with --seeds \(first)..\(options.seeds.upper)")
        }
        Console.out("\(passed) passed, \(failed) failed" + (notRun.isEmpty ? "" : ", \(notRun.count) skipped"))
        Console.error(String(format: "fuzz: %d seeds in %.1fs wall", outcomes.count, clock.elapsedSeconds))
        return failed == 0 && notRun.isEmpty ? 0 : 1
    }
}

/// The settings of one `simrun fuzz --seeds` campaign.
struct FuzzOptions {
    var seeds: SeedRange
    var limits: FuzzLimits
    var jobs: Int
    var timeout: Double
    /// Every seed divisible by this runs again in another process (0: none).
    var recheckEvery: Int
    var reproducers: FuzzReproducers
    var quiet: Bool
}
