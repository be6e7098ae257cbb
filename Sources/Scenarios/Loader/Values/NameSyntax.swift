import SimEngine

/// Checks of names the user chooses: services, networks and nodes.
enum NameSyntax {
    /// A service or network name as Docker accepts it: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`, at most 63 characters.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func checkObjectName(_ text: String, what: String) throws(ValueParseError) -> String {
        guard let first = text.unicodeScalars.first, isAlphanumeric(first),
              text.unicodeScalars.allSatisfy({ isAlphanumeric($0) || $0 == "_" || $0 == "." || $0 == "-" }) else {
            throw ValueParseError(
                "invalid \(what) name '\(text)'",
                hint: "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
            )
        }
        guard text.unicodeScalars.count <= 63 else {
            throw ValueParseError("\(what) name '\(text)' is longer than 63 characters")
        }
        return text
    }

    /// A node name (a hostname): letters, digits, `-`, `_` and `.`, not `leader` (which
    /// stands for the current leader) and not `*`.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func checkNodeName(_ text: String) throws(ValueParseError) -> String {
        if text == "leader" {
            throw ValueParseError("'leader' cannot name a node", hint: "'leader' stands for the current leader in actions")
        }
        guard let first = text.unicodeScalars.first, isAlphanumeric(first),
              text.unicodeScalars.allSatisfy({ isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }),
              text.unicodeScalars.count <= 63 else {
            throw ValueParseError(
                "invalid node name '\(text)'",
                hint: "a node name is a hostname: letters, digits, '-', '_' and '.', at most 63 characters"
            )
        }
        return text
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }
}
