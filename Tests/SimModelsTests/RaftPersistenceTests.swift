// Snapshots, InstallSnapshot and restarts from disk.

import Testing
@testable import SimModels
import SimEngine

@Suite("Raft snapshots and restarts")
struct RaftPersistenceTests {
    /// SwarmKit snapshots when applied - snapshotIndex ≥ SnapshotInterval and keeps
    /// LogEntriesForSlowFollowers entries; a follower whose next entry was compacted
    /// away receives the snapshot (InstallSnapshot), restores its state from it, and
    /// continues from the log.
    @Test("a lagging follower catches up through InstallSnapshot")
    func laggingFollowerInstallsSnapshot() {
        let config = RaftConfig(snapshotInterval: 10, logEntriesForSlowFollowers: 2)
        var net = RaftTestNetwork(size: 3, config: config)
        net.autoCompacts = true
        net.checker = RaftInvariantChecker()
        net.campaign(1)
        net.isolate(3)
        for i in 0..<25 { net.propose(1, "c\(i)") }
        #expect(net[1].snapshotIndex >= 20)
        #expect(net[1].firstIndex > net[3].lastIndex + 1, "node 3's next entry is compacted away")
        net.recover()
        net.tickAll(times: 3)
        #expect(net.events.contains { $0.node == 3 && $0.event.kind == .snapshotRestored })
        #expect(net[3].snapshotIndex == net[1].snapshotIndex)
        #expect(net[3].lastIndex == net[1].lastIndex)
        #expect(net.hosts[3]!.appState == net.hosts[1]!.appState)
        #expect(net.hosts[3]!.appState == (0..<25).map { "c\($0)" })
        let found1 = net.observe()
        #expect(found1.isEmpty)
    }

    /// The compacted log keeps `logEntriesForSlowFollowers` entries before the
    /// snapshot, and the snapshot records the membership at its index.
    @Test("compaction keeps entries for slow followers")
    func compactionKeepsEntries() {
        var node = makeNode(1, peers: [1], config: RaftConfig(logEntriesForSlowFollowers: 3))
        node.campaign()
        for i in 0..<10 { _ = node.propose("c\(i)") }
        _ = node.readCommitted()
        #expect(node.appliedIndex == 11)
        let early = node.compact(snapshotAt: 12, state: [])
        #expect(!early, "not applied yet")
        let compacted = node.compact(snapshotAt: 9, state: ["state"])
        #expect(compacted)
        #expect(node.snapshotIndex == 9)
        #expect(node.firstIndex == 7)
        #expect(node.snapshot?.metadata.membership == membership([1]))
        let ready = node.takeReady()
        #expect(ready?.snapshot?.index == 9)
        #expect(ready?.restoreSnapshot == false)
        let older = node.compact(snapshotAt: 8, state: [])
        #expect(!older, "older than the current snapshot")
    }

    /// Restart from disk: term, vote, log, commit index and membership come back;
    /// committed entries after the snapshot are handed over again for re-applying.
    @Test("a restarted node recovers term, vote, log and membership")
    func restartKeepsState() {
        var net = RaftTestNetwork(size: 3)
        net.campaign(1)
        for i in 0..<3 { net.propose(1, "c\(i)") }
        let before = net[2]
        net.crash(2)
        net.restart(2)
        let after = net[2]
        #expect(after.term == before.term)
        #expect(after.vote == before.vote)
        #expect(after.logEntries == before.logEntries)
        #expect(after.commitIndex == before.commitIndex)
        #expect(after.membership == before.membership)
        #expect(net.hosts[2]!.appState == ["c0", "c1", "c2"], "re-applied from the log")
        #expect(after.roleKind == .follower)
    }

    /// §5.2 with persistence: a vote is durable before the answer leaves. A node
    /// that crashed before its vote was synced never sent it, so voting again after
    /// the restart is no double vote; a node that synced it refuses anyone else.
    @Test("a vote is persisted before it is sent")
    func voteIsPersistedBeforeSending() {
        let peers: [RaftNodeID] = [1, 2, 3]
        let disks = RaftTestDisks()
        disks.install(disk(peers: peers, term: 1), on: 1)
        let request = { (candidate: RaftNodeID) in
            message(candidate, 1, term: 2, .vote(lastIndex: 0, lastTerm: 0, transfer: false))
        }

        // Crash between writing the ready and its sync: the grant for node 2 never left,
        // and the vote is lost with it.
        var node = TestNode(id: 1, persisted: disks.read(1), random: RandomStream(seed: 1))
        node.step(request(2))
        #expect(node.vote == 2)
        while let ready = node.takeReady() { disks.storage(1).write(ready) }
        #expect(disks.read(1).hardState.vote == 2, "written, not yet synced")
        disks.crash(1)
        disks.powerOn(1)
        node = TestNode(id: 1, persisted: disks.read(1), random: RandomStream(seed: 2))
        #expect(node.vote == nil && node.term == 1)
        node.step(request(3))
        #expect(node.readMessages() == [message(1, 3, term: 2, .voteResponse(granted: true))])

        // Persist and sync, then crash: the vote survives and node 3 is refused.
        node = TestNode(id: 1, persisted: disks.read(1), random: RandomStream(seed: 3))
        node.step(request(2))
        var sent: [TestMessage] = []
        while let ready = node.takeReady() {
            #expect(ready.hardState == RaftHardState(term: 2, vote: 2, commit: 0))
            disks.persist(ready, on: 1)
            sent += ready.messages
        }
        #expect(sent == [message(1, 2, term: 2, .voteResponse(granted: true))])
        disks.crash(1)
        disks.powerOn(1)
        node = TestNode(id: 1, persisted: disks.read(1), random: RandomStream(seed: 4))
        #expect(node.term == 2 && node.vote == 2)
        node.step(request(3))
        #expect(node.readMessages() == [message(1, 3, term: 2, .voteResponse(granted: false))])
    }

    /// A whole-cluster restart loses nothing committed.
    @Test("a full-cluster restart keeps every committed entry")
    func fullClusterRestart() {
        let config = RaftConfig(snapshotInterval: 5, logEntriesForSlowFollowers: 1)
        var net = RaftTestNetwork(size: 3, config: config, seed: 4)
        net.autoCompacts = true
        net.checker = RaftInvariantChecker()
        net.campaign(1)
        for i in 0..<12 { net.propose(1, "c\(i)") }
        for id: RaftNodeID in [1, 2, 3] { net.crash(id) }
        for id: RaftNodeID in [1, 2, 3] { net.restart(id) }
        net.tickAll(until: { $0.leader != nil })
        net.propose(net.leader!, "after")
        let expected = (0..<12).map { "c\($0)" } + ["after"]
        for id: RaftNodeID in [1, 2, 3] { #expect(net.hosts[id]!.appState == expected) }
        let found2 = net.observe()
        #expect(found2.isEmpty)
    }
}
