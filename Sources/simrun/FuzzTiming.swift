import Foundation
import Scenarios

/// The wall-time property of `simrun fuzz`: a run's time should be in proportion to its
/// events. The cost of an event is about the same in every scenario of a campaign, so a run
/// whose time per event is far above the campaign's median is reported.
enum FuzzTiming {
    /// How many times the median cost per event a run may take.
    static let allowedFactor = 20.0
    /// Runs faster than this are never reported (the clock's noise and a busy machine).
    static let floorSeconds = 2.0

    /// Adds a `slow` finding to every finished run beyond the bound.
    static func markSlowRuns(_ outcomes: inout [FuzzSeedOutcome?]) {
        let costs = outcomes.compactMap { $0 }.filter { $0.events > 0 }.map { $0.wallSeconds / Double($0.events) }.sorted()
        guard !costs.isEmpty else { return }
        let median = costs[costs.count / 2]
        for index in outcomes.indices {
            guard let outcome = outcomes[index], outcome.events > 0 else { continue }
            let bound = max(floorSeconds, allowedFactor * median * Double(outcome.events))
            if outcome.wallSeconds > bound {
                outcomes[index]?.findings.append(FuzzFinding(.slow, String(
                    format: "%.1fs for %d events, %.1f µs an event (the median is %.1f µs; allowed up to %.1fs)",
                    outcome.wallSeconds, outcome.events, outcome.wallSeconds / Double(outcome.events) * 1e6, median * 1e6, bound)))
            }
        }
    }
}
