import Testing
@Suite struct simrunTestsPlaceholder { @Test func targetBuilds() { #expect(Bool(true)) } }
