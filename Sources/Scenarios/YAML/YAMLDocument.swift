/// A parsed YAML file: its root node, or none when the file holds only blank
/// lines and comments.
public struct YAMLDocument: Hashable, Sendable {
    /// The root node; nil for a file with no content (PyYAML loads such a file as `None`).
    public var root: YAMLNode?

    /// A document with the given root.
    public init(root: YAMLNode?) {
        self.root = root
    }
}

/// What `YAMLParser.parse` found: a document, or every error it could find.
public enum YAMLParseResult: Hashable, Sendable {
    /// The file parsed without errors.
    case document(YAMLDocument)
    /// The file has errors, in the order found (at least one).
    case failure([Diagnostic])

    /// The document, when there were no errors.
    public var document: YAMLDocument? {
        if case .document(let document) = self { return document }
        return nil
    }

    /// The errors; empty when the file parsed.
    public var diagnostics: [Diagnostic] {
        if case .failure(let diagnostics) = self { return diagnostics }
        return []
    }
}
