/// One word of an action or condition, after shell-like quote removal, with the span
/// of text it came from (offsets in Unicode scalars of the scalar's text).
struct CommandToken: Equatable, Sendable {
    /// The word, quotes removed and escapes resolved.
    var text: String
    /// Offset of the word's first character in the action text.
    var start: Int
    /// Offset just past the word's last character in the action text.
    var end: Int
    /// Whether any part of the word was quoted (a quoted `|` is a word, not a separator).
    var isQuoted: Bool = false
}
