import Testing
@testable import Scenarios

/// A file that is no scenario gets one clear error, not one per line.
@Suite struct NotAScenarioTests {
    private func diagnostics(_ source: String) -> [Diagnostic] {
        ScenarioLoader.load(source: source, file: "x.scn").diagnostics
    }

    @Test func anotherToolsYAMLGetsOneError() {
        let found = diagnostics("stages: [test]\njob:\n  script:\n    - make\n  image: swift\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("not a scenario file") == true)
        #expect(found.first?.message.contains("errors reading it as one: 1:1: unknown key") == true)
    }

    @Test func proseAndBinariesGetOneError() {
        #expect(diagnostics("// a Swift file\nimport Foundation\nlet x = 1\nprint(x)\n").count == 1)
        let binary = diagnostics("\u{7F}ELF\u{0}\u{0}\n\u{0}\u{1}\n\u{0}")
        #expect(binary.count == 1)
        #expect(binary.first?.message.hasPrefix("a binary file") == true)
    }

    @Test func aScenarioWithManyMistakesKeepsEveryError() {
        let found = diagnostics("scenario: x\ncluster:\n  managerz: 3\ntimeline:\n  - at 1s: crsh m1\n  - at 2s: hael\n")
        #expect(found.count == 3)
    }
}
