import Scenarios
import SimModels

extension Help {
    static let explore = """
    USAGE: simrun explore FILE.scn [--seeds A..B] [options]

    Keeps FILE's cluster and services, drops its timeline, and for every seed draws a fault
    schedule: which fault families are on (a random non-empty subset of those allowed), then
    1-8 faults between 10s and 70-130s, aimed by role (the leader, a minority or a majority
    of the managers, workers), each healed or restarted after 2-40s or left for the quiet
    phase. The quiet phase then heals every fault, restarts every host still down (a second
    apart) and makes drained nodes active again (30s and 60s in). Hosts are crashed and
    stopped by name, never as `leader`, so that the quiet phase knows what to restart; no
    disk is ever lost, so every manager can restart.

    A seed fails on an invariant violation, an `always` or `never` expectation of FILE, or a
    missed recovery, measured from the quiet phase's start: no leader 60s in (the leader of
    SCENARIO_FORMAT section 6, SwarmKit's election timeout being 10-20s), or a service not
    converged 120s in. Prints one line per failing seed (what failed, when, and the file that
    replays it), then "N passed, M failed". Each failing seed is written to --out as
    NAME-seedN.scn, a plain scenario: `simrun NAME-seedN.scn` replays it by itself.

    OPTIONS:
      --seeds A..B          seeds to explore (default 1..100); same file and seed, same schedule
      --faults LIST         the families allowed, comma-separated (default all):
                            \(ExploreFamily.allCases.map(\.rawValue).joined(separator: ","))
      --shrink              also write NAME-seedN.min.scn: delta debugging on the faults keeps
                            the fewest that still fail the same way (same invariant kind, same
                            expectation, same missed recovery)
      --out DIR             where failing scenarios go (default: FILE's folder)
      --jobs N              parallel runs (default: the number of cores)
      --format text|jsonl   text lines, or one JSON object per seed then a summary object
      --quiet               print only failing seeds and the count

    Planted bugs, to see what the checks catch (a teaching and calibration aid): set
    `cluster.raft.mutant` in FILE to one of \(RaftMutant.names.joined(separator: ", ")).

    EXIT STATUS: 0 every seed passed, 1 a seed failed, 2 bad input or usage.
    """
}
