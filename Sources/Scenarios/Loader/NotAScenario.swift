/// Recognises a file that is no scenario at all (a binary, a Swift file, another tool's YAML),
/// whose errors would otherwise be one per line: it gets a single error that says so.
enum NotAScenario {
    /// One error for the whole file, instead of several, when `source` has no line that starts with a top-level
    /// key of the format (`scenario:`, `cluster:`...), else nil (the errors stand as found).
    static func diagnostic(replacing diagnostics: [Diagnostic], source: String, file: String) -> Diagnostic? {
        guard diagnostics.count > 1, let first = diagnostics.first else { return nil }
        let keys = ScenarioReader.topLevelKeys.map { $0 + ":" }
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) where keys.contains(where: { line.hasPrefix($0) }) {
            return nil
        }
        let binary = source.utf8.contains(0)
        let what = binary ? "a binary file" : "not a scenario file"
        let found = "the first of \(diagnostics.count) errors"
        return Diagnostic(file: file, location: SourceLocation(line: 1, column: 1),
                          message: "\(what): no line starts with a scenario's keys (scenario:, cluster:, timeline:...); "
                              + "\(found) reading it as one: \(first.location.line):\(first.location.column): \(first.message)",
                          hint: "a scenario is YAML that starts with 'scenario: A SHORT TITLE'; 'simrun help format' lists its keys")
    }
}
