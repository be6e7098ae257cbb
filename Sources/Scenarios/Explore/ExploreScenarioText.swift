import SimEngine

/// The plain scenario text of one explored seed: the file's own text without its `seed:`,
/// `duration:`, `timeline:` and `expect:`, then the seed, a duration that covers the quiet
/// phase and the recovery bounds, the drawn timeline, and as expectations the file's
/// `always`/`never` entries and the recovery checks. `simrun` replays it on its own.
public struct ExploreScenarioText: Sendable {
    /// A leader must be there this long after the quiet phase starts (SWARM_FACTS' liveness bound).
    public static let leaderBound = 60_000
    /// Every service must be converged this long after the quiet phase starts.
    public static let convergenceBound = 120_000

    /// The top-level keys replaced.
    static let replacedKeys: Set<String> = ["seed", "duration", "timeline", "expect"]

    /// The file's text, lines of replaced top-level keys removed.
    let kept: [String]
    /// The file's `always`/`never` expectations as written.
    let invariantExpectations: [String]
    let cast: ExploreCast

    /// From the source of a file that loaded as `scenario`.
    public init(source: String, scenario: Scenario) {
        cast = ExploreCast(scenario)
        invariantExpectations = scenario.expectations.filter { $0.window == .always || $0.window == .never }.map(\.text)
        var kept: [String] = []
        var skipping = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if let first = trimmed.first, first != " ", first != "#", first != "-" {
                let key = String(trimmed.prefix { $0 != ":" })
                skipping = Self.replacedKeys.contains(key)
            }
            if !skipping { kept.append(trimmed) }
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        self.kept = kept
    }

    /// The expectation that checks a leader is back (as written in the text).
    public func leaderExpectation(_ schedule: ExploreSchedule) -> String {
        "at \(Self.time(schedule.quietMillisecond + Self.leaderBound)): leader is one of \(cast.managers.joined(separator: ", "))"
    }

    /// The expectations that check every service converged.
    public var serviceExpectations: [String] {
        cast.services.map { "at end: service \($0.name) is converged" }
    }

    /// The whole scenario text for `seed` and `schedule`, under `header` comment lines.
    public func text(seed: UInt64, schedule: ExploreSchedule, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines += kept
        lines.append("")
        lines.append("seed: \(seed)")
        lines.append("duration: \(Self.time(schedule.quietMillisecond + Self.convergenceBound))")
        lines.append("timeline:")
        for entry in schedule.timeline { lines.append("  - at \(Self.time(entry.millisecond)): \(entry.text)") }
        lines.append("expect:")
        for text in invariantExpectations + [leaderExpectation(schedule)] + serviceExpectations { lines.append("  - \(text)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func time(_ millisecond: Int) -> String {
        DurationFormat.format(.milliseconds(Int64(millisecond)))
    }
}
