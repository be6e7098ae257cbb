// Elections beyond the paper: CheckQuorum, the leader lease, a rejoining node
// with a higher term, PreVote, and SwarmKit's "no leader" signal.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft elections with CheckQuorum")
struct RaftElectionTests {
    /// etcd CheckQuorum: "every electionTimeout the leader checks QuorumActive();
    /// if fewer than a majority of voters were recently active it steps down". An
    /// isolated leader steps down within one to two election timeouts.
    @Test("CheckQuorum: an isolated leader steps down")
    func checkQuorumStepDown() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        #expect(net[1].isLeader)
        net.isolate(1)
        let electionTick = net.config.electionTick
        var ticks = 0
        while net[1].isLeader && ticks < 3 * electionTick {
            net.tick(1)
            ticks += 1
        }
        #expect(!net[1].isLeader)
        #expect(ticks <= 2 * electionTick)
        #expect(net[1].leaderID == nil)
        let reasons = net.events.filter { $0.node == 1 && $0.event.kind == .steppedDown }.map(\.event.text)
        #expect(reasons == ["1 stepped down to follower since quorum is not active"])
    }

    /// A leader that hears from a quorum stays leader indefinitely.
    @Test("CheckQuorum: a leader with an active quorum stays")
    func checkQuorumKeepsActiveLeader() {
        var net = RaftTestNetwork(size: 5)
        net.campaign(1)
        net.isolate(4)
        net.isolate(5)
        net.tickAll(times: 100)
        #expect(net[1].isLeader)
        #expect(net[1].term == 2)
    }

    /// etcd: "a follower or candidate that heard from a leader within the election
    /// timeout ignores a MsgVote with a higher term" (the lease). A forced
    /// campaign by node 3 does not depose a healthy leader.
    @Test("lease: a disruptive vote request is ignored")
    func leaseIgnoresDisruptiveVote() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.tickAll()
        // Node 3's messages to others arrive, the leader's to node 3 do not.
        net.cutLinks.insert(RaftLink(from: 1, to: 3))
        net.campaign(3)
        #expect(net[3].roleKind == .candidate)
        #expect(net[3].term == 3)
        #expect(net[1].isLeader && net[1].term == 2)
        #expect(net[2].term == 2 && net[2].leaderID == 1)
        #expect(net.events.contains { $0.node == 2 && $0.event.kind == .voteIgnored })
        #expect(net.events.contains { $0.node == 1 && $0.event.kind == .voteIgnored })
    }

    /// Without CheckQuorum there is no lease: the same request deposes the leader.
    @Test("no lease without CheckQuorum")
    func noLeaseWithoutCheckQuorum() {
        var net = RaftTestNetwork(size: 3, config: RaftConfig(checkQuorum: false))
        net.campaign(1)
        net.campaign(3)
        #expect(!net[1].isLeader)
        #expect(net[1].term == 3)
    }

    /// SWARM_FACTS §1.1 "Rejoin disruption (no PreVote)": an isolated follower
    /// keeps bumping its term; when it reconnects it answers the leader's heartbeat
    /// with a higher-term MsgAppResp, which forces the leader to step down. "A
    /// healed partition causes one extra election" — exactly one; the rejoining
    /// node, whose log is behind, cannot win it.
    @Test("a rejoining node with a higher term forces exactly one re-election")
    func rejoiningNodeForcesOneElection() {
        var net = RaftTestNetwork(size: 3, seed: 11)
        net.checker = RaftInvariantChecker()
        net.campaign(1)
        net.isolate(3)
        for i in 0..<5 { net.propose(1, "while-isolated-\(i)") }
        net.tickAll(times: 60)
        let isolatedTerm = net[3].term
        #expect(isolatedTerm > 2 + 2, "node 3 campaigned several times")
        #expect(net[1].isLeader && net[1].term == 2)

        let eventsBefore = net.events.count
        net.recover()
        net.tickAll(until: { net in
            net.leader.map { net[$0].term > isolatedTerm } ?? false
        })
        net.tickAll(times: 100)
        let after = net.events[eventsBefore...]
        let elected = after.filter { $0.event.kind == .becameLeader }
        #expect(elected.count == 1)
        #expect(after.contains { $0.node == 1 && $0.event.kind == .steppedDown })
        let leader = net.leader
        #expect(leader != nil && leader != 3)
        #expect(net[leader!].term > isolatedTerm)
        #expect(net.liveIDs.allSatisfy { net.hosts[$0]!.appState == net.hosts[leader!]!.appState })
        let found1 = net.observe()
        #expect(found1.isEmpty)
    }

    /// With PreVote on (not SwarmKit's default) the isolated node never raises its
    /// term, so healing the partition disturbs nobody.
    @Test("PreVote: a rejoining node does not disrupt the leader")
    func preVotePreventsDisruption() {
        var net = RaftTestNetwork(size: 3, config: RaftConfig(preVote: true), seed: 3)
        net.campaign(1)
        #expect(net[1].isLeader && net[1].term == 2)
        net.isolate(3)
        net.tickAll(times: 60)
        #expect(net[3].term == 2)
        #expect(net[3].roleKind == .preCandidate)
        net.recover()
        net.tickAll(times: 60)
        #expect(net[1].isLeader && net[1].term == 2)
        #expect(net[3].roleKind == .follower && net[3].leaderID == 1)
    }

    /// PreVote still elects a leader when the old one is gone, in one real term.
    @Test("PreVote: elections still work")
    func preVoteElects() {
        var net = RaftTestNetwork(size: 3, config: RaftConfig(preVote: true), seed: 5)
        net.campaign(1)
        net.crash(1)
        net.tickAll(until: { $0.leader != nil })
        #expect(net.leader != nil && net.leader != 1)
        #expect(net[net.leader!].term == 3)
    }

    /// §5.2: "if many followers become candidates at the same time, votes could be
    /// split so that no candidate obtains a majority. When this happens, each
    /// candidate will time out and start a new election."
    @Test("§5.2 a split vote is followed by a new election")
    func splitVoteResolves() {
        var net = RaftTestNetwork(size: 5, seed: 2)
        net.isolate(5)
        // Nodes 1 and 2 campaign at once; 3 hears from 1 first, 4 from 2 first.
        net.deliversInstantly = false
        net.campaign(1)
        net.campaign(2)
        let first = net.pending.filter { ($0.from, $0.to) == (1, 3) || ($0.from, $0.to) == (2, 4) }
        let rest = net.pending.filter { !(($0.from, $0.to) == (1, 3) || ($0.from, $0.to) == (2, 4)) }
        net.pending = first + rest
        net.deliversInstantly = true
        net.deliver()
        #expect(net[1].roleKind == .candidate && net[2].roleKind == .candidate)
        #expect(net.leader == nil)
        net.tickAll(until: { $0.leader != nil })
        let leader = net.leader
        #expect(leader != nil)
        #expect(net[leader!].term >= 3, "won in a later election")
    }

    /// SwarmKit's control API fails at once after more than lostQuorumTimeout (10)
    /// ticks without a leader; the counter restarts when a leader is known.
    @Test("ticksWithoutLeader counts leaderless ticks")
    func ticksWithoutLeader() {
        var net = RaftTestNetwork(size: 3)
        for id: RaftNodeID in [1, 2, 3] { net.isolate(id) }
        net.tickAll(times: 11)
        #expect(net[2].ticksWithoutLeader == 11)
        #expect(net[2].hasBeenLeaderlessTooLong)
        net.recover()
        net.tickAll(until: { $0.leader != nil })
        net.tickAll()
        #expect(net[2].ticksWithoutLeader == 0)
        #expect(!net[2].hasBeenLeaderlessTooLong)
        #expect(net.liveIDs.allSatisfy { net[$0].ticksWithoutLeader == 0 })
    }
}
