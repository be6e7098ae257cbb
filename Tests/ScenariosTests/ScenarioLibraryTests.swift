import Foundation
import Testing
@testable import Scenarios

/// Every scenario of the library passes with its own seed (CI also runs `simrun check scenarios/`).
@Suite struct ScenarioLibraryTests {
    @Test(arguments: ScenarioTestSupport.libraryFiles)
    func libraryScenarioPasses(file: String) throws {
        let path = ScenarioTestSupport.packageRoot.appendingPathComponent(file).path
        let loaded = ScenarioLoader.load(path: path)
        let scenario = try #require(loaded.scenario, "\(loaded.renderedDiagnostics)")
        let result = ScenarioRunner.run(scenario)
        let failed = result.expectations.filter { !$0.passed }.map { "\($0.text): \($0.detail)" } + result.failures.map(\.text)
        #expect(result.passed, "\(file): \(failed)")
        #expect(scenario.description != nil, "\(file) has a description")
        #expect(!scenario.expectations.isEmpty, "\(file) has expectations")
    }
}
