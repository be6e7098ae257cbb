/// A list of strings kept in a container label as JSON, as classic Swarm stores affinities,
/// constraints, whitelists and reschedule policies (`cluster/config.go`: `json.Marshal` of a
/// `[]string` into `com.docker.swarm.<key>`, `json.Unmarshal` back).
enum SwarmLabelList {
    /// `json.Marshal` of a `[]string`: `["a","b"]`, with Go's escapes (`"`, `\`, control
    /// characters, and `<`, `>`, `&` as `\u003c` ... for HTML safety).
    static func encode(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ",") + "]"
    }

    /// Go's `encoding/json` escapes: the two-character ones, and `\u00XX` for the other control
    /// characters and for `<`, `>`, `&`, U+2028 and U+2029.
    private static let shortEscapes: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"]

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escape = shortEscapes[scalar] {
                out += escape
            } else if scalar.value < 0x20 || "<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `json.Unmarshal` into a `[]string`: the list, or nil when the text is not a JSON array of
    /// strings (Go then leaves the slice nil: a syntax error is found before anything is stored,
    /// and a `null` stores nothing).
    static func decode(_ text: String) -> [String]? {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        reader.skipSpace()
        if reader.consume("null") { return nil }
        guard reader.consume("[") else { return nil }
        var items: [String] = []
        reader.skipSpace()
        if reader.consume("]") {
            reader.skipSpace()
            return reader.atEnd ? items : nil
        }
        while true {
            reader.skipSpace()
            guard let item = reader.string() else { return nil }
            items.append(item)
            reader.skipSpace()
            if reader.consume(",") { continue }
            guard reader.consume("]") else { return nil }
            reader.skipSpace()
            return reader.atEnd ? items : nil
        }
    }

    private struct Reader {
        var scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index >= scalars.count }

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let wanted = Array(word.unicodeScalars)
            guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else { return false }
            index += wanted.count
            return true
        }

        /// A JSON string with its escapes.
        mutating func string() -> String? {
            guard consume("\"") else { return nil }
            var out = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\"": return String(out)
                case "\\":
                    guard index < scalars.count else { return nil }
                    let escape = scalars[index]
                    index += 1
                    switch escape {
                    case "\"", "\\", "/": out.append(escape)
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{c}")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        guard index + 4 <= scalars.count,
                              let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16) else { return nil }
                        index += 4
                        out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    default: return nil
                    }
                default:
                    if scalar.value < 0x20 { return nil }
                    out.append(scalar)
                }
            }
            return nil
        }
    }
}
