import Foundation
import Scenarios

/// The help texts of every command (`simrun --help`, `simrun COMMAND --help`).
enum Help {
    struct Command {
        var name: String
        var usage: String
        var summary: String
    }

    static let commands: [Command] = [
        Command(name: "run", usage: "simrun [run] FILE.scn [--seed N | --seeds A..B] [--until TIME] [--format text|jsonl|perfetto|html] [--trace raft[=all]] [--output FILE] [--quiet] [--timing] [--jobs N] [--run-timeout D]",
                summary: "run one scenario and print its timeline (also: simrun FILE.scn)"),
        Command(name: "check", usage: "simrun check PATH... [--seed N | --seeds A..B [--shard I/N]] [--jobs N] [--run-timeout D] [--junit FILE] [--format text|jsonl] [--quiet] [--timing]",
                summary: "run every scenario under the paths, in parallel; CI mode"),
        Command(name: "validate", usage: "simrun validate [--dump] FILE...", summary: "parse and check scenario files without running them"),
        Command(name: "state", usage: "simrun state FILE.scn --at TIME [--seed N] [--format text|json]",
                summary: "the cluster at one instant: node ls, service ps, each manager's Raft state, cuts"),
        Command(name: "quorum", usage: "simrun quorum [--managers A..B] [--seed N] [--jobs N] [--format text|html]",
                summary: "Docker's (N-1)/2 fault-tolerance table, measured by simulation"),
        Command(name: "bench", usage: "simrun bench engine|network|cluster [options]",
                summary: "measure the engine, a randomized network workload, or a whole swarm of a given size"),
        Command(name: "sweep", usage: "simrun sweep raft|elections [--seeds A..B] [--managers 3,5,7] [--jobs N]",
                summary: "randomized Raft fault sweeps and election-time statistics"),
        Command(name: "fuzz", usage: "simrun fuzz --seeds A..B [--jobs N] [--out DIR] [--quiet]   or   simrun fuzz --print SEED",
                summary: "random valid scenarios: no crash, hang, invariant violation or nondeterminism"),
        Command(name: "explore", usage: "simrun explore FILE.scn [--seeds A..B] [--shard I/N] [--faults LIST] [--shrink] [--out DIR] [--jobs N] [--format text|jsonl] [--quiet]",
                summary: "random fault schedules on a scenario's swarm: invariants and recovery, shrunk to a minimal scenario"),
        Command(name: "merge", usage: "simrun merge RESULTS.jsonl... [--junit FILE] [--format text|jsonl] [--quiet]",
                summary: "join the JSON-lines results of explore's shards into the unsharded run's report"),
        Command(name: "completion", usage: "simrun completion bash|zsh|fish", summary: "print a shell completion script"),
    ]

    static func usageLine(for command: String?) -> String {
        guard let command, let entry = commands.first(where: { $0.name == command }) else {
            return "simrun <command> [options]   or   simrun FILE.scn [options]"
        }
        return entry.usage
    }

    static func text(for command: String?) -> String {
        switch command {
        case "run": return run
        case "check": return check
        case "validate": return validate
        case "state": return state
        case "quorum": return quorum
        case "bench": return bench
        case "sweep": return sweep
        case "fuzz": return fuzz
        case "explore": return explore
        case "merge": return merge
        case "completion": return completion
        default: return overview
        }
    }

    static var overview: String {
        var lines = [
            "simrun: a deterministic simulator of a Docker Swarm-mode cluster. It runs Swarm's control",
            "plane (Raft, store, dispatcher, orchestrators, scheduler, agents) on simulated hosts, disks",
            "and networks, applies a scenario's timeline and faults, checks its expectations, and prints",
            "a timeline in simulated time. Same file, same seed: the same output.",
            "",
            "USAGE: simrun <command> [options]",
            "       simrun FILE.scn [options]        (same as: simrun run FILE.scn)",
            "",
            "COMMANDS:",
        ]
        for entry in commands { lines.append("  " + entry.name.padding(toLength: 10, withPad: " ", startingAt: 0) + entry.summary) }
        lines += [
            "",
            "OPTIONS:",
            "  --help     show help (also: simrun <command> --help)",
            "  --version  show the version",
            "  --no-color no colours (every command; also NO_COLOR=1 or TERM=dumb)",
            "",
            "EXIT STATUS: 0 every expectation held; 1 an expectation failed, a command's expect: did not",
            "match or an invariant was violated; 2 bad input or usage; 3 the simulation stopped making",
            "progress (more events in an instant or a simulated second than a cluster of that size can",
            "need: a livelock; the report names the components whose events filled it). Commands that do",
            "many runs (check, run --seeds) exit 2 if a file has errors, else 1 if any run failed,",
            "stopped making progress, crashed or timed out, else 0.",
            "",
            "HELP TOPICS (simrun help TOPIC):",
        ]
        for topic in ReferenceText.Topic.allCases {
            lines.append("  " + topic.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + topic.summary)
        }
        lines += [
            "",
            "The whole reference (the language, the JSON lines, the exit statuses) is docs/reference.md",
            "in the repository; the manual page is docs/simrun.1 (man ./docs/simrun.1).",
        ]
        return lines.joined(separator: "\n")
    }

    static let run = """
    USAGE: simrun [run] FILE.scn [options]

    Builds the cluster the file describes, runs the timeline and prints one line per event
    (TIME  NODE  COMPONENT  MESSAGE, time in simulated seconds), then the expectation results
    and a summary. A failing run prints what failed, when, and the command that replays it.

    OPTIONS:
      --seed N              the seed (overrides the file's seed:)
      --seeds A..B          run every seed in the range, in parallel worker processes; one line
                            per seed, and what failed in each failing run, as check prints
                            them. A run whose worker crashes (CRASH) or that goes past
                            --run-timeout (TIMEOUT) is reported with its replay command; the
                            other runs go on
      --until TIME          stop earlier than the file's duration (e.g. 45s, 1m30s)
      --format F            timeline format: text (default); jsonl: one JSON object per event
                            (with --seeds: one per run, then the counts, as check prints them);
                            perfetto: a Chrome trace-event JSON file for ui.perfetto.dev or
                            chrome://tracing (a process per node, threads raft, dispatcher,
                            agent, tasks; leadership, status and task states as spans; faults
                            and expectations as instants; microseconds of simulated time);
                            html: one self-contained page (no network needed) with a lane per
                            node (role and term, status, tasks coloured by state), faults as
                            shaded spans, expectations as pass/fail marks, hover for the
                            text, zoom; more than 50 workers fold into one summary lane.
                            perfetto and html draw one run: not with --seeds
      --trace raft          add Raft's messages to the timeline (one run): votes asked, granted
                            and refused with the reason, appends and their answers, snapshots;
                            a leader's heartbeats folded into a line a second (raft=all: every
                            heartbeat and answer); kinds raft.msg and raft.vote in jsonl
      --output FILE         write the timeline to FILE instead of standard output
      --quiet               only failures and the summary
      --timing              wall time and events per second, on standard error
      --jobs N              worker processes with --seeds (default: the number of cores)
      --run-timeout D       with --seeds: a run with no result after D of wall time is timed out
                            and its worker replaced (default 10m; 0: no limit)
      --no-color            no colours even on a terminal

    EXIT STATUS: 0 all held; 1 something failed (with --seeds: a run failed, stopped making
    progress, crashed or timed out); 2 bad input or usage; 3 the simulation stopped making
    progress (a livelock: the report names the components responsible).
    """

    static let check = """
    USAGE: simrun check PATH... [options]

    Runs every .scn file under the paths (folders are searched recursively), each run in a
    worker process, several at once. Prints one line per run while the runs go on (a run's
    line as soon as it and every run before it have finished: the bytes do not depend on the
    order the workers finish in), with the failures and replay command of each failing run,
    then "N passed, M failed". On a terminal, a progress line on standard error counts the runs
    passed and failed and estimates the time left, and results are coloured. A run whose worker crashes is
    reported as CRASH with its signal and the first and last lines of its standard error, a
    run past --run-timeout as TIMEOUT, both with their replay command; the other runs go on,
    and the count adds ", K crashed" and ", T timed out" (JUnit: an <error>). Files with errors
    are reported (exit 2).

    OPTIONS:
      --seed N         run every file with this seed instead of its own
      --seeds A..B     run every file with every seed in the range
      --shard I/N      with --seeds, only the I-th of N disjoint slices of the seeds (those
                       whose position in A..B is I-1 modulo N), to spread them over machines
      --jobs N         worker processes (default: the number of cores)
      --run-timeout D  a run with no result after D of wall time is timed out and its worker
                       replaced (default 10m; 0: no limit)
      --junit FILE     write a JUnit XML report (its folder must exist: checked before the runs)
      --format F       text (default) or jsonl: one JSON object per run ("kind":"run", with
                       "verdict" and "failed"), then one with the counts ("kind":"total")
      --until TIME     stop every run earlier than its duration
      --quiet          print only failing runs and the final count
      --timing         wall time and events per second, on standard error
      --no-color       no colours even on a terminal (so do NO_COLOR=1 and TERM=dumb)

    EXIT STATUS: 0 all passed; 1 a run failed, crashed or timed out; 2 a file has errors or bad
    usage.
    """

    static let validate = """
    USAGE: simrun validate [--dump] FILE|FOLDER...

    Parses and checks scenario files without simulating anything. Every error is reported as
    FILE:LINE:COLUMN: error: ..., with the source line, a caret and a hint.

    OPTIONS:
      --dump    print the parsed YAML document as JSON (mappings in file order, every scalar a
                string), as a string-only YAML loader such as PyYAML's BaseLoader gives it

    A folder stands for every .scn file under it.

    EXIT STATUS: 0 every file is valid, 2 otherwise.
    """

    static let state = """
    USAGE: simrun state FILE.scn --at TIME [--seed N] [--format text|json]

    Runs the scenario until TIME and prints the cluster as it is at the end of that instant:
    the leader a user would see, docker node ls and docker service ps of each service as the
    leader's store has them, each manager's Raft state (ROLE, TERM, the VOTE it cast in that
    term, the LEADER it follows, LAST INDEX and LAST TERM of its log, COMMIT, APPLIED and the
    MEMBERS of its configuration; down or stopped managers say so) and the network cuts in
    force (A <-> B both ways, A -> B one way). Step through a run: --at 30s, --at 31s, ...

    OPTIONS:
      --at TIME          the instant, from 0s to the file's duration (e.g. 45s, 1m30s)
      --seed N           the seed (overrides the file's seed:)
      --format F         text (default) or json: one object with t_ns, file, seed, leader,
                         nodes, services (name, tasks), raft and cuts

    EXIT STATUS: 0 printed; 2 bad input or usage; 3 the run stopped making progress before TIME.
    """

    static let quorum = """
    USAGE: simrun quorum [--managers A..B] [--seed N] [--jobs N] [--format text|html]

    For each number of managers N in the range (default 1..7, at most 1..9), simulates a swarm
    that loses 0, 1, 2... managers (the leader first) and tries a write (docker service create).
    Prints Docker's table: MANAGERS, MAJORITY, and the FAULT TOLERANCE measured by the runs
    beside the one the formula (N-1)/2 gives.

    OPTIONS:
      --managers A..B   manager counts to measure (default 1..7)
      --seed N          seed of every run (default 1)
      --jobs N          parallel runs (default: the number of cores)
      --format F        text (default) or html: one self-contained page with the table and,
                        per manager count, a small timeline of the two runs that decide it
                        (the most managers lost with the write succeeding, and one more):
                        each manager's leadership and time down, the crash and the write.
                        simrun quorum --format html > quorum.html

    EXIT STATUS: 0 if measurement and formula agree for every N, 1 otherwise.
    """

    static let bench = """
    USAGE: simrun bench engine [--events N] [--pending N] [--seed N]
           simrun bench network [--hosts N] [--faults N] [--seed N]
           simrun bench cluster [--managers M] [--workers N] [--replicas R] [--duration D] [--seed S] [--traffic RATE]

    engine    The hold model on the real event queue: --pending timers (default 10000);
              each event schedules one more at now plus a random delay, until --events
              (default 20000000) have run. Prints wall time, then events_per_sec=N.
    network   A randomized workload of hosts pinging each other under partitions,
              isolation, one-way drops, loss, crashes and reboots. Prints the counters
              and digest=HEX, a digest of the whole trace: same seed, same digest.
    cluster   A swarm of M managers (default 7) and N workers (default 1000) running one
              service of R replicas (default 3000) for D of simulated time (default 1h),
              through the same code as any scenario. --traffic RATE publishes 8080 and adds
              a client sending RATE requests/s through every node's routing mesh, which
              turns the data plane (gossip, load balancers, DNS) on. The last line is
              wall_s=... events=... events_per_sec=... sim_s_per_wall_s=... messages=...
              dropped=... peak_rss_mb=...

    Build in release mode for meaningful figures: swift run -c release simrun bench engine
    """

    static let sweep = """
    USAGE: simrun sweep raft [--seeds A..B] [--managers 3,5,7] [--jobs N] [--quiet]
           simrun sweep elections [--seeds A..B] [--managers 3,5,7] [--jobs N]

    raft       For every seed and manager count: a Raft cluster on the real engine under
               2 minutes of random crashes, restarts, partitions, one-way drops, loss and
               latency while a client proposes; then the faults stop and the cluster has
               up to 4 minutes of quiet. A run fails on any safety violation (two leaders in
               a term, diverging logs, a lost or changed committed entry), on no leader within
               180 s of the faults stopping, or on an acknowledged proposal missing from a
               member. Prints one line per manager count and "N passed, M failed".
               Exit status 1 if any run failed.
    elections  For every seed: the leader crashes; prints min, median, p90 and max of the
               time until a new leader, with SwarmKit's defaults (tick 1s, election tick 10).

    --seeds A..B   seeds to run (default 1..100)
    --managers L   comma-separated manager counts (default 3,5,7, for raft and elections alike)
    --jobs N       parallel runs (default: the number of cores)
    """

    static let fuzz = """
    USAGE: simrun fuzz --seeds A..B [options]
           simrun fuzz --print SEED | --jsonl SEED [--small] [--max-duration D]

    For every seed, generates a random scenario that is valid by construction (1-9 managers,
    0-50 workers, labels and resources, services with constraints, preferences, restart
    policies, update and rollback settings, x-sim keys; a timeline of crashes, restarts,
    stops, partitions, drops, latency, loss, heals, kills, drains, promotions, scaling,
    updates and rollbacks), loads it from its text and runs it twice. A seed fails if its
    text does not load (a generator bug), an invariant is violated, the two runs write
    different JSON lines, a run hangs, or it takes far longer than its events warrant. Every
    50th seed also runs in a second process, whose JSON lines must be the same.
    Prints one line per failing seed (and per passing seed unless --quiet), then
    "N passed, M failed". Each failing scenario is written to the --out folder as
    fuzz-SEED.scn, what failed in a comment at its top; replay it with simrun FILE.

    OPTIONS:
      --seeds A..B          seeds to generate and run
      --jobs N              parallel runs (default: the number of cores)
      --out DIR             where failing scenarios go (default .build/fuzz)
      --quiet               print only failing seeds and the count
      --max-duration D      the longest run generated (default 30m, at least 30s)
      --small               small clusters (up to 5 managers, 6 workers) and runs (90s)
      --timeout S           wall seconds a seed may run before it counts as a hang (default 120)
      --recheck-every N     run every Nth seed again in another process (default 50; 0: never)
      --print SEED          print the scenario of SEED and stop
      --jsonl SEED          run the scenario of SEED and print its JSON lines

    A crash stops the whole process: the files of the seeds it was running stay in --out,
    marked as running. EXIT STATUS: 0 all passed, 1 a seed failed, 2 bad usage.
    """

    static let completion = """
    USAGE: simrun completion bash|zsh|fish

    Prints a completion script for the shell: commands, their options and .scn files.

      bash   eval "$(simrun completion bash)"   (in ~/.bashrc)
      zsh    simrun completion zsh > ~/.zsh/completions/_simrun   (a folder in $fpath)
      fish   simrun completion fish > ~/.config/fish/completions/simrun.fish

    `make install` puts all three where those shells look under PREFIX.
    """
}
