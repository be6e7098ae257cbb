// The invariant checker: it must catch injected violations, and find none in
// randomized runs of the real algorithm with drops, partitions and crashes.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft invariant checker")
struct RaftInvariantCheckerTests {
    private typealias Checker = RaftInvariantChecker<String>
    private typealias Observation = RaftNodeObservation<String>

    private func entry(_ index: RaftIndex, _ term: RaftTerm, _ command: String) -> TestEntry {
        TestEntry(index: index, term: term, payload: .command(command))
    }

    private func node(_ id: RaftNodeID, term: RaftTerm, role: RaftRoleKind = .follower, commit: RaftIndex = 0,
                      _ log: [TestEntry]) -> Observation {
        Observation(id: id, term: term, role: role, leaderID: role == .leader ? id : nil, commitIndex: commit,
                    appliedIndex: commit, entries: log)
    }

    /// Election safety (§5.2): at most one leader per term, over the whole run.
    @Test("detects two leaders in one term")
    func detectsTwoLeaders() {
        var checker = Checker()
        let found1 = checker.observe([node(1, term: 3, role: .leader, [])])
        #expect(found1.isEmpty)
        // Later, another node claims the same term while 1 is gone.
        let found = checker.observe([node(2, term: 3, role: .leader, [])])
        #expect(found.map(\.kind) == [.electionSafety])
        #expect(found.first?.nodes == [1, 2])
        #expect(found.first?.description == "election safety violated: 1 and 2 were both leader in term 3")
    }

    /// Log matching (§5.3): same index and term means same entry and same history.
    @Test("detects diverging logs")
    func detectsDivergingLogs() {
        var checker = Checker()
        let found = checker.observe([
            node(1, term: 1, [entry(1, 1, "x"), entry(2, 1, "y")]),
            node(2, term: 1, [entry(1, 1, "x"), entry(2, 1, "z")]),
        ])
        #expect(found.map(\.kind) == [.logMatching])
        #expect(found.first?.index == 2)
        #expect(found.first?.details.contains("2/1 y") == true)
        #expect(found.first?.details.contains("2/1 z") == true)

        // Same entry at index 2, different history before it.
        var other = Checker()
        let history = other.observe([
            node(1, term: 2, [entry(1, 1, "x"), entry(2, 2, "y")]),
            node(3, term: 2, [entry(1, 2, "w"), entry(2, 2, "y")]),
        ])
        #expect(history.map(\.kind) == [.logMatching])
    }

    /// State machine safety (§5.4.3): one entry per index, committed or applied.
    @Test("detects two entries committed or applied at one index")
    func detectsConflictingCommits() {
        var checker = Checker()
        let found2 = checker.observe([node(1, term: 1, commit: 1, [entry(1, 1, "x")])])
        #expect(found2.isEmpty)
        let committed = checker.observe([node(2, term: 2, commit: 1, [entry(1, 2, "y")])])
        #expect(committed.map(\.kind) == [.stateMachineSafety])
        let applied = checker.recordApplied([entry(1, 3, "z")], by: 3)
        #expect(applied.map(\.kind) == [.stateMachineSafety])
        #expect(applied.first?.details == "3 applied 1/3 z at index 1, but 1/1 x was committed there (seen committed on 1)")
    }

    /// Durability: an entry a client was told committed is in every later leader's log.
    @Test("detects a lost acknowledged entry")
    func detectsLostAcknowledgedEntry() {
        var checker = Checker()
        let found3 = checker.observe([node(1, term: 1, role: .leader, [entry(1, 1, "x"), entry(2, 1, "y")])])
        #expect(found3.isEmpty)
        let acknowledged1 = checker.acknowledge(entry(2, 1, "y"), leaderTerm: 1)
        #expect(acknowledged1.isEmpty)
        checker.nodeCrashed(1)
        // Node 1's disk lost index 2 and a new leader is elected without it.
        let found = checker.observe([node(2, term: 2, role: .leader, [entry(1, 1, "x")])])
        #expect(found.map(\.kind) == [.durability])
        #expect(found.first?.details == "2 became leader in term 2 but has no entry at index 2, where 2/1 y was committed and acknowledged to a client")
        // An acknowledgement that contradicts what was committed.
        var other = Checker()
        _ = other.observe([node(1, term: 1, commit: 1, [entry(1, 1, "x")])])
        let acknowledged2 = other.acknowledge(entry(1, 1, "not x"), leaderTerm: 1)
        #expect(acknowledged2.map(\.kind) == [.durability])
    }

    /// Leader completeness (§5.4.1): a later leader lacks a committed entry.
    @Test("detects a leader missing a committed entry")
    func detectsIncompleteLeader() {
        var checker = Checker()
        _ = checker.observe([node(1, term: 1, commit: 2, [entry(1, 1, "x"), entry(2, 1, "y")])])
        let found = checker.observe([node(2, term: 2, role: .leader, [entry(1, 1, "x"), entry(2, 2, "other")])])
        #expect(found.map(\.kind) == [.leaderCompleteness])
        // A stale leader of the same term as the commit is not blamed.
        var stale = Checker()
        _ = stale.observe([node(1, term: 3, commit: 1, [entry(1, 3, "x")])])
        let found4 = stale.observe([node(2, term: 3, role: .leader, [])])
        #expect(found4.isEmpty)
    }

    /// Legal histories raise nothing: a follower's uncommitted entry is replaced.
    @Test("accepts a legal overwrite of an uncommitted entry")
    func acceptsLegalOverwrite() {
        var checker = Checker()
        let found5 = checker.observe([
            node(1, term: 2, role: .leader, [entry(1, 1, "x"), entry(2, 2, "a")]),
            node(2, term: 2, [entry(1, 1, "x"), entry(2, 2, "a")]),
        ])
        #expect(found5.isEmpty)
        let found6 = checker.observe([
            node(2, term: 3, role: .leader, commit: 3, [entry(1, 1, "x"), entry(2, 3, "b"), entry(3, 3, "c")]),
            node(3, term: 3, commit: 3, [entry(1, 1, "x"), entry(2, 3, "b"), entry(3, 3, "c")]),
        ])
        #expect(found6.isEmpty)
        let found7 = checker.observe([node(1, term: 3, commit: 3, [entry(1, 1, "x"), entry(2, 3, "b"), entry(3, 3, "c")])])
        #expect(found7.isEmpty)
        #expect(checker.violations.isEmpty)
    }

    /// Randomized runs of the real algorithm: random ticks, message reordering,
    /// loss, partitions, crashes before or after persisting, restarts, snapshots,
    /// leadership transfers. The checker must find nothing, and once every fault
    /// heals the cluster must converge.
    @Test("no violation in randomized runs")
    func randomizedRuns() {
        var failures: [String] = []
        for seed in UInt64(1)...250 {
            if let failure = RaftFuzz.run(seed: seed, steps: 400) {
                failures.append("seed \(seed): \(failure)")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// One randomized run; returns a description of the first problem found.
enum RaftFuzz {
    static func run(seed: UInt64, steps: Int) -> String? {
        var network: RaftTestNetwork?
        return run(seed: seed, steps: steps, network: &network)
    }

    /// The same run, handing back the network as it ended (for statistics).
    static func run(seed: UInt64, steps: Int, network result: inout RaftTestNetwork?) -> String? {
        var random = RandomStream(seed: seed, name: "fuzz")
        let size = random.nextBool(probability: 0.5) ? 3 : 5
        // A short election timeout and small snapshot interval: more elections,
        // more compactions and InstallSnapshots per step.
        let config = RaftConfig(electionTick: 5, heartbeatTick: 1, checkQuorum: random.nextBool(probability: 0.8),
                                preVote: random.nextBool(probability: 0.25), snapshotInterval: 6,
                                logEntriesForSlowFollowers: 2, maxEntriesPerMessage: 3, maxInflight: 4)
        var net = RaftTestNetwork(size: size, config: config, seed: seed)
        defer { result = net }
        net.checker = RaftInvariantChecker()
        net.autoCompacts = true
        net.deliversInstantly = false
        net.processesReadyAtOnce = false
        var proposals = 0
        for step in 0..<steps {
            let live = net.liveIDs
            let crashed = net.ids.filter { net.hosts[$0] == nil }
            let roll = random.nextInt(below: 100)
            switch roll {
            case 0..<15:
                if let id = pick(live, &random) { net.tick(id) }
            case 15..<57:
                // Deliver a random pending message: links reorder.
                if !net.pending.isEmpty {
                    let position = random.nextInt(below: net.pending.count)
                    let message = net.pending.remove(at: position)
                    net.deliverNow(message)
                }
            case 57..<60:
                if !net.pending.isEmpty { net.pending.remove(at: random.nextInt(below: net.pending.count)) }
            case 60..<78:
                if let id = pick(live, &random) { net.process(id) }
            case 78..<88:
                let target = net.leader ?? pick(live, &random)
                if let id = target {
                    proposals += 1
                    net.propose(id, "s\(seed)-\(proposals)")
                }
            case 88..<91:
                if let a = pick(net.ids, &random), let b = pick(net.ids, &random), a != b { net.cut(a, b) }
            case 91..<93:
                net.recover()
            case 93..<95:
                if let id = pick(live, &random) { net.crash(id) }
            case 95..<97:
                if let id = pick(crashed, &random) { net.restart(id) }
            case 97..<98:
                if let leader = net.leader, let target = pick(net.ids.filter { $0 != leader }, &random) {
                    net.transferLeadership(from: leader, to: target)
                }
            case 98..<99:
                // Membership: remove a follower, or add a brand-new member.
                if let leader = net.leader {
                    let members = net[leader].membership.ids
                    if members.count > 3 && random.nextBool(probability: 0.5) {
                        if let victim = pick(members.filter { $0 != leader }, &random) {
                            net.proposeConfChange(leader, .removeNode(victim))
                        }
                    } else if members.count < 5 {
                        let newcomer = (net.ids.max() ?? 0) + 1
                        if net.proposeConfChange(leader, .addNode(newcomer, address: "m\(newcomer)")).isAccepted {
                            net.addHost(newcomer)
                        }
                    }
                }
            default:
                if let id = pick(live, &random) { net.tick(id, times: 10) }
            }
            if let violation = net.observe().first {
                return "step \(step): \(violation)"
            }
        }
        // Heal everything; the cluster must converge.
        net.recover()
        for id in net.ids where net.hosts[id] == nil { net.restart(id) }
        net.deliversInstantly = true
        net.processesReadyAtOnce = true
        for id in net.ids { net.process(id) }
        net.deliver()
        var converged = false
        for _ in 0..<300 {
            net.tickAll()
            if let violation = net.observe().first { return "while healing: \(violation)" }
            if net.stormed { return "message storm while healing" }
            if let leader = net.leader, net[leader].membership.ids.allSatisfy({ net[$0].commitIndex == net[leader].lastIndex
                && net.hosts[$0]!.appliedIndex == net[leader].lastIndex && net[$0].term == net[leader].term }) {
                converged = true
                break
            }
        }
        if !converged {
            let state = net.ids.map { "\($0): \(net[$0].roleKind) term \(net[$0].term) commit \(net[$0].commitIndex) last \(net[$0].lastIndex) members \(net[$0].membership.ids)" }
            return "did not converge: \(state.joined(separator: "; "))"
        }
        let members = net[net.leader!].membership.ids
        let reference = net.hosts[members[0]]!.appState
        if !members.allSatisfy({ net.hosts[$0]!.appState == reference }) { return "application states differ" }
        // Everything acknowledged is in the state machines.
        for entry in net.acknowledged where !reference.contains(entry.command!) {
            return "acknowledged \(entry) is missing"
        }
        return nil
    }

    private static func pick(_ ids: [RaftNodeID], _ random: inout RandomStream) -> RaftNodeID? {
        ids.isEmpty ? nil : ids[random.nextInt(below: ids.count)]
    }
}
