import SimEngine

/// Reading of booleans as YAML 1.2 writes them (`true`, `false`, `True`, `FALSE`).
enum BoolSyntax {
    /// The boolean `text` names; `what` names it in messages.
    /// - Throws: `ValueParseError` for anything else (`yes`, `on`, `1`...).
    static func parse(_ text: String, what: String) throws(ValueParseError) -> Bool {
        switch text.trimmingWhitespace() {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw ValueParseError("\(what) must be true or false, got '\(text)'")
        }
    }
}
