import Testing
@testable import Scenarios

/// The scenario layer skips instants at which nothing it reads changed and keeps its answers
/// in caches keyed by what the engine and the models report (`ObservedChanges`). Run with every
/// cache off (`RunOptions.exhaustive`: everything checked and evaluated afresh after every
/// instant), the library and a sample of generated scenarios must give the same results and
/// the same JSON lines: a change the models forget to report would show up here.
@Suite struct ObservationCacheTests {
    private static func run(_ scenario: Scenario, exhaustive: Bool) -> (RunResult, LineDigestOutput) {
        let output = LineDigestOutput()
        let reporter = JSONLinesReporter(output: output)
        var options = RunOptions()
        options.exhaustive = exhaustive
        let result = ScenarioRunner.run(scenario, options: options, sinks: [reporter])
        reporter.finish(result)
        return (result, output)
    }

    private static func expectSame(_ scenario: Scenario, _ name: String) {
        let (cached, cachedLines) = run(scenario, exhaustive: false)
        let (fresh, freshLines) = run(scenario, exhaustive: true)
        #expect(cached.expectations == fresh.expectations, "\(name): \(zip(cached.expectations, fresh.expectations).first { $0 != $1 }.map { "\($0)  ≠  \($1)" } ?? "")")
        #expect(cached.failures == fresh.failures, "\(name): the invariant findings differ with the caches off")
        #expect(cached.summary == fresh.summary, "\(name): the summaries differ with the caches off")
        #expect(cachedLines.firstDifference(from: freshLines) == nil, "\(name): the JSON lines differ with the caches off")
    }

    @Test(arguments: ScenarioTestSupport.libraryFiles)
    func aLibraryScenarioGivesTheSameOutcomeWithoutCaches(_ file: String) throws {
        let path = ScenarioTestSupport.packageRoot.appendingPathComponent(file).path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        Self.expectSame(scenario, file)
    }

    /// Seeds 1...12 of the small generated scenarios (which also have invariant findings to
    /// time), and 9, 33 and 37, which once had several tasks desired running in a slot.
    @Test(arguments: Array(1...12) + [33, 37] as [UInt64])
    func aGeneratedScenarioGivesTheSameOutcomeWithoutCaches(seed: UInt64) throws {
        let scenario = try FuzzCheck.load(seed: seed, limits: .small).get()
        Self.expectSame(scenario, "fuzz seed \(seed)")
    }
}
