import SimModels

/// How many requests ended with each outcome, in `RequestOutcome`'s order.
public struct OutcomeCounts: Equatable, Sendable {
    private var counts = [Int](repeating: 0, count: RequestOutcome.allCases.count)

    public init() {}

    public subscript(_ outcome: RequestOutcome) -> Int {
        get { counts[Self.index(outcome)] }
        set { counts[Self.index(outcome)] = newValue }
    }

    /// Every request counted.
    public var total: Int { counts.reduce(0, +) }
    /// The requests that were not ok.
    public var failures: Int { total - self[.ok] }

    /// The failure outcomes that happened, with their counts, in outcome order.
    public var failureCounts: [(RequestOutcome, Int)] {
        RequestOutcome.allCases.filter { $0 != .ok && self[$0] > 0 }.map { ($0, self[$0]) }
    }

    /// `57 timeout, 3 refused` (failures only), or `none`.
    public var failurePhrase: String {
        let parts = failureCounts.map { "\($1) \($0.rawValue)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `57 timeout, 3 refused, 170 ok`: the failures, then the answered requests if any.
    public var outagePhrase: String {
        failurePhrase + (self[.ok] > 0 ? ", \(self[.ok]) ok" : "")
    }

    /// `refused=3,timeout=57`: every outcome that happened, for JSON lines.
    public var compact: String {
        RequestOutcome.allCases.filter { self[$0] > 0 }.map { "\($0.rawValue)=\(self[$0])" }.joined(separator: ",")
    }

    private static func index(_ outcome: RequestOutcome) -> Int {
        switch outcome {
        case .ok: 0
        case .refused: 1
        case .timeout: 2
        case .reset: 3
        case .unresolved: 4
        }
    }
}
