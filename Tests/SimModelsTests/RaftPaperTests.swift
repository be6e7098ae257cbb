// Tests tied to sentences of the Raft paper (Ongaro & Ousterhout, "In Search of an
// Understandable Consensus Algorithm", §5.1–§5.2), after etcd's
// raft_paper_test.go (§5.3–§5.4 are in RaftPaperReplicationTests.swift). Each test has
// three parts: set up a state, step the scenario, check the messages and the state.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft paper §5.1–§5.2")
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
}
