import SimEngine

/// Reads a parsed scenario document into a `Scenario`, collecting every error.
///
/// The reader walks the document once, section by section (see the `+Section`
/// files), keeping going after an error so that all of them are reported. Each
/// error points at the node, or at the word inside a value, that is wrong.
struct ScenarioReader {
    /// The path put in diagnostics.
    let file: String
    /// The source, to place carets on words inside values.
    let source: SourceLines
    /// Every problem found so far.
    var diagnostics: [Diagnostic] = []
    /// The nodes and services defined so far.
    var names = NameBook()
    /// The Compose keys `docker stack deploy` ignores, as found (see `Scenario.ignoredComposeOptions`).
    var ignoredComposeOptions: [(key: String, location: SourceLocation)] = []
    /// Whether what the runner cannot simulate yet is an error (always, except in tests of
    /// the reading itself).
    var refusesUnwiredDataPlane = true
    /// The file's `mode:`: classic files name `primary` in actions, Swarm-mode files do not.
    var mode: ScenarioMode = .swarm

    /// A reader for `source`, whose path is `file`.
    init(file: String, source: String) {
        self.file = file
        self.source = SourceLines(source)
    }

    // MARK: - Reporting

    /// Records an error at `location`, underlining `length` columns.
    mutating func report(_ message: String, at location: SourceLocation, length: Int = 1, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: file, location: location, length: length, message: message, hint: hint))
    }

    /// Records an error at `node`.
    mutating func report(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(node.diagnostic(message, file: file, hint: hint))
    }

    /// Records a value error at `node`.
    mutating func report(_ error: ValueParseError, at node: YAMLNode) {
        report(error.message, at: node, hint: error.hint)
    }

    // MARK: - Shapes

    /// The pairs of `node` (none for an empty value), or nil (with an error) when it is
    /// not a mapping; `what` names it.
    mutating func mapping(_ node: YAMLNode, what: String) -> [YAMLPair]? {
        if let pairs = node.asMapping { return pairs }
        if node.isNull { return [] }
        report("expected a mapping for \(what), found \(node.kindDescription)", at: node)
        return nil
    }

    /// The items of `node` (none for an empty value), or nil (with an error) when it is
    /// not a sequence; `what` names it.
    mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        if let items = node.asSequence { return items }
        if node.isNull { return [] }
        report("expected a list for \(what), found \(node.kindDescription)", at: node)
        return nil
    }

    /// The text of `node`, or nil (with an error) when it is empty or not a scalar.
    mutating func text(_ node: YAMLNode, what: String) -> String? {
        guard let scalar = node.scalar else {
            report("expected a single value for \(what), found \(node.kindDescription)", at: node)
            return nil
        }
        if scalar.isNull || scalar.text.trimmingWhitespace().isEmpty {
            report("missing value for \(what)", at: node)
            return nil
        }
        return scalar.text
    }

    /// The value of `node` read by `parse`, or nil (with an error at `node`).
    mutating func value<T>(_ node: YAMLNode, what: String, _ parse: (String) throws(ValueParseError) -> T) -> T? {
        guard let text = text(node, what: what) else { return nil }
        do {
            return try parse(text)
        } catch {
            report(error, at: node)
            return nil
        }
    }

    /// Reports every key of `pairs` not in `known`, with the nearest known key as a hint.
    mutating func checkKeys(_ pairs: [YAMLPair], known: [String], in section: String) {
        for pair in pairs where !known.contains(pair.keyText) {
            reportUnknownKey(pair, known: known, in: section)
        }
    }

    /// Reports an unknown key of `section`.
    mutating func reportUnknownKey(_ pair: YAMLPair, known: [String], in section: String) {
        let hint = Suggestions.nearest(to: pair.keyText, among: known).map { "did you mean '\($0)'?" }
            ?? "the keys of \(section) are " + known.joined(separator: ", ")
        report("unknown key '\(pair.keyText)' in \(section)", at: pair.key, hint: hint)
    }
}
