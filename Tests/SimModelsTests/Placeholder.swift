import Testing
@Suite struct SimModelsTestsPlaceholder { @Test func targetBuilds() { #expect(Bool(true)) } }
