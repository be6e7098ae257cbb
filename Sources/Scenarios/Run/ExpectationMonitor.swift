import SimEngine
import SimModels

/// Decides every expectation of a scenario from the ground truth after each instant
/// (SCENARIO_FORMAT §6), recording the decisive time: when it first held or first failed.
final class ExpectationMonitor {
    private struct Tracked {
        var expectation: ScenarioExpectation
        var result: ExpectationResult?
        /// `result != nil`, without copying the result at every instant.
        var isDecided = false
        /// What the condition's outcome depends on, and the last outcome with its inputs.
        let dependency: ConditionDependency
        var outcome: ConditionOutcome?
        var inputs: ConditionInputs?

        init(_ expectation: ScenarioExpectation) {
            self.expectation = expectation
            dependency = ConditionDependency(expectation.condition)
        }
    }

    private var tracked: [Tracked]
    private let truth: GroundTruth
    /// `always`, `never` and `from .. to` are judged from the moment the swarm is up (every
    /// node that joins at the start is Ready): before that there is no swarm to judge.
    var swarmIsUp = false
    /// `swarmIsUp` as of the last check.
    private var judgedSwarmUp = false
    /// Judges a client condition over the run's requests (SCENARIO_FORMAT §9); set when the run
    /// has a data plane.
    var judgeRequests: ((ClientCondition, ExpectationWindow) -> ConditionOutcome)?
    /// Called when an expectation is decided (reporters print it in the timeline).
    var decided: (ExpectationResult) -> Void = { _ in }

    /// Every instant an `at`, `by` or window boundary names, sorted, and the first not yet past.
    private let boundaries: [SimInstant]
    private var nextBoundary = 0
    /// Undecided expectations whose condition no stamp covers.
    private var uncoveredUndecided: Int

    init(expectations: [ScenarioExpectation], truth: GroundTruth) {
        tracked = expectations.map(Tracked.init)
        self.truth = truth
        boundaries = Set(tracked.flatMap(Self.boundaries(of:))).sorted()
        uncoveredUndecided = tracked.filter { $0.dependency == .uncovered }.count
    }

    private static func boundaries(of item: Tracked) -> [SimInstant] {
        switch item.expectation.window {
        case let .at(time): [time]
        case let .by(time): [time]
        case let .during(from, to): [from, to]
        case .atEnd, .always, .never: []
        }
    }

    /// Instants the run must stop at so that `at`, `by` and `from..to` are checked on time
    /// (sorted, each once).
    var checkpoints: [SimInstant] { boundaries }

    /// Whether `check(at: now)` could decide something even though nothing the conditions read
    /// changed since the last check: an `at`, `by` or window boundary falls now, the swarm just
    /// came up (`always`, `never` and windows start being judged), or some undecided condition
    /// reads what no stamp covers. A boundary of an expectation already decided counts too:
    /// checking then decides nothing new, as the conditions read what they read last time.
    /// Asked after every instant, with `now` never going back.
    /// - Complexity: O(1) amortized.
    func isDue(at now: SimInstant) -> Bool {
        if swarmIsUp != judgedSwarmUp || uncoveredUndecided > 0 { return true }
        while nextBoundary < boundaries.count && boundaries[nextBoundary] < now { nextBoundary += 1 }
        return nextBoundary < boundaries.count && boundaries[nextBoundary] == now
    }

    /// The first instant after `now` at which `isDue` can be true while nothing the conditions
    /// read changes: the next boundary, or `now` itself (every instant) while the swarm's coming
    /// up is not judged yet or some undecided condition reads what no stamp covers.
    func nextDue(after now: SimInstant) -> SimInstant {
        if swarmIsUp != judgedSwarmUp || uncoveredUndecided > 0 { return now }
        while nextBoundary < boundaries.count && boundaries[nextBoundary] <= now { nextBoundary += 1 }
        return nextBoundary < boundaries.count ? boundaries[nextBoundary] : .distantFuture
    }

    /// Checks every undecided expectation after all events at `now`.
    func check(at now: SimInstant) {
        judgedSwarmUp = swarmIsUp
        for index in tracked.indices where !tracked[index].isDecided && tracked[index].dependency != .requests {
            switch tracked[index].expectation.window {
            case let .at(time):
                guard now == time else { continue }
                let outcome = outcome(of: index)
                decide(index, passed: outcome.holds, at: now, detail: outcome.observed)
            case let .by(time):
                guard now <= time else { continue }
                let outcome = outcome(of: index)
                if outcome.holds {
                    decide(index, passed: true, at: now, detail: outcome.observed)
                } else if now == time {
                    decide(index, passed: false, at: now, detail: "still " + outcome.observed)
                }
            case let .during(from, to):
                guard now >= from && now <= to, swarmIsUp || now == to else { continue }
                let outcome = outcome(of: index)
                if !outcome.holds {
                    decide(index, passed: false, at: now, detail: outcome.observed)
                } else if now == to {
                    decide(index, passed: true, at: now, detail: outcome.observed)
                }
            case .always:
                guard swarmIsUp else { continue }
                let outcome = outcome(of: index)
                if !outcome.holds { decide(index, passed: false, at: now, detail: outcome.observed) }
            case .never:
                guard swarmIsUp else { continue }
                let outcome = outcome(of: index)
                if outcome.holds { decide(index, passed: false, at: now, detail: outcome.observed) }
            case .atEnd:
                continue
            }
        }
    }

    /// The condition's outcome now: the last one while what it depends on is unchanged.
    private func outcome(of index: Int) -> ConditionOutcome {
        let inputs = truth.inputs(tracked[index].dependency)
        if let inputs, inputs == tracked[index].inputs, let outcome = tracked[index].outcome { return outcome }
        let outcome = truth.evaluate(tracked[index].expectation.condition)
        tracked[index].inputs = inputs
        tracked[index].outcome = outcome
        return outcome
    }

    /// Decides what is left when the run ends at `end`.
    func finish(at end: SimInstant) -> [ExpectationResult] {
        for index in tracked.indices where !tracked[index].isDecided {
            let item = tracked[index]
            if case let .client(condition) = item.expectation.condition {
                // Every request started in the window is counted, whenever it ended.
                guard let judge = judgeRequests else { preconditionFailure("a client condition in a run without a data plane") }
                let outcome = judge(condition, item.expectation.window)
                decide(index, passed: outcome.holds, at: end, detail: outcome.observed)
                continue
            }
            switch item.expectation.window {
            case .atEnd:
                let outcome = truth.evaluate(item.expectation.condition)
                decide(index, passed: outcome.holds, at: end, detail: outcome.observed)
            case .always, .never:
                let outcome = truth.evaluate(item.expectation.condition)
                let passed = item.expectation.window == .always ? outcome.holds : !outcome.holds
                decide(index, passed: passed, at: end, detail: passed ? "held to the end" : outcome.observed)
            case let .at(time), let .by(time), let .during(_, time):
                decide(index, passed: false, at: end, detail: "the run ended at \(end) before \(time)")
            }
        }
        return tracked.map { $0.result! }
    }

    private func decide(_ index: Int, passed: Bool, at time: SimInstant, detail: String) {
        let expectation = tracked[index].expectation
        let result = ExpectationResult(text: expectation.text, location: expectation.location, passed: passed, decidedAt: time, detail: detail)
        tracked[index].result = result
        tracked[index].isDecided = true
        if tracked[index].dependency == .uncovered { uncoveredUndecided -= 1 }
        tracked[index].outcome = nil
        decided(result)
    }
}
