/// Where each character of a scalar's text sits in the source, so that a diagnostic
/// about one word of a value (`w9` in `docker node update --availability drain w9`)
/// can point at that word.
///
/// Plain, single- and double-quoted scalars on one line are mapped character by
/// character (quotes, `''` and backslash escapes accounted for). Anything else (a
/// literal block, a scalar folded over several lines) maps every offset to the
/// scalar's start, which is still the right line.
struct ScalarPositions: Sendable {
    /// Where the scalar starts.
    let start: SourceLocation
    /// The source column of each text offset `0...count`, or nil when unmapped.
    private let columns: [Int]?
    /// The caret length to use when unmapped.
    private let fallbackLength: Int

    /// The positions of `node`'s text (for a non-scalar node, every offset maps to its start).
    /// - Complexity: O(n) in the length of the scalar.
    init(of node: YAMLNode, in source: SourceLines) {
        start = node.location
        fallbackLength = node.caretLength
        guard let scalar = node.scalar, let line = source[node.location.line] else {
            columns = nil
            return
        }
        columns = Self.map(Array(scalar.text.unicodeScalars), style: scalar.style, line: line, column: node.location.column)
    }

    /// The source location of the character at text offset `offset` (clamped to the text).
    func location(at offset: Int) -> SourceLocation {
        guard let columns else { return start }
        let index = min(max(0, offset), columns.count - 1)
        return SourceLocation(line: start.line, column: columns[index])
    }

    /// How many source columns the text span `from..<to` covers (at least 1).
    func length(from: Int, to: Int) -> Int {
        guard let columns else { return fallbackLength }
        let low = min(max(0, from), columns.count - 1)
        let high = min(max(low, to), columns.count - 1)
        return max(1, columns[high] - columns[low])
    }

    /// Column of every text offset, or nil when the source does not hold the text on one line.
    private static func map(_ text: [Unicode.Scalar], style: YAMLScalar.Style, line: [Unicode.Scalar], column: Int) -> [Int]? {
        var position = column - 1  // 0-based index into `line`
        guard position >= 0, position <= line.count else { return nil }
        var result: [Int] = []
        result.reserveCapacity(text.count + 1)
        switch style {
        case .plain:
            for scalar in text {
                guard position < line.count, line[position] == scalar else { return nil }
                result.append(position + 1)
                position += 1
            }
        case .singleQuoted:
            guard position < line.count, line[position] == "'" else { return nil }
            position += 1
            for scalar in text {
                guard position < line.count, line[position] == scalar else { return nil }
                result.append(position + 1)
                position += (scalar == "'" && position + 1 < line.count && line[position + 1] == "'") ? 2 : 1
            }
        case .doubleQuoted:
            guard position < line.count, line[position] == "\"" else { return nil }
            position += 1
            for scalar in text {
                guard position < line.count else { return nil }
                result.append(position + 1)
                if line[position] == "\\" {
                    guard position + 1 < line.count else { return nil }
                    switch line[position + 1] {
                    case "x": position += 4
                    case "u": position += 6
                    case "U": position += 10
                    default: position += 2
                    }
                } else {
                    guard line[position] == scalar else { return nil }
                    position += 1
                }
            }
        case .literal:
            return nil
        }
        result.append(position + 1)
        return result
    }
}
