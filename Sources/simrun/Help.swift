/// The help texts of every command.
enum Help {
    struct Command {
        var name: String
        var usage: String
        var summary: String
    }

    static let commands: [Command] = [
        Command(name: "bench", usage: "simrun bench engine|network [options]", summary: "measure the engine (hold model) or replay a randomized network workload"),
    ]

    static func usageLine(for command: String?) -> String {
        guard let command, let entry = commands.first(where: { $0.name == command }) else {
            return "simrun <command> [options]"
        }
        return entry.usage
    }

    static func text(for command: String?) -> String {
        switch command {
        case "bench":
            return """
            USAGE: simrun bench engine [--events N] [--pending N] [--seed N]
                   simrun bench network [--hosts N] [--faults N] [--seed N]

            engine    The hold model on the real event queue: --pending timers (default 10000);
                      each event schedules one more at now plus a random delay, until --events
                      (default 20000000) have run. Prints wall time, then events_per_sec=N.
            network   A randomized workload of hosts pinging each other under partitions,
                      isolation, one-way drops, loss, crashes and reboots. Prints the counters
                      and digest=HEX, a digest of the whole trace: same seed, same digest.

            Build in release mode for meaningful figures: swift run -c release simrun bench engine
            """
        default:
            var lines = [
                "simrun: a deterministic simulator of a Docker Swarm-mode cluster.",
                "",
                "USAGE: simrun <command> [options]",
                "",
                "COMMANDS:",
            ]
            for entry in commands { lines.append("  " + entry.name.padding(toLength: 10, withPad: " ", startingAt: 0) + entry.summary) }
            lines += ["", "OPTIONS:", "  --help     show help (also: simrun <command> --help)", "  --version  show the version"]
            return lines.joined(separator: "\n")
        }
    }
}
