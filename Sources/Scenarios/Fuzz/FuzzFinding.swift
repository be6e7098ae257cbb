import SimEngine

/// Something `simrun fuzz` found wrong with one generated scenario.
public struct FuzzFinding: Error, Equatable, Sendable {
    /// The property that did not hold.
    public enum Kind: String, Sendable {
        /// The generated text did not load: a bug of the generator, not of the simulator.
        case generatorBug = "generator bug"
        /// An invariant of SCENARIO_FORMAT §8 was violated.
        case invariant
        /// A command failed a check (the generator writes no command `expect:`, so this is a bug too).
        case command
        /// An expectation failed (the generator writes none).
        case expectation
        /// Two runs in one process wrote different JSON lines.
        case nondeterministic
        /// A run in another process wrote different JSON lines.
        case nondeterministicAcrossProcesses = "nondeterministic across processes"
        /// The run did not finish in time: a hang or livelock.
        case hang
        /// The run finished, but took far longer than its events warrant.
        case slow
        /// The process died while the seed was running.
        case crash
    }

    public var kind: Kind
    /// What exactly: the invariant's text, the first differing line, the time taken.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// `invariant: 2 tasks desired running in slot web.1 (at 41.203s)`, one line.
    public var line: String {
        "\(kind.rawValue): \(detail.split(separator: "\n").joined(separator: " / "))"
    }

    /// The findings of a run's result: violated invariants, failed commands and expectations.
    public static func findings(in result: RunResult) -> [FuzzFinding] {
        var findings: [FuzzFinding] = []
        for failure in result.failures {
            let at = " (at \(failure.time))"
            findings.append(FuzzFinding(failure.kind == .invariant ? .invariant : .command, failure.text + at))
        }
        for expectation in result.expectations where !expectation.passed {
            findings.append(FuzzFinding(.expectation, "\(expectation.text): \(expectation.detail)"))
        }
        return findings
    }

    /// The comment block a failing scenario file starts with: what failed and how to replay it.
    public static func header(seed: UInt64, findings: [FuzzFinding], replay: String) -> String {
        var lines = ["# simrun fuzz: seed \(seed) failed"]
        for finding in findings { lines.append("#   " + finding.line) }
        lines.append("# replay: \(replay)")
        return lines.joined(separator: "\n") + "\n"
    }
}
