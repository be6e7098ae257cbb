// Plain (unquoted) scalars, scanned as PyYAML scans them.
extension YAMLReader {
    /// Why a line of a plain scalar ended.
    enum PlainStop: Equatable {
        /// At the end of the line (only blanks followed).
        case lineEnd
        /// At a `:` value indicator (its index), possibly after blanks.
        case colon(Int)
        /// At a comment (` #`).
        case comment
        /// At anything else: a flow indicator, or a character a plain scalar
        /// cannot continue with.
        case other
    }

    /// One line of a plain scalar: where its text ends and why.
    struct PlainLine {
        /// The index just after its last non-blank character.
        var end: Int
        /// Why it ended.
        var stop: PlainStop
        /// The first tab met among its blanks, if any (reported when the line is used).
        var tab: Int?
    }

    /// Scans the text of a plain scalar on one line from `start`: words separated
    /// by blanks, up to a `: `, a ` #`, the end of the line, or (in a flow
    /// collection) one of `,?[]{}`. Does not move the cursor.
    /// - Complexity: O(n) in the length of the line.
    func scanPlainLine(from start: Int, flow: Bool) -> PlainLine {
        var i = start
        var end = start
        var tab: Int?
        while true {
            let wordStart = i
            while i < text.count {
                let c = text[i]
                if YAMLReader.isBlankOrBreak(c) { break }
                if c == ":" && isValueIndicator(at: i, flow: flow) { break }
                if flow && (c == "?" || YAMLReader.isFlowIndicator(c)) { break }
                i += 1
            }
            if i == wordStart { break }
            end = i
            while i < text.count, YAMLReader.isBlank(text[i]) {
                if text[i] == "\t" && tab == nil { tab = i }
                i += 1
            }
            if i == end || char(at: i) == "#" { break }
        }
        var k = end
        while k < text.count, YAMLReader.isBlank(text[k]) {
            if text[k] == "\t" && tab == nil { tab = k }
            k += 1
        }
        let stop: PlainStop
        if isValueIndicator(at: k, flow: flow) {
            stop = .colon(k)
        } else if char(at: k) == "#" && k > end {
            stop = .comment
        } else if YAMLReader.isBreak(char(at: k)) {
            stop = .lineEnd
        } else {
            stop = .other
        }
        return PlainLine(end: end, stop: stop, tab: tab)
    }

    /// A plain scalar node for the source `start..<end` with the given text.
    func plainNode(from start: Int, to end: Int, text: String) -> YAMLNode {
        YAMLNode(
            location: location(of: start),
            kind: .scalar(YAMLScalar(text: text, style: .plain, isNull: false, length: end - start)))
    }

    /// Parses a plain scalar whose first line is scanned already, folding in the
    /// continuation lines (in block context, those indented more than
    /// `parentIndent`); leaves the cursor after its last character. `ownsLine`
    /// tells that the scalar starts its line (it is no value after `key:` or `- `).
    mutating func parsePlainScalar(
        from start: Int, firstLine: PlainLine, parentIndent: Int, flow: Bool, ownsLine: Bool = false
    ) throws(Failure) -> YAMLNode {
        reportTabs(firstLine.tab)
        var value = Array(text[start..<firstLine.end])
        var end = firstLine.end
        var stop = firstLine.stop
        continuation: while stop == .lineEnd {
            var i = endOfLine(from: end)
            var breaks = 0
            var lineStart = i + 1
            // Skip the line break and any blank lines after it.
            while i < text.count {
                lineStart = i + 1
                if documentMarker(at: lineStart) != nil { break continuation }
                i = lineStart
                while i < text.count, text[i] == " " { i += 1 }
                guard char(at: i) == "\n" else { break }
                breaks += 1
            }
            guard i < text.count, text[i] != "#", flow || i - lineStart > parentIndent else { break }
            let line = scanPlainLine(from: i, flow: flow)
            guard line.end > i else { break }
            if !flow, case .colon = line.stop {
                if ownsLine && i - lineStart == column(of: start) {
                    // `word` over `key: value` in one column: the first line lacks its ':'.
                    throw missingColon(from: start, to: firstLine.end)
                }
                throw failure(
                    "unexpected 'key: value' inside a multi-line plain value", at: i, length: line.end - i,
                    hint: "check the indentation of this line, or quote the text")
            }
            reportTabs(line.tab)
            if breaks == 0 {
                value.append(" ")
            } else {
                value.append(contentsOf: repeatElement("\n", count: breaks))
            }
            value.append(contentsOf: text[i..<line.end])
            end = line.end
            stop = line.stop
        }
        pos = end
        return plainNode(from: start, to: end, text: YAMLReader.string(value))
    }
}
