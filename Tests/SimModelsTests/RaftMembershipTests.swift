// Membership changes, leadership transfer and --force-new-cluster.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft membership")
struct RaftMembershipTests {
    /// SwarmKit join: the leader proposes ConfChangeAddNode; the new, empty member
    /// receives the log and becomes a voter once it applies its own addition.
    @Test("adding a member")
    func addMember() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.propose(1, "before")
        net.addHost(4)
        #expect(!net[4].isPromotable, "not a member yet: it must not campaign")
        let change = net.proposeConfChange(1, .addNode(4, address: "m4"))
        #expect(change.isAccepted)
        net.tickAll(times: 2)
        #expect(net[1].membership.ids == [1, 2, 3, 4])
        #expect(net[4].membership == net[1].membership)
        #expect(net[4].isPromotable)
        #expect(net.hosts[4]!.appState == ["before"])
        #expect(net[1].peers.map(\.id) == [2, 3, 4])
        // The new member counts: with 2 and 3 gone, 1 and 4 are not a majority of 4.
        net.isolate(2)
        net.isolate(3)
        net.propose(1, "needs three of four")
        #expect(net.hosts[4]!.appState == ["before"])
    }

    /// Removal: the removed id is never accepted again; a removed node that did not
    /// hear about its removal learns it from the others ("raft: member has been removed").
    @Test("removing a member; it learns it was removed")
    func removeMember() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.isolate(3)
        let removal = net.proposeConfChange(1, .removeNode(3))
        #expect(removal.isAccepted)
        #expect(net[1].membership.ids == [1, 2])
        #expect(net[1].membership.removed == [3])
        #expect(net[1].peers.map(\.id) == [2])
        let readd = net.proposeConfChange(1, .addNode(3, address: "m3"))
        #expect(readd == .invalidConfChange("3 was removed; ids are never reused"))
        // Node 3 still believes it is a member and campaigns.
        net.recover()
        net.tick(3, times: 2 * net.config.electionTick)
        #expect(net[3].isRemoved)
        #expect(net.events.contains { $0.node == 3 && $0.event.text == "raft: member has been removed" })
        #expect(net[1].isLeader && net[1].term == 2, "the removed node did not disturb the leader")
        // A two-member cluster still commits.
        net.propose(1, "x")
        #expect(net.hosts[2]!.appState == ["x"])
    }

    /// Ongaro 2015: a leader must commit an entry of its term before proposing a
    /// configuration change; and only one change may be pending at a time.
    @Test("no conf change before a current-term commit, one pending at a time")
    func confChangeRules() {
        var node = makeNode(1, peers: [1, 2, 3], log: entries(terms: [1]), term: 1, commit: 1)
        _ = node.readCommitted()
        node.becomeCandidate()
        node.becomeLeader()
        let early = node.proposeConfChange(.addNode(4, address: "m4"))
        #expect(early == .noCommittedEntryInCurrentTerm)
        node.broadcastAppend()
        for sent in node.readMessages() {
            if case .append = sent.body { node.step(acceptAndReply(sent)) }
        }
        #expect(node.commitIndex == 2)
        _ = node.readMessages()
        let first = node.proposeConfChange(.addNode(4, address: "m4"))
        #expect(first == .accepted(index: 3, term: 2))
        let second = node.proposeConfChange(.removeNode(2))
        #expect(second == .configurationChangePending(index: 3))
        let ordinary = node.propose("ordinary proposals still work")
        #expect(ordinary == .accepted(index: 4, term: 2))
        for sent in node.readMessages() {
            if case .append = sent.body { node.step(acceptAndReply(sent)) }
        }
        #expect(node.commitIndex == 4)
        #expect(node.membership.ids == [1, 2, 3], "takes effect when applied")
        _ = node.readMessages()
        #expect(node.membership.ids == [1, 2, 3, 4])
        let third = node.proposeConfChange(.removeNode(2))
        #expect(third.isAccepted)

        var follower = makeNode(2, peers: [1, 2, 3])
        let refused = follower.proposeConfChange(.removeNode(3))
        #expect(refused == .notLeader(knownLeader: nil))
        let unknown = follower.propose("x")
        #expect(unknown == .notLeader(knownLeader: nil))
        follower.step(message(1, 2, term: 1, .heartbeat(commit: 0)))
        let known = follower.propose("x")
        #expect(known == .notLeader(knownLeader: 1))
    }

    /// A leader whose own removal is applied steps down; the others elect a leader.
    @Test("a leader removing itself steps down once the removal is applied")
    func leaderRemovesItself() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        let removal = net.proposeConfChange(1, .removeNode(1))
        #expect(removal.isAccepted)
        #expect(!net[1].isLeader)
        #expect(net[1].isRemoved)
        #expect(net.events.contains { $0.node == 1 && $0.event.text.contains("stepped down to follower since it was removed") })
        net.tickAll(until: { $0.leader != nil })
        let leader = net.leader
        #expect(leader == 2 || leader == 3)
        #expect(net[leader!].membership.ids == [2, 3])
    }

    /// etcd leadership transfer: MsgTransferLeader, catch-up, MsgTimeoutNow, and
    /// the target campaigns at once, even within the voters' lease.
    @Test("leadership transfer to an up-to-date follower")
    func transferLeadership() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.propose(1, "x")
        let transfer = net.transferLeadership(from: 1, to: 2)
        #expect(transfer == .started)
        #expect(net[2].isLeader)
        #expect(net[2].term == 3)
        #expect(net[1].roleKind == .follower && net[1].leaderID == 2)
        let toSelf = net.transferLeadership(from: 2, to: 2)
        #expect(toSelf == .targetIsSelf)
        let fromFollower = net.transferLeadership(from: 1, to: 3)
        #expect(fromFollower == .notLeader(knownLeader: 2))
    }

    /// The leader first brings a lagging target up to date, then hands over.
    @Test("leadership transfer to a lagging follower")
    func transferToLaggingFollower() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.isolate(3)
        for i in 0..<5 { net.propose(1, "c\(i)") }
        net.recover()
        let transfer = net.transferLeadership(from: 1, to: 3)
        #expect(transfer == .started)
        #expect(net[3].isLeader)
        #expect(net.hosts[3]!.appState.count == 5)
    }

    /// During a transfer the leader refuses proposals; after an election timeout
    /// without success it gives up and accepts them again.
    @Test("a stalled transfer blocks proposals, then aborts")
    func transferAborts() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        net.ignore(.timeoutNow)
        let transfer = net.transferLeadership(from: 1, to: 2)
        #expect(transfer == .started)
        #expect(net[1].leadTransferee == 2)
        let blocked = net.propose(1, "x")
        #expect(blocked == .leadershipTransferInProgress(to: 2))
        let again = net.transferLeadership(from: 1, to: 2)
        #expect(again == .alreadyInProgress)
        net.tickAll(times: net.config.electionTick)
        #expect(net[1].isLeader)
        #expect(net[1].leadTransferee == nil)
        let accepted = net.propose(1, "x")
        #expect(accepted.isAccepted)
    }

    /// SWARM_FACTS §1.5 --force-new-cluster: discard uncommitted entries, commit the
    /// removal of every other member, campaign alone; all committed state survives.
    /// A removed member coming back is told "raft: member has been removed".
    @Test("force-new-cluster keeps committed state and removes the others")
    func forceNewCluster() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        for i in 0..<3 { net.propose(1, "c\(i)") }
        net.isolate(1)
        net.propose(1, "uncommitted")
        for id: RaftNodeID in [1, 2, 3] { net.crash(id) }
        net.recover()

        let old = net.disks.read(1)
        var node = TestNode.forceNewCluster(id: 1, address: "m1", persisted: old, random: RandomStream(seed: 9))
        #expect(node.isLeader)
        #expect(node.membership.ids == [1])
        #expect(node.membership.removed == [2, 3])
        #expect(node.logEntries.allSatisfy { $0.command != "uncommitted" })
        net.disks.powerOn(1)
        var app: [String] = []
        var events: [RaftEvent] = []
        while let ready = node.takeReady() {
            net.disks.persist(ready, on: 1)
            app += ready.committedEntries.compactMap(\.command)
            events += ready.events
        }
        #expect(app == ["c0", "c1", "c2"])
        #expect(events.contains { $0.text == "discarding 1 uncommitted WAL entries" })
        #expect(net.disks.read(1).entries.allSatisfy { $0.command != "uncommitted" })

        // Node 1's host runs the new node; a single member commits alone.
        net.hosts[1] = TestHost(node: node, appState: app, appliedIndex: node.appliedIndex)
        let proposal = net.propose(1, "new")
        #expect(proposal.isAccepted)
        #expect(net[1].commitIndex == net[1].lastIndex)
        #expect(net.hosts[1]!.appState == ["c0", "c1", "c2", "new"])

        // Node 2 comes back with its old view and campaigns; node 1 tells it it was removed.
        net.restart(2)
        net.tick(2, times: 2 * net.config.electionTick)
        #expect(net[2].isRemoved)
        #expect(net[1].isLeader && net[1].membership.ids == [1])
    }

    /// Outcomes read as Swift's default printing of the cases would (what event texts said
    /// before they had a description of their own).
    @Test func changeOutcomesPrintAsTheirCases() {
        #expect("\(RaftMembership.ChangeOutcome.added)" == "added")
        #expect("\(RaftMembership.ChangeOutcome.removed)" == "removed")
        #expect("\(RaftMembership.ChangeOutcome.updated)" == "updated")
        #expect("\(RaftMembership.ChangeOutcome.ignored("2 was \"removed\""))" == #"ignored("2 was \"removed\"")"#)
    }
}
