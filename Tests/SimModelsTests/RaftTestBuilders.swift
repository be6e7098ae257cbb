// Building blocks of the Raft unit tests, after etcd's raft_test.go helpers: logs, disks and
// nodes made by hand, and readers of what a node hands over.

@testable import SimModels
import SimEngine

/// Entries with the given terms, from index `start`, carrying empty payloads
/// (like etcd's `index(i).terms(...)`).
func entries(from start: RaftIndex = 1, terms: [RaftTerm]) -> [TestEntry] {
    terms.enumerated().map { TestEntry(index: start + RaftIndex($0.offset), term: $0.element, payload: .empty) }
}

/// A membership of `peers`, addresses "m<id>".
func membership(_ peers: [RaftNodeID]) -> RaftMembership {
    RaftMembership(members: peers.map { RaftMember(id: $0, address: "m\($0)") })
}

/// A disk holding a membership (as a snapshot at index 0), a log and a hard state.
func disk(peers: [RaftNodeID], log: [TestEntry] = [], term: RaftTerm = 0, vote: RaftNodeID? = nil,
          commit: RaftIndex = 0) -> TestDisk {
    let snapshot = TestSnapshot(metadata: RaftSnapshotMetadata(index: 0, term: 0, membership: membership(peers)), state: [])
    return TestDisk(hardState: RaftHardState(term: term, vote: vote, commit: commit), snapshot: snapshot, entries: log)
}

/// A node restarted from such a disk (etcd's `newTestRaft` + `loadState`).
func makeNode(_ id: RaftNodeID, peers: [RaftNodeID], log: [TestEntry] = [], term: RaftTerm = 0,
              vote: RaftNodeID? = nil, commit: RaftIndex = 0, config: RaftConfig = RaftConfig(),
              seed: UInt64 = 1) -> TestNode {
    TestNode(id: id, config: config, persisted: disk(peers: peers, log: log, term: term, vote: vote, commit: commit),
             random: RandomStream(seed: seed, name: "raft-\(id)"))
}

extension RaftNode {
    /// Takes every ready and returns the messages (etcd's `readMessages`).
    mutating func readMessages() -> [RaftMessage<Command, AppState>] {
        var messages: [RaftMessage<Command, AppState>] = []
        while let ready = takeReady() { messages += ready.messages }
        return messages
    }

    /// Takes every ready and returns the committed entries handed over.
    mutating func readCommitted() -> [RaftEntry<Command>] {
        var committed: [RaftEntry<Command>] = []
        while let ready = takeReady() { committed += ready.committedEntries }
        return committed
    }

    /// The terms of the whole log in memory.
    var logTerms: [RaftTerm] { logEntries.map(\.term) }
}

func message(_ from: RaftNodeID, _ to: RaftNodeID, term: RaftTerm, _ body: TestMessage.Body) -> TestMessage {
    TestMessage(from: from, to: to, term: term, body: body)
}

/// The follower's answer accepting an append (etcd `acceptAndReply`).
func acceptAndReply(_ message: TestMessage) -> TestMessage {
    guard case .append(let prevIndex, _, let entries, _) = message.body else {
        preconditionFailure("not an append: \(message)")
    }
    return TestMessage(from: message.to, to: message.from, term: message.term,
                       body: .appendResponse(index: prevIndex + RaftIndex(entries.count), rejected: false,
                                             hintIndex: 0, hintTerm: 0))
}
