import Testing
@Suite struct ScenariosTestsPlaceholder { @Test func targetBuilds() { #expect(Bool(true)) } }
