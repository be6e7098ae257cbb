/// Builds JSON text by hand, so that keys keep the order they are written in
/// (Foundation's serialiser sorts or scrambles them) and output is byte-identical run to run.
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` as
    /// themselves, other control characters (and DEL, U+2028, U+2029, which break some
    /// readers) as `\u00XX`, everything else as UTF-8.
    /// - Complexity: O(n) in the length of `text`.
    static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        if text.utf8.contains(where: needsCareful) {
            appendEscaped(text, to: &out)
        } else {
            out.append(text)
        }
        out.append("\"")
    }

    /// True for bytes that may start something to escape: control characters, `"`, `\`,
    /// DEL, and 0xE2 (the lead byte of U+2028 and U+2029).
    @inline(__always)
    private static func needsCareful(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    private static func appendEscaped(_ text: String, to out: inout String) {
        var run = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: run += "\\\""
            case 0x5C: run += "\\\\"
            case 0x0A: run += "\\n"
            case 0x0D: run += "\\r"
            case 0x09: run += "\\t"
            case 0x00 ..< 0x20, 0x7F, 0x2028, 0x2029: run += unicodeEscape(scalar.value)
            default: run.unicodeScalars.append(scalar)
            }
        }
        out += run
    }

    /// `\u001b`: four lowercase hex digits, as Go's encoder writes them.
    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// One JSON object written key by key, in order; `line` ends it with a newline.
struct JSONObject {
    private(set) var text = "{"
    private var isEmpty = true

    private mutating func key(_ name: String) {
        if isEmpty { isEmpty = false } else { text.append(",") }
        JSONText.appendQuoted(name, to: &text)
        text.append(":")
    }

    mutating func add(_ name: String, _ value: String) {
        key(name)
        JSONText.appendQuoted(value, to: &text)
    }

    mutating func add(_ name: String, _ value: Int64) {
        key(name)
        text.append(String(value))
    }

    mutating func add(_ name: String, _ value: Int) {
        add(name, Int64(value))
    }

    mutating func add(_ name: String, _ value: UInt64) {
        key(name)
        text.append(String(value))
    }

    mutating func add(_ name: String, _ value: Bool) {
        key(name)
        text.append(value ? "true" : "false")
    }

    /// `value`, or `null` when it is nil.
    mutating func add(_ name: String, _ value: String?) {
        if let value { add(name, value) } else { addNull(name) }
    }

    mutating func addNull(_ name: String) {
        key(name)
        text.append("null")
    }

    /// A value that is already JSON text (an array or an object).
    mutating func addJSON(_ name: String, _ json: String) {
        key(name)
        text.append(json)
    }

    /// The object, closed.
    var json: String { text + "}" }

    /// The object, closed, and a newline: one line of a JSON lines stream.
    var line: String { text + "}\n" }
}
