import Foundation
import Scenarios

/// `simrun quorum [--managers A..B]`: Docker's fault-tolerance table, with the tolerance
/// measured by simulation next to the one the formula gives.
enum QuorumCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "quorum", valueOptions: ["--managers", "--seed", "--jobs", "--format"], flagOptions: [])
        if reader.flag("--help") { Console.out(Help.text(for: "quorum")); return 0 }
        let range = try SeedRange.parse(reader.value("--managers") ?? "1..7", option: "--managers", command: "quorum")
        guard range.lower >= 1, range.upper <= 9 else {
            throw UsageError("'--managers' takes a range within 1..9, got '\(reader.value("--managers") ?? "")'", command: "quorum")
        }
        let seed = UInt64(try reader.integer("--seed", in: 0...Int.max, default: 1))
        let jobs = try reader.integer("--jobs", in: 1...256, default: ParallelRunner.coreCount)
        let html: Bool
        switch reader.value("--format") ?? "text" {
        case "text": html = false
        case "html": html = true
        case let other: throw UsageError("'--format' is text or html, got '\(other)'", command: "quorum")
        }
        let experiments = (Int(range.lower)...Int(range.upper)).flatMap { managers in
            (0...managers).map { QuorumExperiment(managers: managers, crashed: $0, seed: seed) }
        }
        if html { return page(experiments, range: range, seed: seed, jobs: jobs) }
        let outcomes = ParallelRunner.map(experiments.count, jobs: jobs) { experiments[$0].run() }
        var rows: [[String]] = [["MANAGERS", "MAJORITY", "FAULT TOLERANCE (measured)", "FAULT TOLERANCE (formula)"]]
        var disagreements = 0
        for managers in Int(range.lower)...Int(range.upper) {
            let measured = measuredTolerance(managers, experiments: experiments, survived: outcomes)
            let formula = (managers - 1) / 2
            if measured != formula { disagreements += 1 }
            rows.append(["\(managers)", "\(managers / 2 + 1)", "\(measured)", "\(formula)"])
        }
        Console.out(table(rows))
        Console.out("")
        Console.out("measured: the most managers crashed (the leader first) after which `docker service create` issued 40s later still succeeds within 50s, seed \(seed)")
        return disagreements == 0 ? 0 : 1
    }

    /// The most managers that can be lost while a write still succeeds: the count before the
    /// first crash count whose write failed.
    private static func measuredTolerance(_ managers: Int, experiments: [QuorumExperiment], survived: [Bool]) -> Int {
        var measured = 0
        for (experiment, survived) in zip(experiments, survived) where experiment.managers == managers {
            if survived && experiment.crashed == measured + 1 { measured = experiment.crashed }
        }
        return measured
    }

    /// `--format html`: the table and, per manager count, the last run that kept writing and
    /// the first that did not.
    private static func page(_ experiments: [QuorumExperiment], range: SeedRange, seed: UInt64, jobs: Int) -> Int32 {
        let runs = ParallelRunner.map(experiments.count, jobs: jobs) { experiments[$0].runDrawn() }
        let survived = runs.map(\.survived)
        var rows: [QuorumHTMLWriter.Row] = []
        for managers in Int(range.lower)...Int(range.upper) {
            let measured = measuredTolerance(managers, experiments: experiments, survived: survived)
            let drawn = zip(experiments, runs).filter { $0.0.managers == managers && ($0.0.crashed == measured || $0.0.crashed == measured + 1) }
            rows.append(QuorumHTMLWriter.Row(managers: managers, measured: measured, runs: drawn.map(\.1)))
        }
        Console.out(QuorumHTMLWriter.page(rows: rows, seed: seed), terminator: "")
        return rows.allSatisfy { $0.measured == $0.formula } ? 0 : 1
    }

    private static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "   ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
