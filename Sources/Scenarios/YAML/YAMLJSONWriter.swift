/// Writes YAML nodes as JSON text, formatted exactly as Python's
/// `json.dumps(value, indent=2, ensure_ascii=False)` formats them, so the
/// `--dump` output can be compared byte for byte with PyYAML's `BaseLoader`.
///
/// Mappings become objects in file order, sequences arrays, and every scalar a
/// string (a null value is "", as `BaseLoader` loads it). The text has no final newline.
public enum YAMLJSONWriter {
    /// The JSON text of `node`.
    /// - Complexity: O(n) in the size of the node tree and its text.
    public static func json(for node: YAMLNode) -> String {
        var out = ""
        write(node, depth: 0, into: &out)
        return out
    }

    /// The JSON text of a document: its root, or `null` when it has none.
    public static func json(for document: YAMLDocument) -> String {
        document.root.map { json(for: $0) } ?? "null"
    }

    /// `text` as a JSON string literal, quotes included.
    /// - Complexity: O(n)
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    private static func write(_ node: YAMLNode, depth: Int, into out: inout String) {
        switch node.kind {
        case .scalar(let scalar):
            appendQuoted(scalar.text, to: &out)
        case .sequence(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                appendIndent(depth + 1, to: &out)
                write(item, depth: depth + 1, into: &out)
            }
            out += "\n"
            appendIndent(depth, to: &out)
            out += "]"
        case .mapping(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, pair) in pairs.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                appendIndent(depth + 1, to: &out)
                appendQuoted(pair.keyText, to: &out)
                out += ": "
                write(pair.value, depth: depth + 1, into: &out)
            }
            out += "\n"
            appendIndent(depth, to: &out)
            out += "}"
        }
    }

    private static func appendIndent(_ depth: Int, to out: inout String) {
        out += String(repeating: " ", count: 2 * depth)
    }

    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension YAMLNode {
    /// This node as JSON text; see `YAMLJSONWriter`.
    public func jsonText() -> String { YAMLJSONWriter.json(for: self) }
}

extension YAMLDocument {
    /// This document as JSON text (`null` when it has no root); see `YAMLJSONWriter`.
    public func jsonText() -> String { YAMLJSONWriter.json(for: self) }
}
