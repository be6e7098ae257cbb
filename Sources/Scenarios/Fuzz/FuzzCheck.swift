/// The steps `simrun fuzz` takes for one seed, each on one thread and without the wall clock:
/// generate and load the scenario, run it with its JSON lines digested, and judge two runs.
/// The command line times the runs, runs them in parallel, and decides where they run.
public enum FuzzCheck {
    /// One run of a generated scenario.
    public struct Run {
        public var result: RunResult
        /// Its JSON lines (`--format jsonl`), digested.
        public var output: LineDigestOutput
    }

    /// The scenario of `seed`, loaded from its text under the name `fuzz-SEED.scn`; or the
    /// loader's rendered errors, which are a bug of the generator.
    public static func load(seed: UInt64, limits: FuzzLimits) -> Result<Scenario, FuzzFinding> {
        let text = ScenarioGenerator.text(seed: seed, limits: limits)
        let loaded = ScenarioLoader.load(source: text, file: ScenarioGenerator.fileName(seed: seed))
        guard let scenario = loaded.scenario else {
            return .failure(FuzzFinding(.generatorBug, "the generated scenario does not load:\n" + loaded.renderedDiagnostics))
        }
        return .success(scenario)
    }

    /// Runs `scenario` with its JSON lines written to `output`.
    public static func run(_ scenario: Scenario, output: TimelineOutput) -> RunResult {
        let reporter = JSONLinesReporter(output: output)
        let result = ScenarioRunner.run(scenario, options: RunOptions(), sinks: [reporter])
        reporter.finish(result)
        return result
    }

    /// Runs `scenario` once, keeping the digest of its JSON lines.
    public static func run(_ scenario: Scenario) -> Run {
        let output = LineDigestOutput()
        let result = run(scenario, output: output)
        return Run(result: result, output: output)
    }

    /// What is wrong with two runs of one scenario: the first run's failures, and any
    /// difference between their JSON lines.
    public static func findings(_ first: Run, _ second: Run) -> [FuzzFinding] {
        var findings = FuzzFinding.findings(in: first.result)
        if let line = first.output.firstDifference(from: second.output) {
            findings.append(FuzzFinding(.nondeterministic, "two runs in one process wrote different JSON lines from line \(line) on "
                + "(\(first.output.lines.count) and \(second.output.lines.count) lines)"))
        }
        return findings
    }
}
