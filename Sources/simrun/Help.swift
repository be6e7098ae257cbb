/// The help texts of every command.
enum Help {
    struct Command {
        var name: String
        var usage: String
        var summary: String
    }

    static let commands: [Command] = [
        Command(name: "bench", usage: "simrun bench engine|network [options]", summary: "measure the engine (hold model) or replay a randomized network workload"),
        Command(name: "sweep", usage: "simrun sweep raft|elections [--seeds A..B] [--managers 3,5,7] [--jobs N]", summary: "randomized Raft fault sweeps and election-time statistics"),
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
        case "sweep":
            return """
            USAGE: simrun sweep raft [--seeds A..B] [--managers 3,5,7] [--jobs N] [--quiet]
                   simrun sweep elections [--seeds A..B] [--managers 3,5] [--jobs N]

            raft       For every seed and manager count: a Raft cluster on the real engine under
                       2 minutes of random crashes, restarts, partitions, one-way drops, loss and
                       latency while a client proposes; then the faults stop and the cluster has
                       a minute of quiet. A run fails on any safety violation (two leaders in a
                       term, diverging logs, a lost or changed committed entry), on no leader
                       within 50 s of the faults stopping, or on an acknowledged proposal missing
                       from a member. Prints one line per manager count and "N passed, M failed".
                       Exit status 1 if any run failed.
            elections  For every seed: the leader crashes; prints min, median, p90 and max of the
                       time until a new leader, with SwarmKit's defaults (tick 1s, election tick 10).

            --seeds A..B   seeds to run (default 1..100)
            --managers L   comma-separated manager counts (default 3,5,7)
            --jobs N       parallel runs (default: the number of cores)
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
