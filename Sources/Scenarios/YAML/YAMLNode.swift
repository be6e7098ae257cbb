/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with
/// the source position of its first character.
public struct YAMLNode: Hashable, Sendable {
    /// What a node holds.
    public enum Kind: Hashable, Sendable {
        /// Text.
        case scalar(YAMLScalar)
        /// Items in file order.
        case sequence([YAMLNode])
        /// Key-value pairs in file order; keys are unique scalars.
        case mapping([YAMLPair])
    }

    /// Where the node starts: a scalar's first character (its quote or `|`), a
    /// block sequence's first `-`, a block mapping's first key, a flow
    /// collection's bracket; for a null value, the column just after its `:` or `-`.
    public var location: SourceLocation
    /// The node's content.
    public var kind: Kind

    /// A node at `location` holding `kind`.
    public init(location: SourceLocation, kind: Kind) {
        self.location = location
        self.kind = kind
    }
}

/// One entry of a mapping: a scalar key and its value.
public struct YAMLPair: Hashable, Sendable {
    /// The key; always a `.scalar` node.
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// A pair of a key node and a value node.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var keyText: String { key.scalarText ?? "" }
}
