import SimEngine

/// Decides the expectations of a classic scenario after each instant (SCENARIO_FORMAT §6's
/// windows, §10's conditions), recording the decisive time. A classic deployment is small, so
/// every condition is read afresh at every instant checked (no dependency caching).
final class ClassicExpectationMonitor {
    private var expectations: [ClassicExpectation]
    private var results: [ExpectationResult?]
    private let truth: ClassicTruth
    /// `always`, `never` and `from .. to` are judged once the cluster is up (a primary, and every
    /// engine listed healthy), as Swarm mode judges them once the swarm is up.
    var isUp = false

    init(expectations: [ClassicExpectation], truth: ClassicTruth) {
        self.expectations = expectations
        self.truth = truth
        results = Array(repeating: nil, count: expectations.count)
    }

    /// Every instant an `at`, `by` or window boundary names, for the run to stop at.
    var checkpoints: [SimInstant] {
        Set(expectations.flatMap { expectation -> [SimInstant] in
            switch expectation.window {
            case let .at(time), let .by(time): [time]
            case let .during(from, to): [from, to]
            case .atEnd, .always, .never: []
            }
        }).sorted()
    }

    /// Checks every undecided expectation after all events at `now`.
    func check(at now: SimInstant) {
        for index in expectations.indices where results[index] == nil {
            let condition = expectations[index].condition
            switch expectations[index].window {
            case let .at(time) where now == time:
                let outcome = truth.evaluate(condition)
                decide(index, outcome.holds, now, outcome.observed)
            case let .by(time) where now <= time:
                let outcome = truth.evaluate(condition)
                if outcome.holds || now == time { decide(index, outcome.holds, now, (outcome.holds ? "" : "still ") + outcome.observed) }
            case let .during(from, to) where now >= from && now <= to && (isUp || now == to):
                let outcome = truth.evaluate(condition)
                if !outcome.holds || now == to { decide(index, outcome.holds, now, outcome.observed) }
            case .always where isUp, .never where isUp:
                let outcome = truth.evaluate(condition)
                let wanted = expectations[index].window == .always
                if outcome.holds != wanted { decide(index, false, now, outcome.observed) }
            default:
                continue
            }
        }
    }

    /// Decides what is left when the run ends at `end`.
    func finish(at end: SimInstant) -> [ExpectationResult] {
        for index in expectations.indices where results[index] == nil {
            let outcome = truth.evaluate(expectations[index].condition)
            switch expectations[index].window {
            case .atEnd: decide(index, outcome.holds, end, outcome.observed)
            case .always: decide(index, outcome.holds, end, outcome.holds ? "held to the end" : outcome.observed)
            case .never: decide(index, !outcome.holds, end, !outcome.holds ? "held to the end" : outcome.observed)
            case let .at(time), let .by(time), let .during(_, time):
                decide(index, false, end, "the run ended at \(end) before \(time)")
            }
        }
        return results.map { $0! }
    }

    private func decide(_ index: Int, _ passed: Bool, _ time: SimInstant, _ detail: String) {
        let expectation = expectations[index]
        results[index] = ExpectationResult(text: expectation.text, location: expectation.location, passed: passed,
                                           decidedAt: time, detail: detail)
    }
}
