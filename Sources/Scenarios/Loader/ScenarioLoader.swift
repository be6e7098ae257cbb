/// Reads `.scn` files into `Scenario`s: parses the YAML, then checks and converts every
/// key, reporting every error found (SCENARIO_FORMAT §2), never only the first.
public enum ScenarioLoader {
    /// The most diagnostics one file reports; past it, one more says how many were left out.
    public static let maximumDiagnostics = 200

    /// Loads the scenario in `source`; `file` is the path put in diagnostics.
    /// - Complexity: about linear in the length of `source` (and in the node count for
    ///   each node name checked).
    public static func load(source: String, file: String) -> ScenarioLoadResult {
        finish(YAMLParser.parse(source, file: file), source: source, file: file)
    }

    /// Loads the scenario in `source` without refusing what the runner cannot simulate yet
    /// (`refuseUnwiredDataPlane`): for tests of how the data plane's keys, actions and
    /// conditions are read. Never for running.
    static func loadReadingUnwired(source: String, file: String) -> ScenarioLoadResult {
        finish(YAMLParser.parse(source, file: file), source: source, file: file, refuseUnwired: false)
    }

    /// Loads the scenario in UTF-8 `bytes` (invalid UTF-8 is an error); `file` is the path put in diagnostics.
    public static func load(bytes: [UInt8], file: String) -> ScenarioLoadResult {
        finish(YAMLParser.parse(bytes: bytes, file: file), source: String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Reads the parsed document, or passes the parser's errors on.
    private static func finish(_ parsed: YAMLParseResult, source: String, file: String, refuseUnwired: Bool = true) -> ScenarioLoadResult {
        guard let document = parsed.document else {
            return .failure(limited(parsed.diagnostics, source: source, file: file), source: source)
        }
        var reader = ScenarioReader(file: file, source: source)
        reader.refusesUnwiredDataPlane = refuseUnwired
        if let scenario = reader.read(document), reader.diagnostics.isEmpty {
            return .loaded(scenario)
        }
        return .failure(limited(reader.diagnostics, source: source, file: file), source: source)
    }

    /// The diagnostics in order of position (stable), at most `maximumDiagnostics` of them; one
    /// only when the file is no scenario at all.
    private static func limited(_ diagnostics: [Diagnostic], source: String, file: String) -> [Diagnostic] {
        var sorted = diagnostics.enumerated().sorted { a, b in
            a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
        if let single = NotAScenario.diagnostic(replacing: sorted, source: source, file: file) { return [single] }
        if sorted.isEmpty {
            sorted = [Diagnostic(file: file, location: SourceLocation(line: 1, column: 1), message: "the file could not be read")]
        }
        if sorted.count > maximumDiagnostics {
            let left = sorted.count - maximumDiagnostics
            let last = sorted[maximumDiagnostics - 1]
            sorted = Array(sorted.prefix(maximumDiagnostics))
            sorted.append(Diagnostic(file: file, location: last.location, message: "\(left) more errors not shown"))
        }
        return sorted
    }
}
