// Single- and double-quoted scalars, folded across lines as YAML folds them.
extension YAMLReader {
    /// Parses the quoted scalar at the cursor (at its opening quote); leaves the
    /// cursor after the closing quote.
    mutating func parseQuoted() throws(Failure) -> YAMLNode {
        let open = pos
        let double = peek() == "\""
        let kind = double ? "double-quoted" : "single-quoted"
        var value: [Unicode.Scalar] = []
        pos += 1
        while true {
            guard pos < text.count else { throw unterminated(kind, open: open) }
            let c = text[pos]
            if c == "'" && !double {
                if peek(1) == "'" {
                    value.append("'")
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            if c == "\"" && double {
                pos += 1
                break
            }
            if c == "\\" && double {
                if peek(1) == "\n" {
                    pos += 1
                    let breaks = try skipQuotedLineBreak(kind, open: open)
                    value.append(contentsOf: repeatElement("\n", count: breaks))
                } else {
                    appendEscape(to: &value)
                }
                continue
            }
            if YAMLReader.isBlank(c) || c == "\n" {
                var i = pos
                while i < text.count, YAMLReader.isBlank(text[i]) { i += 1 }
                if char(at: i) == "\n" {
                    pos = i
                    let breaks = try skipQuotedLineBreak(kind, open: open)
                    if breaks == 0 {
                        value.append(" ")
                    } else {
                        value.append(contentsOf: repeatElement("\n", count: breaks))
                    }
                } else {
                    value.append(contentsOf: text[pos..<i])
                    pos = i
                }
                continue
            }
            value.append(c)
            pos += 1
        }
        let style: YAMLScalar.Style = double ? .doubleQuoted : .singleQuoted
        return YAMLNode(
            location: location(of: open),
            kind: .scalar(YAMLScalar(text: YAMLReader.string(value), style: style, isNull: false, length: pos - open)))
    }

    /// Moves past the line break at the cursor, the blank lines after it and the
    /// next line's leading blanks; returns how many blank lines there were.
    private mutating func skipQuotedLineBreak(_ kind: String, open: Int) throws(Failure) -> Int {
        var breaks = 0
        while peek() == "\n" {
            pos += 1
            if documentMarker(at: pos) != nil {
                throw failure(
                    "unterminated \(kind) string: a document marker ends it", at: open,
                    hint: "close the quote", resumeAt: endOfLine(from: open))
            }
            while pos < text.count, YAMLReader.isBlank(text[pos]) { pos += 1 }
            if peek() == "\n" { breaks += 1 }
        }
        return breaks
    }

    /// The error for a string whose closing quote is missing; parsing resumes
    /// after the line of its opening quote.
    private func unterminated(_ kind: String, open: Int) -> Failure {
        failure(
            "unterminated \(kind) string", at: open,
            hint: "close the quote on this line (a quoted string may span lines, but this one reaches the end of the file)",
            resumeAt: endOfLine(from: open))
    }

    /// Appends the escape sequence at the cursor (at its `\`) and moves past it;
    /// reports an invalid one and goes on.
    private mutating func appendEscape(to value: inout [Unicode.Scalar]) {
        let backslash = pos
        let c = peek(1)
        pos += 2
        let simple: Unicode.Scalar?
        switch c {
        case "0": simple = "\0"
        case "a": simple = "\u{07}"
        case "b": simple = "\u{08}"
        case "t", "\t": simple = "\t"
        case "n": simple = "\n"
        case "v": simple = "\u{0B}"
        case "f": simple = "\u{0C}"
        case "r": simple = "\r"
        case "e": simple = "\u{1B}"
        case " ": simple = " "
        case "\"": simple = "\""
        case "/": simple = "/"
        case "\\": simple = "\\"
        case "N": simple = "\u{85}"
        case "_": simple = "\u{A0}"
        case "L": simple = "\u{2028}"
        case "P": simple = "\u{2029}"
        default: simple = nil
        }
        if let simple {
            value.append(simple)
            return
        }
        let digits: Int
        switch c {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default:
            if c == "\0" {
                pos = backslash + 1
                return
            }
            report(
                "unknown escape '\\\(c)'", at: backslash, length: 2,
                hint: "escapes are \\\" \\\\ \\/ \\n \\t \\r \\0 \\xNN \\uNNNN; write '\\\\' for a backslash")
            return
        }
        var code: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = hexValue(char(at: backslash + 2 + offset)) else {
                report(
                    "'\\\(c)' needs \(digits) hexadecimal digits", at: backslash, length: 2 + offset,
                    hint: "write it as \\\(c)\(String(repeating: "0", count: digits - 1))A, for example")
                pos = backslash + 2 + offset
                return
            }
            code = code << 4 | digit
        }
        pos = backslash + 2 + digits
        guard let scalar = Unicode.Scalar(code) else {
            report(
                "'\\\(c)' escape of an invalid code point", at: backslash, length: 2 + digits,
                hint: "surrogates and values above 10FFFF are not characters")
            return
        }
        value.append(scalar)
    }

    /// The value of a hexadecimal digit, or nil.
    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 0x30
        case "a"..."f": return c.value - 0x61 + 10
        case "A"..."F": return c.value - 0x41 + 10
        default: return nil
        }
    }
}
