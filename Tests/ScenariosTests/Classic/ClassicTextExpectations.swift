import Testing

/// Compares a rendered text with the expected one line by line, naming the first lines that
/// differ, as a seed's transcript is checked.
func expectSameLines(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == wanted.count, sourceLocation: sourceLocation)
    for (index, (line, want)) in zip(lines, wanted).enumerated() {
        #expect(line == want, "line \(index + 1)", sourceLocation: sourceLocation)
    }
}
