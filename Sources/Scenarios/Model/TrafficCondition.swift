import SimEngine

/// A condition on a client's requests (SCENARIO_FORMAT §9), judged over the requests started in
/// the expectation's window, each counted by its outcome whenever that comes.
public struct ClientCondition: Equatable, Sendable {
    /// The client's name (a key of `clients:`, or `curl` for the timeline's curl actions).
    public var client: String
    /// What is measured and the bound it must meet.
    public var measure: ClientMeasure

    public init(client: String, measure: ClientMeasure) {
        self.client = client
        self.measure = measure
    }
}

/// What a client condition measures.
public enum ClientMeasure: Equatable, Sendable {
    /// `success is P%` / `at least P%` / `at most P%`: the share of requests that were ok, exact.
    case success(PercentRequirement)
    /// `has N failures` / `has no failures` (N also `at least N`, `at most N`): requests not ok.
    case failures(CountRequirement)
    /// `has N refused|timeout|reset|unresolved`: failures of one outcome.
    case outcome(FailureKind, CountRequirement)
    /// `p50|p90|p99|max latency is at most|at least D`: over the requests that were ok.
    case latency(LatencyStatistic, DurationBound)
}

/// The failure outcomes a condition can count (`ok` is not a failure).
public enum FailureKind: String, Equatable, Sendable, CaseIterable {
    case refused
    case timeout
    case reset
    case unresolved
}

/// A latency statistic of the ok requests.
public enum LatencyStatistic: String, Equatable, Sendable, CaseIterable {
    case p50
    case p90
    case p99
    case max

    /// The quantile in [0, 1] (`max` is 1).
    public var quantile: Double {
        switch self {
        case .p50: 0.5
        case .p90: 0.9
        case .p99: 0.99
        case .max: 1
        }
    }
}

/// A share that must be met exactly or bounded: `P%`, `at least P%`, `at most P%`. Held as a
/// fraction of 10,000ths of a percent so that `99.5%` compares exactly.
public enum PercentRequirement: Equatable, Sendable, CustomStringConvertible {
    case exactly(PercentValue)
    case atLeast(PercentValue)
    case atMost(PercentValue)

    /// Whether `part` out of `whole` meets the requirement, compared exactly (no rounding):
    /// `part / whole` against `P / 100` as `part × 100 × scale` against `P × scale × whole`.
    public func isSatisfied(part: Int, of whole: Int) -> Bool {
        let share = Int64(part) * 100 * PercentValue.scale
        let bound: Int64
        switch self {
        case .exactly(let p), .atLeast(let p), .atMost(let p): bound = p.scaled * Int64(whole)
        }
        switch self {
        case .exactly: return share == bound
        case .atLeast: return share >= bound
        case .atMost: return share <= bound
        }
    }

    /// As written: `99.5%`, `at least 99.5%`.
    public var description: String {
        switch self {
        case .exactly(let p): "\(p)"
        case .atLeast(let p): "at least \(p)"
        case .atMost(let p): "at most \(p)"
        }
    }
}

/// A percentage with up to four decimals, held exactly (`99.5%` is 995,000 ten-thousandths).
public struct PercentValue: Equatable, Sendable, CustomStringConvertible {
    /// Ten-thousandths of a percent.
    public let scaled: Int64
    /// Units of `scaled` in one percent.
    public static let scale: Int64 = 10_000

    public init(scaled: Int64) {
        self.scaled = scaled
    }

    /// As written, shortest form: `100%`, `99.5%`.
    public var description: String {
        let whole = scaled / Self.scale
        var fraction = String(scaled % Self.scale)
        guard scaled % Self.scale != 0 else { return "\(whole)%" }
        while fraction.count < 4 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)%"
    }
}

/// A bound on a duration: `at most D` or `at least D`.
public enum DurationBound: Equatable, Sendable, CustomStringConvertible {
    case atMost(SimDuration)
    case atLeast(SimDuration)

    public func isSatisfied(by value: SimDuration) -> Bool {
        switch self {
        case .atMost(let bound): value <= bound
        case .atLeast(let bound): value >= bound
        }
    }

    public var description: String {
        switch self {
        case .atMost(let bound): "at most \(DurationFormat.format(bound))"
        case .atLeast(let bound): "at least \(DurationFormat.format(bound))"
        }
    }
}
