import Foundation
import Scenarios

/// `simrun quorum [--managers A..B]`: Docker's fault-tolerance table, with the tolerance
/// measured by simulation next to the one the formula gives.
enum QuorumCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "quorum", valueOptions: ["--managers", "--seed", "--jobs"], flagOptions: [])
        if reader.flag("--help") { Console.out(Help.text(for: "quorum")); return 0 }
        let range = try SeedRange.parse(reader.value("--managers") ?? "1..7", option: "--managers", command: "quorum")
        guard range.lower >= 1, range.upper <= 9 else {
            throw UsageError("'--managers' takes a range within 1..9, got '\(reader.value("--managers") ?? "")'", command: "quorum")
        }
        let seed = UInt64(try reader.integer("--seed", in: 0...Int.max, default: 1))
        let jobs = try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount)
        let experiments = (Int(range.lower)...Int(range.upper)).flatMap { managers in
            (0...managers).map { QuorumExperiment(managers: managers, crashed: $0, seed: seed) }
        }
        let outcomes = ParallelRunner.map(experiments.count, jobs: jobs) { experiments[$0].run() }
        var rows: [[String]] = [["MANAGERS", "MAJORITY", "FAULT TOLERANCE (measured)", "FAULT TOLERANCE (formula)"]]
        var disagreements = 0
        for managers in Int(range.lower)...Int(range.upper) {
            // Measured: the most managers that can be lost while a write still succeeds.
            var measured = 0
            for (experiment, survived) in zip(experiments, outcomes) where experiment.managers == managers {
                if survived && experiment.crashed == measured + 1 { measured = experiment.crashed }
            }
            let formula = (managers - 1) / 2
            if measured != formula { disagreements += 1 }
            rows.append(["\(managers)", "\(managers / 2 + 1)", "\(measured)", "\(formula)"])
        }
        Console.out(table(rows))
        Console.out("")
        Console.out("measured: the most managers crashed (the leader first) after which `docker service create` issued 40s later still succeeds within 50s, seed \(seed)")
        return disagreements == 0 ? 0 : 1
    }

    private static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "   ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
