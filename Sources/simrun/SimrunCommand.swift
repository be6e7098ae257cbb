import Foundation
import Scenarios

/// The top of the command line: picks the subcommand, prints errors in one place, and
/// turns them into exit statuses (0 ok, 1 an expectation failed, 2 bad input or usage).
enum SimrunCommand {
    static let version = "simrun 0.1.0"

    static func main(_ arguments: [String]) -> Int32 {
        do {
            return try dispatch(arguments)
        } catch {
            Console.error("Error: \(error.message)")
            Console.error("Usage: \(Help.usageLine(for: error.command))")
            Console.error("See 'simrun \(error.command.map { "\($0) " } ?? "")--help'.")
            return 2
        }
    }

    private static func dispatch(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let first = arguments.first else {
            Console.out(Help.text(for: nil))
            return 0
        }
        let rest = Array(arguments.dropFirst())
        if first == "--no-color" {
            // Accepted before the command too: `simrun --no-color check scenarios/`.
            return rest.isEmpty ? try dispatch(["--help"]) : try dispatch(rest + ["--no-color"])
        }
        switch first {
        case "--help", "-h", "help":
            return try HelpCommand.run(rest)
        case "--version":
            Console.out(version)
            return 0
        case "run":
            return try RunCommand.run(rest)
        case "check":
            return try CheckCommand.run(rest)
        case "validate":
            return try ValidateCommand.run(rest)
        case "state":
            return try StateCommand.run(rest)
        case "quorum":
            return try QuorumCommand.run(rest)
        case "bench":
            return try BenchCommand.run(rest)
        case "sweep":
            return try SweepCommand.run(rest)
        case "fuzz":
            return try FuzzCommand.run(rest)
        case "explore":
            return try ExploreCommand.run(rest)
        case "merge":
            return try MergeCommand.run(rest)
        case "completion":
            return try CompletionScript.run(rest)
        case WorkerCommand.name:
            return WorkerCommand.run(rest)
        default:
            if first.hasSuffix(".scn") || (!first.hasPrefix("-") && FileManager.default.fileExists(atPath: first)) {
                return try RunCommand.run(arguments)
            }
            if first.hasPrefix("-") {
                var message = "unknown option '\(first)'"
                if let guess = Suggestions.nearest(to: first, among: ["--help", "--version"]) { message += ". Did you mean '\(guess)'?" }
                throw UsageError(message)
            }
            throw UsageError("unknown command '\(first)'" + suggestion(for: first))
        }
    }

    private static func suggestion(for word: String) -> String {
        guard let guess = Suggestions.nearest(to: word, among: Help.commands.map(\.name)) else { return "" }
        return ". Did you mean '\(guess)'?"
    }
}
