import SimEngine
import SimModels

/// The requests of one client started in a window, ready to judge: counts by outcome and the
/// sorted latencies of the ok ones.
public struct RequestSample: Equatable, Sendable {
    public var counts = OutcomeCounts()
    /// Latencies of the ok requests, ascending (nanoseconds).
    public var okLatencies: [Int64] = []

    public init() {}

    /// The requests of `tally` that started from `from` to `to` (both included; nil: unbounded).
    public init(_ tally: ClientTally, from: SimInstant? = nil, to: SimInstant? = nil) {
        let low = from?.nanoseconds ?? .min
        let high = to?.nanoseconds ?? .max
        for index in tally.started.indices where tally.started[index] >= low && tally.started[index] <= high {
            let outcome = tally.outcomes[index]
            counts[outcome] += 1
            if outcome == .ok { okLatencies.append(tally.latencies[index]) }
        }
        okLatencies.sort()
    }

    /// The nearest-rank quantile of the ok latencies (`max` is the largest); nil without any.
    public func latency(_ statistic: LatencyStatistic) -> SimDuration? {
        guard !okLatencies.isEmpty else { return nil }
        let n = okLatencies.count
        let rank: Int
        switch statistic {
        case .max: rank = n
        case .p50: rank = (n * 50 + 99) / 100
        case .p90: rank = (n * 90 + 99) / 100
        case .p99: rank = (n * 99 + 99) / 100
        }
        return .nanoseconds(okLatencies[max(rank, 1) - 1])
    }

    /// `199 of 200 ok (99.5%)`: the share truncated to two decimals for display (judging is exact).
    public var successPhrase: String { Self.successPhrase(counts) }

    /// `199 of 200 ok (99.5%)` for `counts`.
    public static func successPhrase(_ counts: OutcomeCounts) -> String {
        let total = counts.total
        guard total > 0 else { return "no requests" }
        let hundredths = Int64(counts[.ok]) * 10_000 / Int64(total)
        return "\(counts[.ok]) of \(total) ok (\(PercentValue(scaled: hundredths * 100)))"
    }
}

/// Judges the client conditions of SCENARIO_FORMAT §9 over a sample of requests.
enum ClientConditionJudge {
    /// Whether `measure` holds over `sample`, and what was seen.
    static func judge(_ measure: ClientMeasure, client: String, over sample: RequestSample) -> ConditionOutcome {
        let counts = sample.counts
        switch measure {
        case let .success(requirement):
            // With no request at all there is no share to meet: only `at most` holds.
            let holds = counts.total == 0 ? { if case .atMost = requirement { true } else { false } }()
                : requirement.isSatisfied(part: counts[.ok], of: counts.total)
            return ConditionOutcome(holds: holds, observed: "client \(client): \(sample.successPhrase)")
        case let .failures(requirement):
            return ConditionOutcome(holds: requirement.isSatisfied(by: counts.failures),
                                    observed: "client \(client) has \(counts.failures) failures (\(counts.failurePhrase)) of \(counts.total) requests")
        case let .outcome(kind, requirement):
            let outcome = RequestOutcome(rawValue: kind.rawValue)!
            return ConditionOutcome(holds: requirement.isSatisfied(by: counts[outcome]),
                                    observed: "client \(client) has \(counts[outcome]) \(kind.rawValue) of \(counts.total) requests")
        case let .latency(statistic, bound):
            guard let value = sample.latency(statistic) else {
                return ConditionOutcome(holds: false, observed: "client \(client) has no ok request to measure")
            }
            return ConditionOutcome(holds: bound.isSatisfied(by: value),
                                    observed: "client \(client) \(statistic.rawValue) latency is \(DurationFormat.format(value))")
        }
    }
}
