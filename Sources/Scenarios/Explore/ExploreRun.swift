import SimEngine

/// Runs explored schedules of one scenario file: writes the schedule's scenario text, loads
/// it like a user's file and runs it; what fails comes from the run (invariant monitor,
/// expectations, ground truth), never from the schedule.
public struct ExploreRun: Sendable {
    /// The file as given, for names and replay commands.
    public let file: String
    /// The file's text, which `--shrink` edits to drop nodes and services.
    public let source: String
    public let writer: ExploreScenarioText
    /// The families `--faults` allows.
    public let allowed: [ExploreFamily]

    /// The outcome of one schedule.
    public struct Outcome: Sendable {
        public var seed: UInt64
        public var schedule: ExploreSchedule
        /// The scenario text that was run (and replays the run).
        public var text: String
        /// Earliest first; empty when the seed passed.
        public var failures: [ExploreFailure]
        public var events: Int
        /// The nodes and services it ran with (fewer than the file's after `--shrink`).
        public var cast: ExploreCast
        public var passed: Bool { failures.isEmpty }
    }

    public init(file: String, source: String, scenario: Scenario, allowed: [ExploreFamily]) {
        self.file = file
        self.source = source
        writer = ExploreScenarioText(source: source, scenario: scenario)
        self.allowed = allowed
    }

    /// The schedule drawn for `seed`.
    public func schedule(seed: UInt64) -> ExploreSchedule {
        ExploreScheduleDraw.schedule(seed: seed, cast: writer.cast, allowed: allowed)
    }

    /// The name of a seed's scenario file: `NAME-seedN.scn` (`.min.scn` when shrunk).
    public func fileName(seed: UInt64, shrunk: Bool = false) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let name = base.hasSuffix(".scn") ? String(base.dropLast(4)) : base
        return "\(name)-seed\(seed)" + (shrunk ? ".min.scn" : ".scn")
    }

    /// Draws and runs the schedule of `seed`.
    public func run(seed: UInt64) -> Outcome {
        let schedule = schedule(seed: seed)
        return run(seed: seed, schedule: schedule, header: header(seed: seed, schedule: schedule))
    }

    /// Runs `schedule` as the scenario of `seed`, with `header` as its top comment.
    public func run(seed: UInt64, schedule: ExploreSchedule, header: [String]) -> Outcome {
        let text = writer.text(seed: seed, schedule: schedule, header: header)
        let loaded = ScenarioLoader.load(source: text, file: fileName(seed: seed))
        guard let scenario = loaded.scenario else {
            // A bug of the schedule writer, reported like a failure so that it is seen.
            let failure = ExploreFailure(kind: .command, way: "schedule does not load", time: .zero,
                                         text: "the explored scenario does not load:\n" + loaded.renderedDiagnostics)
            return Outcome(seed: seed, schedule: schedule, text: text, failures: [failure], events: 0, cast: writer.cast)
        }
        let result = ScenarioRunner.run(scenario, options: RunOptions(statistics: false))
        let recovery = [(writer.leaderExpectation(schedule), "recovery: no leader \(ExploreScenarioText.leaderBound / 1000)s into the quiet phase")]
            + zip(writer.serviceExpectations, writer.cast.services).map {
                ($0, "recovery: service \($1.name) not converged \(ExploreScenarioText.convergenceBound / 1000)s into the quiet phase")
            }
        return Outcome(seed: seed, schedule: schedule, text: text,
                       failures: ExploreFailure.failures(of: result, recovery: recovery), events: result.summary.events, cast: writer.cast)
    }

    /// The comment at the top of a seed's scenario.
    public func header(seed: UInt64, schedule: ExploreSchedule) -> [String] {
        ["drawn by: simrun explore \(file) --seeds \(seed)" + (allowed.count == ExploreFamily.allCases.count ? "" : " --faults " + allowed.map(\.rawValue).joined(separator: ",")),
                "fault families: " + schedule.families.map(\.rawValue).joined(separator: ", ") + "; \(schedule.faults.count) faults"]
    }
}
