/// What `ScenarioLoader` found: a scenario, or every error in the file.
public enum ScenarioLoadResult: Equatable, Sendable {
    /// The file is a valid scenario.
    case loaded(Scenario)
    /// The file has errors (at least one), in order of position, each to be shown.
    /// `source` is the file's text, for rendering them (empty when it could not be read).
    case failure([Diagnostic], source: String)

    /// The scenario, when the file had no errors.
    public var scenario: Scenario? {
        if case .loaded(let scenario) = self { return scenario }
        return nil
    }

    /// The errors; empty when the file loaded.
    public var diagnostics: [Diagnostic] {
        if case .failure(let diagnostics, _) = self { return diagnostics }
        return []
    }

    /// The errors rendered as SCENARIO_FORMAT §2 shows them (each ending in a newline),
    /// ready for standard error; "" when the file loaded. An error about the file as a
    /// whole (line 0, such as an unreadable file) is rendered without a source excerpt.
    public var renderedDiagnostics: String {
        guard case .failure(let diagnostics, let source) = self else { return "" }
        let renderer = DiagnosticRenderer(source: source)
        return diagnostics.map { diagnostic in
            if diagnostic.location.line < 1 {
                return "\(diagnostic.file): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
                    + (diagnostic.hint.map { "hint: \($0)\n" } ?? "")
            }
            return renderer.render(diagnostic)
        }.joined()
    }
}
