import SimEngine
import SimModels

/// Receives every finished request of a run (the data plane calls it, `TrafficObserver`) and
/// keeps one `ClientTally` per client: outage lines go to the timeline as they end, and the
/// summary and the client conditions read the tallies when the run ends.
public final class TrafficLedger: TrafficObserver {
    /// The tallies, in the order their clients are defined (then `curl`, then any other name in
    /// the order its first request ended).
    public private(set) var tallies: [ClientTally]
    private var index: [String: Int] = [:]
    /// Called with each outage when it ends (and with each still open when the run ends).
    private let outageEnded: (ClientOutage) -> Void

    /// A ledger for the clients named `clients`; `outageEnded` prints outage lines.
    public init(clients: [String], outageEnded: @escaping (ClientOutage) -> Void) {
        tallies = []
        self.outageEnded = outageEnded
        for name in clients + ["curl"] where index[name] == nil {
            index[name] = tallies.count
            tallies.append(ClientTally(client: name))
        }
    }

    public func requestEnded(_ record: RequestRecord) {
        let position: Int
        if let known = index[record.client] {
            position = known
        } else {
            position = tallies.count
            index[record.client] = position
            tallies.append(ClientTally(client: record.client))
        }
        for outage in tallies[position].add(record) { outageEnded(outage) }
    }

    /// Closes what is still open when the run ends at `end`.
    public func finish(at end: SimInstant) {
        for position in tallies.indices {
            if let outage = tallies[position].finish(at: end) { outageEnded(outage) }
        }
    }

    /// The tally of `client` (an empty one for a client that sent nothing).
    public func tally(of client: String) -> ClientTally {
        index[client].map { tallies[$0] } ?? ClientTally(client: client)
    }

    /// Judges a client condition over the requests started in `window`.
    func judge(_ condition: ClientCondition, in window: ExpectationWindow) -> ConditionOutcome {
        let tally = tally(of: condition.client)
        let sample: RequestSample
        switch window {
        case let .during(from, to): sample = RequestSample(tally, from: from, to: to)
        default: sample = RequestSample(tally)
        }
        return ClientConditionJudge.judge(condition.measure, client: condition.client, over: sample)
    }

    /// The summary of every client that sent a request, in order.
    public var summaries: [ClientSummary] {
        tallies.filter { $0.counts.total > 0 }.map(ClientSummary.init)
    }
}

/// What the run's summary says of one client (SCENARIO_FORMAT §9): requests, success, failures
/// by outcome, p50/p99 latency, the longest outage.
public struct ClientSummary: Equatable, Sendable {
    public var client: String
    public var counts: OutcomeCounts
    public var p50: SimDuration?
    public var p99: SimDuration?
    public var longestOutage: ClientOutage?
    public var outageCount: Int

    public init(_ tally: ClientTally) {
        client = tally.client
        counts = tally.counts
        let sample = RequestSample(tally)
        p50 = sample.latency(.p50)
        p99 = sample.latency(.p99)
        longestOutage = tally.longestOutage
        outageCount = tally.outages.count
    }

    /// `client users: 1200 requests, 1187 of 1200 ok (98.91%), failures: 13 timeout; p50 2.5ms, p99 4ms; 1 outage, longest 5.2s from 30.001s`.
    public var text: String {
        var parts = ["client \(client): \(counts.total) requests, " + RequestSample.successPhrase(counts)]
        parts[0] += ", failures: " + counts.failurePhrase
        if let p50, let p99 {
            parts.append("p50 \(Self.latencyText(p50)), p99 \(Self.latencyText(p99))")
        }
        if let longest = longestOutage {
            parts.append("\(outageCount) outage\(outageCount == 1 ? "" : "s"), longest \(DurationFormat.format(longest.length)) from "
                         + DurationFormat.secondsWithMillis(longest.from - .zero) + "s")
        } else {
            parts.append("no outage")
        }
        return parts.joined(separator: "; ")
    }

    /// A latency to the microsecond: `6.744ms`.
    static func latencyText(_ latency: SimDuration) -> String {
        DurationFormat.format(.nanoseconds(latency.nanoseconds / 1000 * 1000))
    }

    /// The `client.summary` JSON-lines fields.
    public var fields: [TraceField] {
        var fields = [TraceField("client", client), TraceField("requests", counts.total), TraceField("ok", counts[.ok])]
        for outcome in RequestOutcome.allCases where outcome != .ok { fields.append(TraceField(outcome.rawValue, counts[outcome])) }
        if let p50 { fields.append(TraceField("p50_ns", Int(p50.nanoseconds))) }
        if let p99 { fields.append(TraceField("p99_ns", Int(p99.nanoseconds))) }
        fields.append(TraceField("outages", outageCount))
        if let longest = longestOutage { fields.append(TraceField("longest_outage_ns", Int(longest.length.nanoseconds))) }
        return fields
    }
}
