// Tests tied to sentences of the Raft paper (Ongaro & Ousterhout, "In Search of an
// Understandable Consensus Algorithm", §5.3–§5.4, Figures 7 and 8), after etcd's
// raft_paper_test.go; §5.1–§5.2 are in RaftPaperTests.swift.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft paper §5.3–§5.4")
struct RaftPaperReplicationTests {
    // MARK: - §5.3 Log replication

    /// §5.3: "The leader appends the command to its log as a new entry, then issues
    /// AppendEntries RPCs in parallel to each of the other servers to replicate the
    /// entry ... the leader includes the index and term of the entry in its log that
    /// immediately precedes the new entries." The new entry is written to disk.
    @Test("§5.3 the leader appends a proposal and replicates it")
    func leaderStartsReplication() {
        var node = leaderWithCommittedNoop(peers: [1, 2, 3])
        let last = node.lastIndex
        let proposal1 = node.propose("some data")
        #expect(proposal1 == .accepted(index: last + 1, term: 1))
        #expect(node.lastIndex == last + 1)
        #expect(node.commitIndex == last)
        let expected = [TestEntry(index: last + 1, term: 1, payload: .command("some data"))]
        let ready = node.takeReady()
        #expect(ready?.messages == [
            message(1, 2, term: 1, .append(prevIndex: last, prevTerm: 1, entries: expected, commit: last)),
            message(1, 3, term: 1, .append(prevIndex: last, prevTerm: 1, entries: expected, commit: last)),
        ])
        #expect(ready?.entries == expected)
        #expect(ready?.overwriteFrom == last + 1)
    }

    /// §5.3: "When the entry has been safely replicated, the leader applies the
    /// entry to its state machine ... The leader keeps track of the highest index
    /// it knows to be committed, and it includes that index in future AppendEntries RPCs."
    @Test("§5.3 the leader commits a replicated entry and tells the followers")
    func leaderCommitsEntry() {
        var node = leaderWithCommittedNoop(peers: [1, 2, 3])
        let last = node.lastIndex
        _ = node.propose("some data")
        for sent in node.readMessages() { node.step(acceptAndReply(sent)) }
        #expect(node.commitIndex == last + 1)
        let ready = node.takeReady()
        #expect(ready?.committedEntries == [TestEntry(index: last + 1, term: 1, payload: .command("some data"))])
        let messages = ready?.messages ?? []
        #expect(messages.map(\.to) == [2, 3])
        for sent in messages {
            guard case .append(_, _, _, let commit) = sent.body else { Issue.record("not an append"); continue }
            #expect(commit == last + 1)
        }
    }

    /// §5.3: "A log entry is committed once the leader that created the entry has
    /// replicated it on a majority of the servers."
    @Test("§5.3 an entry commits once on a majority")
    func leaderAcknowledgesCommit() {
        let cases: [(size: Int, acceptors: Set<RaftNodeID>, committed: Bool)] = [
            (1, [], true), (3, [], false), (3, [2], true), (3, [2, 3], true),
            (5, [], false), (5, [2], false), (5, [2, 3], true), (5, [2, 3, 4], true), (5, [2, 3, 4, 5], true),
        ]
        for (number, test) in cases.enumerated() {
            var node = leaderWithCommittedNoop(peers: (1...test.size).map { RaftNodeID($0) })
            let last = node.lastIndex
            _ = node.propose("some data")
            for sent in node.readMessages() where test.acceptors.contains(sent.to) {
                node.step(acceptAndReply(sent))
            }
            #expect((node.commitIndex > last) == test.committed, "case \(number)")
        }
    }

    /// §5.3: "When the leader commits an entry, it also commits all preceding
    /// entries in the leader's log, including entries created by previous leaders."
    @Test("§5.3 committing an entry commits the entries before it")
    func leaderCommitsPrecedingEntries() {
        let logs: [[TestEntry]] = [[], entries(terms: [2]), entries(terms: [1, 2]), entries(terms: [1])]
        for (number, log) in logs.enumerated() {
            var node = makeNode(1, peers: [1, 2, 3], log: log, term: 2)
            node.becomeCandidate()
            node.becomeLeader()
            _ = node.propose("some data")
            for sent in node.readMessages() {
                if case .append = sent.body { node.step(acceptAndReply(sent)) }
            }
            let next = RaftIndex(log.count)
            let expected = log + [TestEntry(index: next + 1, term: 3, payload: .empty),
                                  TestEntry(index: next + 2, term: 3, payload: .command("some data"))]
            #expect(node.readCommitted() == expected, "case \(number)")
        }
    }

    /// §5.3: "Once a follower learns that a log entry is committed, it applies the
    /// entry to its local state machine (in log order)."
    @Test("§5.3 a follower applies entries the leader says are committed")
    func followerCommitsEntries() {
        let data = [TestEntry(index: 1, term: 1, payload: .command("some data")),
                    TestEntry(index: 2, term: 1, payload: .command("some data2"))]
        for (sent, commit) in [([data[0]], RaftIndex(1)), (data, 2), (data, 1)] {
            var node = makeNode(1, peers: [1, 2, 3])
            node.becomeFollower(term: 1, leader: 2)
            node.step(message(2, 1, term: 1, .append(prevIndex: 0, prevTerm: 0, entries: sent, commit: commit)))
            #expect(node.commitIndex == commit)
            #expect(node.readCommitted() == Array(sent[..<Int(commit)]))
        }
    }

    /// §5.3: "If the follower does not find an entry in its log with the same index
    /// and term [as the one preceding the new entries], then it refuses the new
    /// entries." The refusal carries a hint for fast backtracking.
    @Test("§5.3 the follower's consistency check")
    func followerChecksAppend() {
        let log = entries(terms: [1, 2])
        let cases: [(term: RaftTerm, index: RaftIndex, answer: TestMessage.Body)] = [
            // matches committed entries
            (0, 0, .appendResponse(index: 1, rejected: false, hintIndex: 0, hintTerm: 0)),
            (1, 1, .appendResponse(index: 1, rejected: false, hintIndex: 0, hintTerm: 0)),
            // matches an uncommitted entry
            (2, 2, .appendResponse(index: 2, rejected: false, hintIndex: 0, hintTerm: 0)),
            // mismatches an existing entry
            (1, 2, .appendResponse(index: 2, rejected: true, hintIndex: 1, hintTerm: 1)),
            // no such entry
            (3, 3, .appendResponse(index: 3, rejected: true, hintIndex: 2, hintTerm: 2)),
        ]
        for (number, test) in cases.enumerated() {
            var node = makeNode(1, peers: [1, 2, 3], log: log, commit: 1)
            node.becomeFollower(term: 2, leader: 2)
            node.step(message(2, 1, term: 2, .append(prevIndex: test.index, prevTerm: test.term, entries: [], commit: 0)))
            #expect(node.readMessages() == [message(1, 2, term: 2, test.answer)], "case \(number)")
        }
    }

    /// §5.3: "If an existing entry conflicts with a new one (same index but
    /// different terms), delete the existing entry and all that follow it; append
    /// any new entries not already in the log." Matching entries are kept.
    @Test("§5.3 a follower replaces conflicting entries and keeps matching ones")
    func followerAppendsEntries() {
        let cases: [(index: RaftIndex, term: RaftTerm, sent: [TestEntry], log: [RaftTerm], written: [TestEntry]?)] = [
            (2, 2, entries(from: 3, terms: [3]), [1, 2, 3], entries(from: 3, terms: [3])),
            (1, 1, entries(from: 2, terms: [3, 4]), [1, 3, 4], entries(from: 2, terms: [3, 4])),
            (0, 0, entries(from: 1, terms: [1]), [1, 2], nil),
            (0, 0, entries(from: 1, terms: [3]), [3], entries(from: 1, terms: [3])),
        ]
        for (number, test) in cases.enumerated() {
            var node = makeNode(1, peers: [1, 2, 3], log: entries(terms: [1, 2]))
            node.becomeFollower(term: 2, leader: 2)
            node.step(message(2, 1, term: 2, .append(prevIndex: test.index, prevTerm: test.term, entries: test.sent, commit: 0)))
            #expect(node.logTerms == test.log, "case \(number)")
            let ready = node.takeReady()
            #expect(ready?.overwriteFrom == test.written?.first?.index, "case \(number)")
            #expect((ready?.entries ?? []) == (test.written ?? []), "case \(number)")
        }
    }

    /// §5.3 and Figure 8's neighbour, Figure 7: "the leader must find the latest log
    /// entry where the two logs agree, delete any entries in the follower's log after
    /// that point, and send the follower all of the leader's entries after that
    /// point." Followers (a)–(f) all end with the leader's log.
    @Test("§5.3 Figure 7: every follower log converges to the leader's", arguments: Array(0..<6))
    func leaderSyncsFollowerLog(figure: Int) {
        let leaderLog = entries(terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6])
        let followerLogs: [[RaftTerm]] = [
            [1, 1, 1, 4, 4, 5, 5, 6, 6],             // (a) missing one entry
            [1, 1, 1, 4],                            // (b) missing many
            [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],       // (c) one extra uncommitted entry
            [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],    // (d) extra entries of a later term
            [1, 1, 1, 4, 4, 4, 4],                   // (e) missing and extra entries
            [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],       // (f) entries of terms 2 and 3 never committed
        ]
        let term: RaftTerm = 8
        let leaderDisk = disk(peers: [1, 2, 3], log: leaderLog, term: term, commit: RaftIndex(leaderLog.count))
        let followerDisk = disk(peers: [1, 2, 3], log: entries(terms: followerLogs[figure]), term: term - 1)
        let leader = TestNode(id: 1, persisted: leaderDisk, random: RandomStream(seed: 1, name: "raft-1"))
        let follower = TestNode(id: 2, persisted: followerDisk, random: RandomStream(seed: 1, name: "raft-2"))
        // Node 3 exists only as a vote: the follower may have a more up-to-date log
        // than the leader and refuse its vote.
        var net = RaftTestNetwork(nodes: [leader, follower], disks: [leaderDisk, followerDisk])
        net.campaign(1)
        net.send(message(3, 1, term: term + 1, .voteResponse(granted: true)))
        #expect(net[1].isLeader)
        net.propose(1, "x")
        #expect(net[2].logEntries == net[1].logEntries)
        #expect(net[2].commitIndex == net[1].commitIndex)
    }

    // MARK: - §5.4 Safety

    /// §5.4.1: "The RequestVote RPC includes information about the candidate's log."
    @Test("§5.4.1 a vote request carries the candidate's last index and term")
    func voteRequestCarriesLog() {
        for (log, term) in [(entries(terms: [1]), RaftTerm(2)), (entries(terms: [1, 2]), 3)] {
            var node = makeNode(1, peers: [1, 2, 3])
            node.step(message(2, 1, term: term - 1, .append(prevIndex: 0, prevTerm: 0, entries: log, commit: 0)))
            _ = node.readMessages()
            for _ in 1..<(2 * node.config.electionTick) { node.tick() }
            let last = log.last!
            #expect(node.readMessages() == [
                message(1, 2, term: term, .vote(lastIndex: last.index, lastTerm: last.term, transfer: false)),
                message(1, 3, term: term, .vote(lastIndex: last.index, lastTerm: last.term, transfer: false)),
            ])
        }
    }

    /// §5.4.1: "The voter denies its vote if its own log is more up-to-date than
    /// that of the candidate": a later last term wins; with equal last terms, the
    /// longer log wins.
    @Test("§5.4.1 a vote requires a log at least as up-to-date")
    func voterChecksUpToDate() {
        let cases: [(log: [RaftTerm], lastTerm: RaftTerm, lastIndex: RaftIndex, rejected: Bool)] = [
            ([1], 1, 1, false), ([1], 1, 2, false), ([1, 1], 1, 1, true),
            ([1], 2, 1, false), ([1], 2, 2, false), ([1, 1], 2, 1, false),
            ([2], 1, 1, true), ([2], 1, 2, true), ([2, 2], 1, 1, true), ([1, 1], 1, 1, true),
        ]
        for (number, test) in cases.enumerated() {
            var node = makeNode(1, peers: [1, 2], log: entries(terms: test.log))
            node.step(message(2, 1, term: 3, .vote(lastIndex: test.lastIndex, lastTerm: test.lastTerm, transfer: false)))
            let answers = node.readMessages()
            #expect(answers.count == 1, "case \(number)")
            #expect(answers.first?.body == .voteResponse(granted: !test.rejected), "case \(number)")
        }
    }

    /// §5.4.2: "Raft never commits log entries from previous terms by counting
    /// replicas. Only log entries from the leader's current term are committed by
    /// counting replicas."
    @Test("§5.4.2 only current-term entries are committed by counting replicas")
    func leaderOnlyCommitsCurrentTerm() {
        for (acknowledged, committed) in [(RaftIndex(1), RaftIndex(0)), (2, 0), (3, 3)] {
            var node = makeNode(1, peers: [1, 2], log: entries(terms: [1, 2]), term: 2)
            node.becomeCandidate()   // term 3
            node.becomeLeader()
            _ = node.readMessages()
            _ = node.propose("x")
            node.step(message(2, 1, term: node.term, .appendResponse(index: acknowledged, rejected: false, hintIndex: 0, hintTerm: 0)))
            #expect(node.commitIndex == committed)
        }
    }

    /// §5.4.2, Figure 8: an entry of an earlier term stored on a majority can still
    /// be overwritten by a future leader, so the leader of term 4 must not count
    /// replicas of its term-2 entry (c). If it did and crashed, S5 could be elected
    /// and overwrite it (d). Once an entry of term 4 is on a majority, everything
    /// before it is committed and S5 can no longer win (e). (The paper has no
    /// leader lease, so CheckQuorum is off here.)
    @Test("§5.4.2 Figure 8: old-term replicas are not counted")
    func figureEight() {
        let peers: [RaftNodeID] = [1, 2, 3, 4, 5]
        let logs: [RaftNodeID: [RaftTerm]] = [1: [1, 2], 2: [1, 2], 3: [1], 4: [1], 5: [1, 3]]
        let config = RaftConfig(checkQuorum: false)
        var disks: [TestDisk] = []
        var nodes: [TestNode] = []
        for id in peers {
            let nodeDisk = disk(peers: peers, log: entries(terms: logs[id]!), term: 3, commit: 1)
            disks.append(nodeDisk)
            nodes.append(TestNode(id: id, config: config, persisted: nodeDisk, random: RandomStream(seed: 8, name: "raft-\(id)")))
        }
        var net = RaftTestNetwork(nodes: nodes, disks: disks)
        net.checker = RaftInvariantChecker()
        // (c) S1 leads term 4 with S2 and S3, and replicates its term-2 entry to S3,
        // but its term-4 entry reaches nobody yet.
        net.cut(1, 4)
        net.cut(1, 5)
        net.rewrite = { message in
            guard case .append(let prevIndex, let prevTerm, let sent, let commit) = message.body else { return message }
            var stripped = message
            stripped.body = .append(prevIndex: prevIndex, prevTerm: prevTerm, entries: sent.filter { $0.term != 4 }, commit: commit)
            return stripped
        }
        net.campaign(1)
        #expect(net[1].isLeader && net[1].term == 4)
        #expect(net[3].entry(at: 2)?.term == 2)
        #expect(net[1].peers.filter { $0.match >= 2 }.map(\.id) == [2, 3])
        #expect(net[1].commitIndex == 1, "index 2 is on a majority but of an old term")
        let atC = net.observe()
        #expect(atC.isEmpty)

        // (e) The term-4 entry reaches a majority: indexes 2 and 3 commit, and S5
        // can no longer win: a majority has a more up-to-date log.
        var healed = net
        healed.rewrite = nil
        healed.tick(1)
        #expect(healed[1].commitIndex == 3)
        #expect(!healed[2].log.isUpToDate(lastIndex: 2, lastTerm: 3))
        healed.recover()
        healed.campaign(5)
        #expect(!healed[5].isLeader)
        let atE = healed.observe()
        #expect(atE.isEmpty)

        // (d) Instead S1 crashes; S5 wins with S2, S3 and S4 (in term 5, S2 and S3
        // voted for S1 in term 4) and overwrites index 2 everywhere.
        net.crash(1)
        net.recover()
        net.campaign(5)
        #expect(!net[5].isLeader)
        net.campaign(5)
        #expect(net[5].isLeader && net[5].term == 5)
        for id: RaftNodeID in [2, 3, 4] { #expect(net[id].entry(at: 2)?.term == 3) }
        let atD = net.observe()
        #expect(atD.isEmpty, "nothing committed was lost")
    }

    // MARK: - Helpers

    /// A leader of term 1 whose empty entry is committed and applied (etcd `commitNoopEntry`).
    private func leaderWithCommittedNoop(peers: [RaftNodeID]) -> TestNode {
        var node = makeNode(1, peers: peers)
        node.becomeCandidate()
        node.becomeLeader()
        node.broadcastAppend()
        for sent in node.readMessages() { node.step(acceptAndReply(sent)) }
        _ = node.readMessages()
        return node
    }
}
