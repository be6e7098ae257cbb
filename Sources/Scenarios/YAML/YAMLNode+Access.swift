// Conveniences for the scenario loader: typed views of a node and key lookup.
extension YAMLNode {
    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The scalar's text, if this node is a scalar ("" for a null value).
    public var scalarText: String? { scalar?.text }

    /// Whether this node is a null value (`key:` with nothing after it).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The items, if this node is a sequence.
    public var asSequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs in file order, if this node is a mapping.
    public var asMapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The pair whose key is `key`, if this node is a mapping that has it.
    /// - Complexity: O(n) in the number of pairs.
    public func pair(forKey key: String) -> YAMLPair? {
        asMapping?.first { $0.keyText == key }
    }

    /// The value for `key`, if this node is a mapping that has it.
    /// - Complexity: O(n) in the number of pairs.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The keys in file order, if this node is a mapping.
    public var keys: [String]? { asMapping?.map(\.keyText) }

    /// "a scalar", "a sequence", "a mapping" or "an empty value", for messages
    /// such as "expected a mapping, found a sequence".
    public var kindDescription: String {
        switch kind {
        case .scalar(let scalar): return scalar.isNull ? "an empty value" : "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// How many columns a caret under this node should cover: a scalar's length
    /// (its first line, when rendered), otherwise 1.
    public var caretLength: Int {
        if case .scalar(let scalar) = kind { return max(1, scalar.length) }
        return 1
    }

    /// A diagnostic pointing at this node in `file`.
    public func diagnostic(
        _ message: String,
        file: String,
        hint: String? = nil,
        severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        Diagnostic(severity, file: file, location: location, length: caretLength, message: message, hint: hint)
    }
}
