// The planted bug `lease-without-checkquorum` (RaftMutant.leaseWithoutCheckQuorum), shown on
// RaftNode itself: the same one-way fault with and without it.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft mutant lease-without-checkquorum")
struct RaftMutantLeaseTests {
    /// Leader 1 still reaches node 2, but hears from no one (2 -> 1 is cut, 1 and 3 are cut
    /// both ways). Node 3 campaigns; node 2, hearing leader 1's heartbeats, refuses its votes
    /// (the lease). With CheckQuorum, leader 1 steps down within two election timeouts, its
    /// heartbeats stop, node 2's lease runs out and 2 and 3 elect a leader that commits. With
    /// the mutant, leader 1 never steps down, node 2 stays in its lease, and 3's votes are
    /// refused for as long as the fault lasts: no leader that a majority follows, nothing
    /// commits.
    private func oneWayFault(_ mutant: RaftMutant?) -> RaftTestNetwork {
        var net = RaftTestNetwork(size: 3, config: RaftConfig(mutant: mutant))
        net.campaign(1)
        net.tickAll()
        #expect(net[1].isLeader && net[1].term == 2)
        net.cutLinks.insert(RaftLink(from: 2, to: 1))
        net.cut(1, 3)
        net.tickAll(times: 20 * net.config.electionTick)
        return net
    }

    @Test("with CheckQuorum the cut-off leader steps down and the others elect one")
    func checkQuorumEndsTheLease() {
        var net = oneWayFault(nil)
        #expect(!net[1].isLeader)
        let leader = net.leaders().first { $0 != 1 }
        #expect(leader != nil)
        if let leader {
            guard case .accepted(let index, _) = net.propose(leader, "x") else {
                Issue.record("the new leader refuses proposals")
                return
            }
            net.tickAll()
            #expect(net[leader].commitIndex >= index)
        }
    }

    @Test("with the mutant the cut-off leader stays and its follower refuses every vote")
    func theLeaseOutlivesTheQuorum() {
        var net = oneWayFault(.leaseWithoutCheckQuorum)
        #expect(net[1].isLeader && net[1].term == 2, "the leader never steps down")
        #expect(net[2].leaderID == 1 && net[2].term == 2, "node 2 still follows it")
        #expect(net.leaders() == [1], "no one else is elected")
        #expect(net[3].term > 5, "node 3 campaigns again and again")
        let refusals = net.events.filter { $0.node == 2 && $0.event.kind == .voteIgnored }.map(\.event.text)
        #expect(refusals.count >= 5)
        #expect(refusals.allSatisfy { $0.contains("lease is not expired (leader 1") })
        guard case .accepted(let index, _) = net.propose(1, "x") else {
            Issue.record("the stale leader refuses proposals")
            return
        }
        net.tickAll(times: 10)
        #expect(net[1].commitIndex < index, "without a quorum's acknowledgement nothing commits")
    }
}
