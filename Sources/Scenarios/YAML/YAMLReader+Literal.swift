// `|` literal block scalars, with chomping and indentation indicators.
extension YAMLReader {
    /// How a literal block scalar treats its final line breaks.
    private enum Chomping {
        /// `|`: one final line break kept.
        case clip
        /// `|-`: none kept.
        case strip
        /// `|+`: all kept.
        case keep
    }

    /// Parses the literal block scalar at the cursor (at its `|`); its lines are
    /// indented more than `parentIndent`. The algorithm is PyYAML's, so that
    /// indentation detection and chomping agree with it.
    mutating func parseLiteral(parentIndent: Int) throws(Failure) -> YAMLNode {
        let start = pos
        pos += 1
        var chomping = Chomping.clip
        var increment: Int?
        for _ in 0..<2 {
            let c = peek()
            if (c == "-" || c == "+") && chomping == .clip {
                chomping = c == "-" ? .strip : .keep
                pos += 1
            } else if ("0"..."9").contains(c) && increment == nil {
                guard c != "0" else {
                    throw failure("the indentation indicator must be 1 to 9", at: pos, hint: "write '|2', for example, or just '|'")
                }
                increment = Int(c.value - 0x30)
                pos += 1
            }
        }
        skipBlanks()
        skipComment()
        guard YAMLReader.isBreak(peek()) else {
            throw failure(
                "unexpected text after '|'", at: pos, length: endOfLine(from: pos) - pos,
                hint: "the text of a '|' block starts on the next line; only '-', '+' and a digit 1-9 may follow '|'")
        }
        if peek() == "\n" { pos += 1 }
        // Columns are counted from `lineStart`, kept up to date as lines are passed.
        var lineStart = pos

        let minimumIndent = max(parentIndent + 1, 1)
        var indent: Int
        var breaks = 0
        if let increment {
            indent = minimumIndent + increment - 1
            breaks = skipLiteralBreaks(indent: indent, lineStart: &lineStart)
        } else {
            var maximumIndent = 0
            while peek() == " " || peek() == "\n" {
                if peek() == "\n" {
                    breaks += 1
                    lineStart = pos + 1
                } else if pos - lineStart + 1 > maximumIndent {
                    maximumIndent = pos - lineStart + 1
                }
                pos += 1
            }
            indent = max(minimumIndent, maximumIndent)
        }

        var value: [Unicode.Scalar] = []
        var lineBreak = false
        while pos - lineStart == indent && !atEnd {
            value.append(contentsOf: repeatElement("\n", count: breaks))
            let lineEnd = endOfLine(from: pos)
            value.append(contentsOf: text[pos..<lineEnd])
            pos = lineEnd
            lineBreak = peek() == "\n"
            if lineBreak {
                pos += 1
                lineStart = pos
            }
            breaks = skipLiteralBreaks(indent: indent, lineStart: &lineStart)
            guard pos - lineStart == indent && !atEnd else { break }
            if lineBreak { value.append("\n") }
        }
        switch chomping {
        case .clip:
            if lineBreak { value.append("\n") }
        case .strip:
            break
        case .keep:
            if lineBreak { value.append("\n") }
            value.append(contentsOf: repeatElement("\n", count: breaks))
        }
        return YAMLNode(
            location: location(of: start),
            kind: .scalar(YAMLScalar(text: YAMLReader.string(value), style: .literal, isNull: false, length: pos - start)))
    }

    /// Moves past lines holding at most `indent` spaces, and past up to `indent`
    /// spaces of the next line; returns how many lines were passed.
    private mutating func skipLiteralBreaks(indent: Int, lineStart: inout Int) -> Int {
        var breaks = 0
        while pos - lineStart < indent && peek() == " " { pos += 1 }
        while peek() == "\n" {
            breaks += 1
            pos += 1
            lineStart = pos
            while pos - lineStart < indent && peek() == " " { pos += 1 }
        }
        return breaks
    }
}
