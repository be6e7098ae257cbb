import Testing
@testable import Scenarios

/// Compose keys `docker stack deploy` ignores load, with its "Ignoring unsupported options"
/// warning (docker/cli `UnsupportedProperties`) (#15).
@Suite struct IgnoredComposeOptionsTests {
    @Test func unsupportedKeysAreIgnoredWithDockersWarning() throws {
        let source = """
            scenario: t
            cluster: {workers: 1}
            services:
              web:
                image: nginx:1.25
                restart: always
              db:
                image: redis:7
                privileged: true
                restart: on-failure
            """
        let result = ScenarioLoader.load(source: source, file: "t.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.ignoredComposeOptions?.options == ["privileged", "restart"])
        let warnings = TimelineWarnings.warnings(for: scenario)
        #expect(warnings.map(\.message) == ["Ignoring unsupported options: privileged, restart"])
        #expect(warnings.first?.location.line == 6)
    }

    @Test func otherUnknownKeysAreStillErrors() {
        let result = ScenarioLoader.load(source: "scenario: t\nservices:\n  web:\n    image: nginx\n    restrat: always\n", file: "t.scn")
        #expect(result.scenario == nil && result.renderedDiagnostics.contains("unknown key 'restrat'"), "\(result.renderedDiagnostics)")
    }
}
