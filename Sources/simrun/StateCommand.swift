import Foundation
import Scenarios
import SimEngine

/// `simrun state FILE --at TIME [--seed N] [--format text|json]`: the cluster at one instant.
enum StateCommand {
    static let formats = ["text", "json"]

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "state", valueOptions: ["--at", "--seed", "--format"], flagOptions: ["--no-color"])
        if reader.flag("--help") { Console.out(Help.text(for: "state")); return 0 }
        guard reader.positionals.count == 1 else {
            throw UsageError(reader.positionals.isEmpty ? "missing scenario file" : "state takes one scenario file", command: "state")
        }
        guard let atText = reader.value("--at") else {
            throw UsageError("missing '--at TIME': the instant to show, such as 30s or 1m30s", command: "state")
        }
        let at: SimDuration
        do {
            at = try DurationFormat.parse(atText)
        } catch {
            throw UsageError("'--at' needs a duration such as 30s or 1m30s: \(error.message)", command: "state")
        }
        var seed: UInt64?
        if let text = reader.value("--seed") {
            guard let value = UInt64(text) else { throw UsageError("'--seed' needs a whole number, got '\(text)'", command: "state") }
            seed = value
        }
        let format = reader.value("--format") ?? "text"
        guard formats.contains(format) else {
            var message = "unknown format '\(format)': use text or json"
            if let guess = Suggestions.nearest(to: format, among: formats) { message += ". Did you mean '\(guess)'?" }
            throw UsageError(message, command: "state")
        }
        guard let scenario = ScenarioFiles.loadOrReport(reader.positionals[0], arguments: arguments) else { return 2 }
        guard ScenarioFiles.isSwarmMode(scenario, command: "state") else { return 2 }
        guard at >= .zero, at <= scenario.duration else {
            throw UsageError("'--at \(atText)' is outside the run of \(scenario.file) (0s to \(DurationFormat.format(scenario.duration)))", command: "state")
        }
        guard let snapshot = ClusterSnapshotReader.snapshot(of: scenario, at: at, seed: seed) else {
            Console.error("Error: the run stopped making progress before \(DurationFormat.format(at)): run 'simrun \(scenario.file)' to see where")
            return 3
        }
        Console.out(format == "json" ? snapshot.json : snapshot.text, terminator: "")
        return 0
    }
}
