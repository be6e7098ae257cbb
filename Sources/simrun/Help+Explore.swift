import Scenarios
import SimModels

extension Help {
    static let explore = """
    USAGE: simrun explore FILE.scn [--seeds A..B] [options]

    Keeps FILE's cluster and services, drops its timeline, and for every seed draws a fault
    schedule: which fault families are on (a random non-empty subset of those allowed), then
    1-8 faults between 10s and 70-130s, aimed by role (the leader, a minority or a majority
    of the managers, workers), each healed or restarted after 2-40s or left for the quiet
    phase. The quiet phase then heals every fault (clock rates and disk latencies too),
    restarts every host still down (a second apart) and makes drained nodes active again (30s
    and 60s in). Hosts are crashed and stopped by name, never as `leader`, so that the quiet
    phase knows what to restart. A clock fault steps a node's clock or changes its rate; a
    disk fault slows its syncs or wipes it (the node crashes and boots outside the swarm),
    never on more than (N-1)/2 of the managers, so that a majority keeps its Raft data.

    A seed fails on an invariant violation, an `always` or `never` expectation of FILE, or a
    missed recovery, measured from the quiet phase's start: no leader 60s in (the leader of
    SCENARIO_FORMAT section 6, SwarmKit's election timeout being 10-20s), or a service not
    converged 120s in. Prints one line per failing seed (what failed, when, and the file that
    replays it), then "N passed, M failed". Each failing seed is written to --out as
    NAME-seedN.scn, a plain scenario: `simrun NAME-seedN.scn` replays it by itself.

    OPTIONS:
      --seeds A..B          seeds to explore (default 1..100); same file and seed, same schedule
      --shard I/N           only the I-th of N disjoint slices of the seeds: those whose position
                            in A..B is I-1 modulo N, so that N machines share a sweep; join
                            their --format jsonl results with `simrun merge`
      --faults LIST         the families allowed, comma-separated (default all):
                            \(ExploreFamily.allCases.map(\.rawValue).joined(separator: ","))
      --shrink              also write NAME-seedN.min.scn: delta debugging on the faults keeps
                            the fewest that still fail the same way (same invariant kind, same
                            expectation, same missed recovery); then each service, and the last
                            worker or manager, that no fault or expectation names is dropped
                            while it still fails the same way
      --stop-at-first       end the sweep at the first failing seed (in seed order, whatever
                            --jobs), to measure how many seeds a bug takes to find; not with
                            --shard
      --out DIR             where failing scenarios go (default: FILE's folder)
      --jobs N              parallel runs (default: the number of cores)
      --format text|jsonl   text lines, or one JSON object per seed (its families, schedule and,
                            failing, the way, time, text and replay command) then a summary
                            object (the sweep's command, seeds, shard and counts)
      --quiet               print only failing seeds and the count

    Planted bugs, to see what the checks catch (a teaching and calibration aid): set
    `cluster.raft.mutant` in FILE to one of \(RaftMutant.names.joined(separator: ", ")).

    EXIT STATUS: 0 every seed passed, 1 a seed failed, 2 bad input or usage.
    """

    static let merge = """
    USAGE: simrun merge RESULTS.jsonl... [--junit FILE] [--format text|jsonl] [--quiet]

    Joins the results of the shards of one sweep, each written by `simrun explore FILE --seeds
    A..B --shard I/N --format jsonl`, into the report the unsharded run prints: its lines in
    seed order, then "N passed, M failed". Each file must be one shard's complete results (its
    summary line last); all must come from the same command (file, seeds, --faults, --shrink),
    every shard 1/N..N/N must be there once, and no seed twice. Otherwise it says which file
    is wrong and why, and exits 2.

    OPTIONS:
      --format text|jsonl   the unsharded run's text lines, or its JSON lines
      --junit FILE          also write a JUnit XML report, one test case per seed
      --quiet               print only failing seeds and the count

    EXIT STATUS: 0 every seed passed, 1 a seed failed, 2 bad input or usage.
    """
}
