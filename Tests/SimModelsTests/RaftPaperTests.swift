// Tests tied to sentences of the Raft paper (Ongaro & Ousterhout, "In Search of an
// Understandable Consensus Algorithm", §5.1–§5.4, Figures 7 and 8), after etcd's
// raft_paper_test.go. Each test has three parts: set up a state, step the
// scenario, check the messages and the state.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft paper §5")
struct RaftPaperTests {
    // MARK: - §5.1 Terms

    /// §5.1: "If one server's current term is smaller than the other's, then it
    /// updates its current term to the larger value. If a candidate or leader
    /// discovers that its term is out of date, it immediately reverts to follower state."
    @Test("§5.1 a node takes a higher term from a message and becomes follower",
          arguments: [RaftRoleKind.follower, .candidate, .leader])
    func updateTermFromMessage(role: RaftRoleKind) {
        var node = makeNode(1, peers: [1, 2, 3])
        switch role {
        case .follower: node.becomeFollower(term: 1, leader: 2)
        case .candidate: node.becomeCandidate()
        case .leader, .preCandidate:
            node.becomeCandidate()
            node.becomeLeader()
        }
        node.step(message(2, 1, term: 2, .append(prevIndex: 0, prevTerm: 0, entries: [], commit: 0)))
        #expect(node.term == 2)
        #expect(node.roleKind == .follower)
    }

    /// §5.1: "If a server receives a request with a stale term number, it rejects
    /// the request." etcd ignores it; with CheckQuorum it answers with its higher
    /// term so that a deposed leader learns it.
    @Test("§5.1 a request with a stale term is rejected")
    func rejectStaleTermMessage() {
        var node = makeNode(1, peers: [1, 2, 3], log: entries(terms: [1]), term: 2)
        let before = node.logEntries
        node.step(message(2, 1, term: 1, .append(prevIndex: 1, prevTerm: 1, entries: entries(from: 2, terms: [1]), commit: 2)))
        #expect(node.logEntries == before)
        #expect(node.commitIndex == 0)
        #expect(node.leaderID == nil)
        #expect(node.term == 2)
        #expect(node.readMessages() == [message(1, 2, term: 2, .appendResponse(index: 0, rejected: false, hintIndex: 0, hintTerm: 0))])
    }

    // MARK: - §5.2 Leader election

    /// §5.2: "When servers start up, they begin as followers."
    @Test("§5.2 servers start as followers")
    func startAsFollower() {
        let node = makeNode(1, peers: [1, 2, 3])
        #expect(node.roleKind == .follower)
        let bootstrapped = TestNode.bootstrap(id: 1, members: [RaftMember(id: 1, address: "m1")], random: RandomStream(seed: 1))
        #expect(bootstrapped.roleKind == .follower)
    }

    /// §5.2: "Leaders send periodic heartbeats (AppendEntries RPCs that carry no
    /// log entries) to all followers in order to maintain their authority."
    @Test("§5.2 the leader broadcasts heartbeats every heartbeat tick")
    func leaderBroadcastsHeartbeat() {
        var node = makeNode(1, peers: [1, 2, 3])
        node.becomeCandidate()
        node.becomeLeader()
        for i in 0..<10 { _ = node.propose("c\(i)") }
        _ = node.readMessages()
        node.tick()
        #expect(node.readMessages() == [
            message(1, 2, term: 1, .heartbeat(commit: 0)),
            message(1, 3, term: 1, .heartbeat(commit: 0)),
        ])
    }

    /// Figure 2, AppendEntries: a follower sets its commit index to
    /// min(leaderCommit, index of last new entry). A heartbeat carries no entries,
    /// so etcd sends min(match, committed): a follower never commits entries the
    /// leader does not know it holds (they might be stale ones of another term).
    @Test("§5.3 a heartbeat carries min(match, commit)")
    func heartbeatCommitIsCappedByMatch() {
        var node = makeNode(1, peers: [1, 2, 3])
        node.becomeCandidate()
        node.becomeLeader()
        node.broadcastAppend()
        _ = node.propose("a")
        _ = node.propose("b")
        for _ in 0..<3 {
            for sent in node.readMessages() where sent.to == 2 {
                if case .append = sent.body { node.step(acceptAndReply(sent)) }
            }
        }
        #expect(node.commitIndex == 3)
        node.tick()
        #expect(node.readMessages() == [
            message(1, 2, term: 1, .heartbeat(commit: 3)),
            message(1, 3, term: 1, .heartbeat(commit: 0)),
        ])
    }

    /// §5.2: "If a follower receives no communication over a period of time called
    /// the election timeout, then it ... begins an election ... increments its
    /// current term and transitions to candidate state. It then votes for itself
    /// and issues RequestVote RPCs in parallel to each of the other servers."
    /// And: "if ... a candidate neither wins nor loses the election ... [it] will
    /// time out and start a new election by incrementing its term."
    @Test("§5.2 a follower or candidate starts an election on timeout", arguments: [RaftRoleKind.follower, .candidate])
    func nonLeaderStartsElection(role: RaftRoleKind) {
        var node = makeNode(1, peers: [1, 2, 3])
        if role == .follower { node.becomeFollower(term: 1, leader: 2) } else { node.becomeCandidate() }
        _ = node.readMessages()
        for _ in 1..<(2 * node.config.electionTick) { node.tick() }
        #expect(node.term == 2)
        #expect(node.roleKind == .candidate)
        #expect(node.vote == 1)
        guard case .candidate(let tally) = node.role else { Issue.record("not a candidate"); return }
        #expect(tally.answers.map(\.id) == [1])
        #expect(node.readMessages() == [
            message(1, 2, term: 2, .vote(lastIndex: 0, lastTerm: 0, transfer: false)),
            message(1, 3, term: 2, .vote(lastIndex: 0, lastTerm: 0, transfer: false)),
        ])
    }

    /// §5.2: "A candidate wins an election if it receives votes from a majority of
    /// the servers in the full cluster for the same term." It returns to follower
    /// when a majority denies it, and stays candidate while undecided (a split
    /// vote, resolved by a new election after a timeout).
    @Test("§5.2 a candidate wins, loses or waits in one round of votes")
    func electionInOneRound() {
        let cases: [(size: Int, votes: [RaftNodeID: Bool], role: RaftRoleKind)] = [
            (1, [:], .leader),
            (3, [2: true, 3: true], .leader),
            (3, [2: true], .leader),
            (5, [2: true, 3: true, 4: true, 5: true], .leader),
            (5, [2: true, 3: true, 4: true], .leader),
            (5, [2: true, 3: true], .leader),
            (3, [2: false, 3: false], .follower),
            (5, [2: false, 3: false, 4: false, 5: false], .follower),
            (5, [2: true, 3: false, 4: false, 5: false], .follower),
            (3, [:], .candidate),
            (5, [2: true], .candidate),
            (5, [2: false, 3: false], .candidate),
            (5, [:], .candidate),
        ]
        for (number, test) in cases.enumerated() {
            var node = makeNode(1, peers: (1...test.size).map { RaftNodeID($0) })
            node.campaign()
            for (voter, granted) in test.votes.sorted(by: { $0.key < $1.key }) {
                node.step(message(voter, 1, term: node.term, .voteResponse(granted: granted)))
            }
            #expect(node.roleKind == test.role, "case \(number)")
            #expect(node.term == 1, "case \(number)")
        }
    }

    /// §5.2: "Each server will vote for at most one candidate in a given term, on a
    /// first-come-first-served basis."
    @Test("§5.2 one vote per term, first come first served")
    func followerVotesOncePerTerm() {
        let cases: [(vote: RaftNodeID?, candidate: RaftNodeID, rejected: Bool)] = [
            (nil, 2, false), (nil, 3, false), (2, 2, false), (3, 3, false), (2, 3, true), (3, 2, true),
        ]
        for (number, test) in cases.enumerated() {
            var node = makeNode(1, peers: [1, 2, 3], term: 1, vote: test.vote)
            node.step(message(test.candidate, 1, term: 1, .vote(lastIndex: 0, lastTerm: 0, transfer: false)))
            #expect(node.readMessages() == [message(1, test.candidate, term: 1, .voteResponse(granted: !test.rejected))],
                    "case \(number)")
        }
    }

    /// §5.2: "While waiting for votes, a candidate may receive an AppendEntries RPC
    /// from another server claiming to be leader. If the leader's term ... is at
    /// least as large as the candidate's current term, then the candidate
    /// recognizes the leader as legitimate and returns to follower state."
    @Test("§5.2 a candidate falls back to follower on AppendEntries of its term or later", arguments: [RaftTerm(1), 2])
    func candidateFallsBack(term: RaftTerm) {
        var node = makeNode(1, peers: [1, 2, 3])
        node.campaign()
        #expect(node.roleKind == .candidate)
        node.step(message(2, 1, term: term, .append(prevIndex: 0, prevTerm: 0, entries: [], commit: 0)))
        #expect(node.roleKind == .follower)
        #expect(node.term == term)
        #expect(node.leaderID == 2)
    }

    /// §5.2: "Raft uses randomized election timeouts ... election timeouts are
    /// chosen randomly from a fixed interval." etcd: [electionTick, 2*electionTick-1],
    /// re-drawn at every reset.
    @Test("§5.2 election timeouts are random and cover [et, 2et-1]", arguments: [RaftRoleKind.follower, .candidate])
    func electionTimeoutIsRandomized(role: RaftRoleKind) {
        var node = makeNode(1, peers: [1, 2, 3])
        let et = node.config.electionTick
        var seen = Set<Int>()
        for _ in 0..<(50 * et) {
            if role == .follower { node.becomeFollower(term: node.term + 1, leader: 2) } else { node.becomeCandidate() }
            _ = node.readMessages()
            var time = 0
            repeat {
                node.tick()
                time += 1
            } while node.readMessages().isEmpty
            seen.insert(time)
        }
        #expect(seen == Set(et..<(2 * et)))
    }

    /// §5.2: "in most cases only a single server will time out" — timeouts drawn
    /// from each node's own stream differ, so split votes are rare.
    @Test("§5.2 election timeouts of different nodes rarely coincide")
    func electionTimeoutsRarelyConflict() {
        let ids: [RaftNodeID] = [1, 2, 3, 4, 5]
        var nodes = ids.map { makeNode($0, peers: ids, seed: 7) }
        var conflicts = 0
        for _ in 0..<1000 {
            for k in nodes.indices { nodes[k].becomeFollower(term: nodes[k].term + 1, leader: nil); _ = nodes[k].readMessages() }
            var timedOut = 0
            while timedOut == 0 {
                for k in nodes.indices {
                    nodes[k].tick()
                    if !nodes[k].readMessages().isEmpty { timedOut += 1 }
                }
            }
            if timedOut > 1 { conflicts += 1 }
        }
        #expect(Double(conflicts) / 1000 <= 0.3)
        let drawn = Set(nodes.map(\.randomizedElectionTimeout))
        #expect(drawn.allSatisfy { (10...19).contains($0) })
    }

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
