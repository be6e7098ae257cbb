import SimEngine
import SimModels

/// A stretch of a client's requests that failed (SCENARIO_FORMAT §9): from the start of the
/// first failed request to the start of the first answered request after its last failure
/// (`ClientTally.quiet`), with the requests counted by outcome (answered ones between failures
/// too) and the entry nodes and tasks the failures went through.
public struct ClientOutage: Equatable, Sendable {
    public var client: String
    /// When the first failed request started.
    public var from: SimInstant
    /// When the first answered request after the failures started; the run's end while the
    /// outage lasts.
    public var to: SimInstant
    /// The requests started from `from` to `to`, by outcome.
    public var counts: OutcomeCounts
    /// The entry nodes of the failed requests, sorted.
    public var entryNodes: [String]
    /// The tasks the failed requests were sent to, when the balancer chose one, sorted.
    public var tasks: [String]
    /// True when the run ended before a request was answered again.
    public var isOngoing: Bool

    /// How long it lasted.
    public var length: SimDuration { to - from }

    /// `client users: outage 12.345s to 18.001s (5.656s): 57 timeout, 3 refused, through w1, w2 to web.2`.
    public var text: String {
        var line = "client \(client): outage \(DurationFormat.secondsWithMillis(from - .zero) + "s") to "
            + (isOngoing ? "the end of the run" : DurationFormat.secondsWithMillis(to - .zero) + "s")
            + " (\(DurationFormat.format(length))): \(counts.outagePhrase)"
        if !entryNodes.isEmpty { line += ", through " + entryNodes.joined(separator: ", ") }
        if !tasks.isEmpty { line += " to " + tasks.joined(separator: ", ") }
        return line
    }

    /// The JSON-lines fields: `client`, `from_ns`, `to_ns`, `counts` (`refused=3,timeout=57`),
    /// then one number per failure outcome that happened, the entry nodes and tasks.
    public var fields: [TraceField] {
        var fields = [TraceField("client", client), TraceField("from_ns", Int(from.nanoseconds)), TraceField("to_ns", Int(to.nanoseconds)),
                      TraceField("counts", counts.compact)]
        for (outcome, count) in counts.failureCounts { fields.append(TraceField(outcome.rawValue, count)) }
        fields.append(TraceField("through", entryNodes.joined(separator: ",")))
        fields.append(TraceField("to_tasks", tasks.joined(separator: ",")))
        fields.append(TraceField("ongoing", isOngoing))
        return fields
    }
}
