import SimEngine

/// Checks of placement constraints (`node.role == worker`) and spread preferences
/// (`node.labels.zone`), as SwarmKit's `constraint.Parse` reads them.
enum PlacementSyntax {
    /// The attributes a constraint may test; labels take a key after the prefix.
    static let attributes = ["node.id", "node.hostname", "node.role", "node.platform.os", "node.platform.arch", "node.ip"]
    /// The label prefixes a constraint or spread preference may use.
    static let labelPrefixes = ["node.labels.", "engine.labels."]

    /// The constraint, trimmed, when it is `ATTRIBUTE ==|!= VALUE` with a known attribute.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func checkConstraint(_ text: String) throws(ValueParseError) -> String {
        let trimmed = text.trimmingWhitespace()
        let hint = "constraints are written as node.role == worker, node.labels.zone != east, node.hostname == w1"
        let scalars = Array(trimmed.unicodeScalars)
        var operatorIndex: Int?
        for i in 0..<max(0, scalars.count - 1) where (scalars[i] == "=" || scalars[i] == "!") && scalars[i + 1] == "=" {
            operatorIndex = i
            break
        }
        guard let operatorIndex else {
            throw ValueParseError("constraint '\(text)' needs an operator, == or !=", hint: hint)
        }
        let op = scalars[operatorIndex] == "=" ? "==" : "!="
        let key = String(String.UnicodeScalarView(scalars[..<operatorIndex])).trimmingWhitespace()
        let value = String(String.UnicodeScalarView(scalars[(operatorIndex + 2)...])).trimmingWhitespace()
        try checkAttribute(key, in: text)
        if value.isEmpty { throw ValueParseError("constraint '\(text)' has no value after \(op)", hint: hint) }
        if value.contains("==") || value.contains("!=") {
            throw ValueParseError("constraint '\(text)' has more than one operator", hint: hint)
        }
        return trimmed
    }

    /// The label of a spread preference (`node.labels.zone`), checked.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func checkSpreadLabel(_ text: String) throws(ValueParseError) -> String {
        let label = text.trimmingWhitespace()
        guard labelPrefixes.contains(where: { label.hasPrefix($0) && label.count > $0.count }) else {
            throw ValueParseError(
                "cannot spread over '\(text)'",
                hint: "spread over a label: node.labels.KEY or engine.labels.KEY"
            )
        }
        return label
    }

    /// Checks that `key` is an attribute or a label a constraint may test.
    private static func checkAttribute(_ key: String, in text: String) throws(ValueParseError) {
        let lower = key.lowercased()
        if attributes.contains(lower) { return }
        if labelPrefixes.contains(where: { lower.hasPrefix($0) && lower.count > $0.count }) { return }
        let candidates = attributes + labelPrefixes.map { $0 + "KEY" }
        let guess = Suggestions.nearest(to: lower, among: attributes)
            ?? labelPrefixes.first { Suggestions.editDistance(String(lower.prefix($0.count)), $0) <= 2 }.map {
                $0 + lower.dropFirst($0.count)
            }
        throw ValueParseError(
            "unknown attribute '\(key)' in constraint '\(text)'",
            hint: guess.map { "did you mean '\($0)'?" } ?? "constraints test " + candidates.joined(separator: ", ")
        )
    }
}
