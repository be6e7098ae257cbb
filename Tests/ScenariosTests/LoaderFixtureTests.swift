import Foundation
import Testing
@testable import Scenarios

/// Helpers shared by the loader's tests: fixtures and small scenarios around one line.
enum LoaderTestSupport {
    /// The folder of the `.scn` fixtures.
    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("LoaderFixtures")

    /// The text of fixture `name` (`rolling-update.scn`).
    static func fixture(_ name: String) -> String {
        (try? String(contentsOf: fixturesDirectory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Every fixture's name, sorted.
    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".scn") }.sorted()
    }

    /// The prelude of `scenario(timeline:expect:)`: 3 managers, 4 workers, a replicated
    /// service `web` and a global one `app`.
    static let prelude = """
        scenario: test
        cluster:
          managers: 3
          workers: 4
        services:
          web:
            image: nginx:1.25
            deploy: {replicas: 3}
          app:
            image: example/app:1
            deploy: {mode: global}

        """

    /// A scenario whose timeline holds one entry per action, at 1s, 2s, ...
    static func scenario(timeline actions: [String]) -> String {
        prelude + "timeline:\n" + actions.enumerated().map { "  - at \($0.offset + 1)s: \($0.element)\n" }.joined()
    }

    /// A scenario whose `expect:` holds the given `WHEN: CONDITION` entries.
    static func scenario(expect entries: [String]) -> String {
        prelude + "expect:\n" + entries.map { "  - \($0)\n" }.joined()
    }

    /// Loads `source` as `test.scn`.
    static func load(_ source: String) -> ScenarioLoadResult {
        ScenarioLoader.load(source: source, file: "test.scn")
    }

    /// The action of a one-entry timeline, or nil (the diagnostics are recorded as a test issue).
    static func action(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TimelineAction? {
        let result = load(scenario(timeline: [text]))
        guard let scenario = result.scenario else {
            Issue.record("'\(text)' did not load:\n\(result.renderedDiagnostics)", sourceLocation: sourceLocation)
            return nil
        }
        return scenario.timeline.first?.action
    }

    /// The docker command of a one-entry timeline.
    static func command(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DockerCommand? {
        guard case .docker(let command)? = action(text, sourceLocation: sourceLocation) else { return nil }
        return command
    }

    /// The fault of a one-entry timeline.
    static func fault(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Fault? {
        guard case .fault(let fault)? = action(text, sourceLocation: sourceLocation) else { return nil }
        return fault
    }

    /// The diagnostics of a one-entry timeline (empty when it loads).
    static func errors(timeline text: String) -> [Diagnostic] {
        load(scenario(timeline: [text])).diagnostics
    }

    /// The expectation of a one-entry `expect:`.
    static func expectation(_ entry: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ScenarioExpectation? {
        let result = load(scenario(expect: [entry]))
        guard let scenario = result.scenario else {
            Issue.record("'\(entry)' did not load:\n\(result.renderedDiagnostics)", sourceLocation: sourceLocation)
            return nil
        }
        return scenario.expectations.first
    }
}

/// Every valid fixture loads; the invalid ones fail.
@Suite struct LoaderFixtureTests {
    /// Fixtures that must fail to load.
    static let invalid = ["failover-unknown-node.scn", "many-errors.scn"]

    @Test func fixturesArePresent() {
        #expect(LoaderTestSupport.fixtureNames.count >= 8)
    }

    @Test(arguments: LoaderTestSupport.fixtureNames)
    func fixtureLoadsOrFails(name: String) {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture(name), file: name)
        if Self.invalid.contains(name) {
            #expect(result.scenario == nil)
            #expect(!result.diagnostics.isEmpty)
        } else {
            #expect(result.scenario != nil, "\(result.renderedDiagnostics)")
        }
    }

    @Test func loadingByPathMatchesLoadingTheText() {
        let path = LoaderTestSupport.fixturesDirectory.appendingPathComponent("rolling-update.scn").path
        let byPath = ScenarioLoader.load(path: path)
        let bySource = ScenarioLoader.load(source: LoaderTestSupport.fixture("rolling-update.scn"), file: path)
        #expect(byPath == bySource)
        #expect(byPath.scenario != nil)
    }

    @Test func unreadableFileIsOneErrorWithoutExcerpt() {
        let result = ScenarioLoader.load(path: "/nonexistent/dir/x.scn")
        #expect(result.diagnostics.count == 1)
        #expect(result.renderedDiagnostics == "/nonexistent/dir/x.scn: error: cannot read '/nonexistent/dir/x.scn': no such file\n")
        let directory = ScenarioLoader.load(path: LoaderTestSupport.fixturesDirectory.path)
        #expect(directory.diagnostics.first?.message.contains("is a directory") == true)
    }

    @Test func invalidUTF8IsReported() {
        var bytes = Array("scenario: caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n".utf8))
        let result = ScenarioLoader.load(bytes: bytes, file: "bad.scn")
        #expect(result.scenario == nil)
        #expect(!result.diagnostics.isEmpty)
    }
}
