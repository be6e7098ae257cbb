import SimEngine
import SimModels

/// Everything one client's requests did, kept compactly in the order they started: what the
/// summary, the outage lines and the traffic conditions of SCENARIO_FORMAT §9 are made from.
///
/// Requests end out of order (a timeout ends later than the answers that follow it), but an
/// outage is a stretch of requests in the order they *started*: records wait in `pending` until
/// every request that started before them has ended, then are taken in sequence.
public struct ClientTally: Sendable {
    public let client: String
    /// Start instants, in sequence order (nanoseconds).
    public private(set) var started: [Int64] = []
    /// Outcomes, in sequence order.
    public private(set) var outcomes: [RequestOutcome] = []
    /// Latencies, in sequence order (nanoseconds).
    public private(set) var latencies: [Int64] = []
    /// Every request taken, by outcome.
    public private(set) var counts = OutcomeCounts()
    /// The outages that ended, in order.
    public private(set) var outages: [ClientOutage] = []
    /// The outage in progress: failures seen since the last answered request.
    public private(set) var open: ClientOutage?

    /// Records that ended ahead of an earlier-started request, by sequence number.
    private var pending: [Int: RequestRecord] = [:]
    /// The sequence number of the next request to take.
    private var nextSequence = 1

    public init(client: String) {
        self.client = client
    }

    /// Takes a finished request; returns the outages it ended (at most a few, in order).
    public mutating func add(_ record: RequestRecord) -> [ClientOutage] {
        precondition(record.sequence >= nextSequence && pending[record.sequence] == nil,
                     "request \(record.sequence) of \(client) ended twice")
        pending[record.sequence] = record
        var ended: [ClientOutage] = []
        while let next = pending.removeValue(forKey: nextSequence) {
            nextSequence += 1
            if let outage = take(next) { ended.append(outage) }
        }
        return ended
    }

    /// Closes the outage still open when the run ends at `end`, and counts every request that
    /// ended after a request still unfinished (in start order) as well.
    public mutating func finish(at end: SimInstant) -> ClientOutage? {
        for sequence in pending.keys.sorted() {
            if let record = pending.removeValue(forKey: sequence) { _ = take(record) }
        }
        guard var outage = open else { return nil }
        outage.to = end
        outage.isOngoing = true
        open = nil
        outages.append(outage)
        return outage
    }

    /// The longest outage so far (the first of equal ones).
    public var longestOutage: ClientOutage? {
        outages.reduce(nil) { best, outage in best.map { $0.length >= outage.length ? $0 : outage } ?? outage }
    }

    private mutating func take(_ record: RequestRecord) -> ClientOutage? {
        started.append(record.started.nanoseconds)
        outcomes.append(record.outcome)
        latencies.append(record.latency.nanoseconds)
        counts[record.outcome] += 1
        if record.outcome == .ok {
            guard var outage = open else { return nil }
            outage.to = record.started
            open = nil
            outages.append(outage)
            return outage
        }
        var outage = open ?? ClientOutage(client: client, from: record.started, to: record.started, counts: OutcomeCounts(),
                                          entryNodes: [], tasks: [], isOngoing: false)
        outage.counts[record.outcome] += 1
        outage.to = record.started
        if let node = record.entryNode { Self.insertSorted(node, into: &outage.entryNodes) }
        if let task = record.task { Self.insertSorted(task, into: &outage.tasks) }
        open = outage
        return nil
    }

    private static func insertSorted(_ name: String, into names: inout [String]) {
        guard !names.contains(name) else { return }
        names.append(name)
        names.sort(by: CLIText.naturalLess)
    }
}
