import SimEngine

/// How an explored run failed. `way` is what `--shrink` keeps fixed: the invariant's kind
/// (`election safety`), the expectation as written, or the recovery that was missed.
public struct ExploreFailure: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case invariant, expectation, recovery, progress, command
    }

    public var kind: Kind
    /// What must stay the same while shrinking: `invariant: election safety`...
    public var way: String
    /// When it was decided, in simulated time.
    public var time: SimInstant
    /// What happened, for a person.
    public var text: String

    /// Every failure of `result`, earliest first; `recovery` maps the recovery expectations'
    /// texts to their ways (`recovery: no leader`), which do not move with the quiet phase.
    static func failures(of result: RunResult, recovery: [(text: String, way: String)]) -> [ExploreFailure] {
        var found: [ExploreFailure] = []
        for failure in result.failures {
            switch failure.kind {
            case .invariant:
                // "election safety violated: ..." or a store invariant's own sentence.
                let name = failure.text.components(separatedBy: " violated").first ?? failure.text
                found.append(ExploreFailure(kind: .invariant, way: "invariant: " + name, time: failure.time, text: failure.text))
            case .progress:
                found.append(ExploreFailure(kind: .progress, way: "progress", time: failure.time, text: failure.text))
            case .command:
                found.append(ExploreFailure(kind: .command, way: "command: " + failure.text, time: failure.time, text: failure.text))
            }
        }
        for expectation in result.expectations where !expectation.passed {
            let recoveryWay = recovery.first { $0.text == expectation.text }?.way
            found.append(ExploreFailure(kind: recoveryWay == nil ? .expectation : .recovery,
                                        way: recoveryWay ?? "expect: " + expectation.text,
                                        time: expectation.decidedAt, text: "\(expectation.text): \(expectation.detail)"))
        }
        return found.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }
}
