import Foundation
import Scenarios
import SimEngine
import SimModels

/// `simrun sweep raft|elections`: randomized Raft fault sweeps and election-time statistics.
enum SweepCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let which = arguments.first, !which.hasPrefix("-") else {
            if arguments.contains("--help") || arguments.contains("-h") { Console.out(Help.text(for: "sweep")); return 0 }
            throw UsageError("'sweep' needs a kind: raft or elections", command: "sweep")
        }
        let reader = try ArgumentReader(Array(arguments.dropFirst()), command: "sweep",
                                        valueOptions: ["--seeds", "--managers", "--jobs"], flagOptions: ["--quiet"])
        if reader.flag("--help") { Console.out(Help.text(for: "sweep")); return 0 }
        let seeds = try SeedRange.parse(reader.value("--seeds") ?? "1..100", option: "--seeds", command: "sweep")
        let managers = try managerCounts(reader.value("--managers") ?? "3,5,7")
        let jobs = try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount)
        switch which {
        case "raft": return raft(seeds: seeds, managers: managers, jobs: jobs, quiet: reader.flag("--quiet"))
        case "elections": return elections(seeds: seeds, managers: managers, jobs: jobs)
        default:
            var message = "unknown sweep '\(which)'"
            if let guess = Suggestions.nearest(to: which, among: ["raft", "elections"]) { message += ". Did you mean '\(guess)'?" }
            throw UsageError(message, command: "sweep")
        }
    }

    private static func managerCounts(_ text: String) throws(UsageError) -> [Int] {
        var counts: [Int] = []
        for part in text.split(separator: ",") {
            guard let n = Int(part), (1...9).contains(n) else {
                throw UsageError("'--managers' takes numbers from 1 to 9 separated by commas, got '\(text)'", command: "sweep")
            }
            counts.append(n)
        }
        return counts
    }

    private static func raft(seeds: SeedRange, managers: [Int], jobs: Int, quiet: Bool) -> Int32 {
        let clock = WallClock()
        let runs = managers.flatMap { m in (0..<seeds.count).map { (m, seeds.lower + UInt64($0)) } }
        let outcomes = ParallelRunner.map(runs.count, jobs: jobs) { index in
            RaftFaultSweep().run(seed: runs[index].1, managers: runs[index].0)
        }
        var failed = 0
        for outcome in outcomes where !outcome.passed {
            failed += 1
            for line in outcome.violations + outcome.failures {
                Console.out("FAIL seed=\(outcome.seed) managers=\(outcome.managers): \(line)")
            }
        }
        for m in managers {
            let mine = outcomes.filter { $0.managers == m }
            let recoveries = mine.compactMap(\.recovery).map(\.seconds).sorted()
            let acknowledged = mine.reduce(0) { $0 + $1.acknowledged }
            let events = mine.reduce(0) { $0 + $1.events }
            Console.out("managers=\(m) seeds=\(mine.count) passed=\(mine.filter(\.passed).count) violations=\(mine.reduce(0) { $0 + $1.violations.count }) acknowledged=\(acknowledged) events=\(events) recovery_p50_s=\(format(percentile(recoveries, 0.5))) recovery_max_s=\(format(recoveries.last ?? 0))")
        }
        Console.error("wall_s=\(format(clock.elapsedSeconds))")
        Console.out("\(outcomes.count - failed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }

    private static func elections(seeds: SeedRange, managers: [Int], jobs: Int) -> Int32 {
        for m in managers {
            let times = ParallelRunner.map(seeds.count, jobs: jobs) { index in
                ElectionTiming.measure(seed: seeds.lower + UInt64(index), managers: m)?.seconds
            }
            let measured = times.compactMap { $0 }.sorted()
            Console.out("managers=\(m) runs=\(times.count) elected=\(measured.count) min_s=\(format(measured.first ?? 0)) median_s=\(format(percentile(measured, 0.5))) p90_s=\(format(percentile(measured, 0.9))) max_s=\(format(measured.last ?? 0))")
        }
        return 0
    }

    private static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count - 1)).rounded())
        return sorted[rank]
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
