/// Renders diagnostics for one source file in the form of SCENARIO_FORMAT §2.
///
///     scenarios/failover.scn:14:51: error: unknown node 'w9' in 'docker node update'
///         - at 70s: docker node update --availability drain w9
///                                                           ^~
///     hint: nodes are m1, m2, m3, w1, w2, w3, w4
///
/// The source line is echoed after four spaces, with tabs expanded to stops of
/// `tabWidth` and control characters shown as `�`, so the caret lines up in a
/// terminal. A line wider than `maximumLineWidth` is cut to a window around the
/// caret, with `...` where text was left out. Lines are split at `\n`, `\r\n`
/// and `\r`, as the YAML parser splits them, and a leading byte-order mark is
/// ignored, as the parser ignores it.
public struct DiagnosticRenderer: Sendable {
    /// Tab stops used when echoing a source line.
    public static let tabWidth = 8
    /// Source lines wider than this (after tab expansion) are shown as a window.
    public static let maximumLineWidth = 160

    private let lines: [Substring]

    /// A renderer for diagnostics about `source`; the text is split into lines once.
    /// - Complexity: O(n) in the length of `source`.
    public init(source: String) {
        var lines: [Substring] = []
        let scalars = source.unicodeScalars
        var start = scalars.startIndex
        if start < scalars.endIndex, scalars[start] == "\u{FEFF}" {
            start = scalars.index(after: start)
        }
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        self.lines = lines
    }

    /// The diagnostics in order of (line, column), equal positions in their given
    /// order, each rendered by `render(_:)`, concatenated.
    /// - Complexity: O(k log k) for k diagnostics, plus the length of their lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let ordered = diagnostics.enumerated().sorted { a, b in
            if a.element.location != b.element.location {
                return a.element.location < b.element.location
            }
            return a.offset < b.offset
        }
        return ordered.map { render($0.element) }.joined()
    }

    /// One diagnostic: the header, the source line and caret (when the line exists),
    /// the hint (when there is one); every line ends with a newline.
    /// - Complexity: O(w) in the width of the source line.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.headline + "\n"
        let lineNumber = diagnostic.location.line
        if lineNumber >= 1, lineNumber <= lines.count {
            let (echo, caret) = excerpt(
                of: lines[lineNumber - 1],
                column: diagnostic.location.column,
                length: diagnostic.length
            )
            out += "    " + echo + "\n"
            out += "    " + caret + "\n"
        }
        if let hint = diagnostic.hint {
            out += "hint: " + hint + "\n"
        }
        return out
    }

    /// The echoed line and the caret line for a span starting at the 1-based `column`.
    private func excerpt(of line: Substring, column: Int, length: Int) -> (String, String) {
        // Each display cell holds one scalar; `starts[i]` is the first cell of scalar i.
        var cells: [Unicode.Scalar] = []
        var starts: [Int] = []
        for scalar in line.unicodeScalars {
            starts.append(cells.count)
            if scalar == "\t" {
                let width = Self.tabWidth - cells.count % Self.tabWidth
                cells.append(contentsOf: repeatElement(" ", count: width))
            } else {
                cells.append(Self.isShowable(scalar) ? scalar : "\u{FFFD}")
            }
        }
        starts.append(cells.count)
        let scalarCount = starts.count - 1
        let first = max(0, column - 1)
        let caretStart = first <= scalarCount ? starts[first] : cells.count + (first - scalarCount)
        let last = min(scalarCount, first + max(1, length))
        let caretEnd = first < scalarCount ? starts[last] : caretStart + 1
        var caretWidth = max(1, caretEnd - caretStart)

        var low = 0
        var high = cells.count
        if cells.count > Self.maximumLineWidth {
            let window = Self.maximumLineWidth - 6
            low = max(0, min(caretStart - window / 3, cells.count - window))
            high = min(cells.count, low + window)
        }
        var echo = String.UnicodeScalarView()
        if low > 0 { echo.append(contentsOf: "...".unicodeScalars) }
        echo.append(contentsOf: cells[low..<high])
        if high < cells.count { echo.append(contentsOf: "...".unicodeScalars) }

        var indent = caretStart - low + (low > 0 ? 3 : 0)
        if caretStart < low { indent = 0 }
        if high < cells.count {
            caretWidth = max(1, min(caretWidth, high - caretStart))
        }
        let caret = String(repeating: " ", count: max(0, indent)) + "^"
            + String(repeating: "~", count: caretWidth - 1)
        return (String(echo), caret)
    }

    /// Whether a scalar can be echoed as itself (not a control or line-separator character).
    private static func isShowable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return false
        default: return true
        }
    }
}
