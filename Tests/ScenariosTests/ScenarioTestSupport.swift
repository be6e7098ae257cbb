import Foundation
@testable import Scenarios
import SimEngine

/// Paths and helpers shared by the scenario-level tests.
enum ScenarioTestSupport {
    /// The package's root folder.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every scenario of the library, sorted.
    static var libraryFiles: [String] {
        let folder = packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".scn") }.sorted().map { "scenarios/" + $0 }
    }

    /// Loads a scenario from source text, failing the test with its diagnostics if it has errors.
    static func scenario(_ source: String, file: String = "test.scn") -> Scenario? {
        let result = ScenarioLoader.load(source: source, file: file)
        if result.scenario == nil { print(result.renderedDiagnostics) }
        return result.scenario
    }

    /// Runs a scenario given as text; returns the results and the text timeline.
    static func run(_ source: String, seed: UInt64? = nil) -> (RunResult, String)? {
        guard let scenario = scenario(source) else { return nil }
        let buffer = TimelineBuffer()
        let reporter = TextTimelineReporter(output: buffer, nodeNames: scenario.nodeNames, duration: scenario.duration)
        let result = ScenarioRunner.run(scenario, options: RunOptions(seed: seed), sinks: [reporter])
        reporter.finish(result)
        return (result, buffer.text)
    }
}
