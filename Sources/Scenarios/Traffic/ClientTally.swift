import SimEngine
import SimModels

/// Everything one client's requests did, kept compactly in the order they started: what the
/// summary, the outage lines and the traffic conditions of SCENARIO_FORMAT §9 are made from.
///
/// An outage starts with a failed request and ends with the first answered request after which
/// none fails for `quiet` (1 s): requests spread over entry nodes or backends in turn fail one
/// in N while one of them is gone, and that is one outage with its ok requests counted, not
/// one per failure.
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
    /// How long requests must all answer after a failure for the outage to end.
    public let quiet: SimDuration
    /// In an open outage: the start of the first answered request since the last failure.
    private var answeredSince: SimInstant?
    /// In an open outage: the answered requests since the last failure.
    private var answeredSinceCount = 0

    /// The default `quiet`.
    public static let defaultQuiet: SimDuration = .seconds(1)

    public init(client: String, quiet: SimDuration = ClientTally.defaultQuiet) {
        self.client = client
        self.quiet = quiet
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

    /// Closes the outage still open when the run ends at `end`, after taking the requests that
    /// ended after one still unfinished (in start order). An outage whose requests answered
    /// since its last failure ends there; one still failing lasts to `end`.
    public mutating func finish(at end: SimInstant) -> ClientOutage? {
        for sequence in pending.keys.sorted() {
            if let record = pending.removeValue(forKey: sequence) { _ = take(record) }
        }
        guard open != nil else { return nil }
        if answeredSince != nil { return close() }
        var outage = open!
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
        var ended: ClientOutage?
        if let since = answeredSince, record.started >= since + quiet {
            ended = close()  // answered for `quiet` since the last failure
        }
        if record.outcome == .ok {
            if open != nil {
                if answeredSince == nil { answeredSince = record.started }
                answeredSinceCount += 1
            }
            return ended
        }
        var outage = open ?? ClientOutage(client: client, from: record.started, to: record.started, counts: OutcomeCounts(),
                                          entryNodes: [], tasks: [], isOngoing: false)
        outage.counts[.ok] += answeredSinceCount
        answeredSince = nil
        answeredSinceCount = 0
        outage.counts[record.outcome] += 1
        outage.to = record.started
        if let node = record.entryNode { Self.insertSorted(node, into: &outage.entryNodes) }
        if let task = record.task { Self.insertSorted(task, into: &outage.tasks) }
        open = outage
        return ended
    }

    /// Ends the open outage at the first request answered since its last failure.
    private mutating func close() -> ClientOutage? {
        guard var outage = open, let since = answeredSince else { return nil }
        outage.to = since
        open = nil
        answeredSince = nil
        answeredSinceCount = 0
        outages.append(outage)
        return outage
    }

    private static func insertSorted(_ name: String, into names: inout [String]) {
        guard !names.contains(name) else { return }
        names.append(name)
        names.sort(by: CLIText.naturalLess)
    }
}
