import Testing
@testable import SimModels

/// A broadcast of a given size, replacing queued ones of the same name.
private struct Note: GossipBroadcast {
    var name: String?
    var size: Int
    var log: Log?
    var key: String? { name }
    func finished() { log?.finished.append(name ?? "-") }

    final class Log { var finished: [String] = [] }
}

/// The queue against memberlist `queue.go`: least sent first, then largest, then newest; as many
/// as fit; gone after the retransmit limit; a newer named broadcast replaces the older.
@Suite struct TransmitLimitedQueueTests {
    @Test func takesLeastSentThenLargestThenNewestAsManyAsFit() {
        var queue = TransmitLimitedQueue<Note>(retransmitMult: 1)  // limit 1 × digits(5) = 1
        queue.queue(Note(name: "a", size: 10))
        queue.queue(Note(name: "b", size: 30))
        queue.queue(Note(name: "c", size: 10))
        let first = queue.take(overhead: 2, limit: 45, nodes: 5).compactMap(\.name)
        #expect(first == ["b", "c"])  // b (largest), then c (newer than a); a does not fit
        #expect(queue.take(overhead: 2, limit: 45, nodes: 5).compactMap(\.name) == ["a"])
        #expect(queue.isEmpty)
    }

    @Test func retransmitLimitAndReplacementFinishBroadcasts() {
        let log = Note.Log()
        var queue = TransmitLimitedQueue<Note>(retransmitMult: 2)  // limit 2 with 5 nodes
        queue.queue(Note(name: "x", size: 10, log: log))
        queue.queue(Note(name: "x", size: 12, log: log))  // replaces the first
        #expect(queue.count == 1)
        #expect(log.finished == ["x"])
        #expect(queue.take(overhead: 2, limit: 100, nodes: 5).map(\.size) == [12])
        #expect(queue.take(overhead: 2, limit: 100, nodes: 5).map(\.size) == [12])
        #expect(queue.isEmpty)
        #expect(log.finished == ["x", "x"])
        #expect(queue.take(overhead: 2, limit: 100, nodes: 5).isEmpty)
    }
}
