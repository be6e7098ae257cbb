/// A YAML scalar: its text (every scalar is text; the scenario layer gives it a
/// meaning), how it was written, and how long its source span is.
public struct YAMLScalar: Hashable, Sendable {
    /// How a scalar was written in the source.
    public enum Style: Hashable, Sendable {
        /// Unquoted text, or nothing at all (see `isNull`).
        case plain
        /// `'text'`
        case singleQuoted
        /// `"text"`, with backslash escapes.
        case doubleQuoted
        /// A `|` literal block scalar.
        case literal
    }

    /// The scalar's value, escapes resolved and lines folded.
    public var text: String
    /// How the scalar was written.
    public var style: Style
    /// Whether the value was left out (`key:` with nothing after it); `text` is then "".
    public var isNull: Bool
    /// How many source characters (Unicode scalars, line breaks included) the
    /// scalar spans, quotes and indicators included; 0 for a null value.
    public var length: Int

    /// A scalar with the given text and style.
    public init(text: String, style: Style = .plain, isNull: Bool = false, length: Int = 0) {
        self.text = text
        self.style = style
        self.isNull = isNull
        self.length = length
    }

    /// The value of `key:` with nothing after it.
    public static let null = YAMLScalar(text: "", style: .plain, isNull: true, length: 0)
}
