import Foundation
@testable import Scenarios
import SimEngine

/// Runs library scenarios into pictures (`--format perfetto`, `--format html`).
enum PictureTestSupport {
    /// The scenario at `file` (relative to the package), loaded.
    static func libraryScenario(_ file: String) -> Scenario? {
        let loaded = ScenarioLoader.load(path: ScenarioTestSupport.packageRoot.appendingPathComponent(file).path)
        if loaded.scenario == nil { print(loaded.renderedDiagnostics) }
        return loaded.scenario
    }

    /// Runs `scenario` and returns its chronicle and the picture of `kind`.
    static func draw(_ scenario: Scenario, as kind: PictureReporter.Kind, until: SimDuration? = nil) -> (RunChronicle, String) {
        let buffer = TimelineBuffer()
        let reporter = PictureReporter(kind: kind, scenario: scenario, output: buffer)
        let result = ScenarioRunner.run(scenario, options: RunOptions(until: until), sinks: [reporter])
        reporter.finish(result)
        return (reporter.chronicle(result), buffer.text)
    }
}
