/// The parser's state: the source as an array of Unicode scalars, a cursor into
/// it, and the errors found so far.
///
/// The source is normalised once: `\r\n` and `\r` become `\n` (as YAML reads
/// them), a leading byte-order mark is dropped, and characters YAML forbids are
/// reported and replaced by U+FFFD, so `"\0"` can stand for the end of input.
/// Line and column numbers are unchanged by this. The grammar lives in the
/// facet files `YAMLReader+Block.swift`, `+Flow`, `+Plain`, `+Quoted`, `+Literal`.
struct YAMLReader {
    /// Why parsing of a construct stopped.
    enum Failure: Error {
        /// A syntax error; the caller records it and resumes (at `resumeAt`, if given,
        /// then at the next entry).
        case syntax(Diagnostic, resumeAt: Int?)
        /// Parsing is over (too deep, or too many errors); the diagnostics say why.
        case stop
    }

    /// The longest key accepted, in characters (PyYAML's limit for a simple key).
    static let maximumKeyLength = 1024

    let file: String
    /// The normalised source.
    let text: [Unicode.Scalar]
    /// The index in `text` of the first character of each line.
    let lineStarts: [Int]
    /// The cursor.
    var pos = 0
    /// The errors found so far.
    var diagnostics: [Diagnostic] = []
    /// Set once parsing must end (too many errors).
    var stopped = false
    /// The last line whose tab was reported (one report per line is enough).
    var lastTabLine = -1

    /// A reader over `scalars`; `invalidUTF8` lists indices (ascending) of scalars
    /// that replaced invalid UTF-8.
    init(scalars: [Unicode.Scalar], invalidUTF8: [Int], file: String) {
        self.file = file
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(scalars.count)
        var lineStarts = [0]
        var forbidden: [(index: Int, scalar: Unicode.Scalar, invalidUTF8: Bool)] = []
        var nextInvalid = 0
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        while index < scalars.count {
            let scalar = scalars[index]
            let isInvalidUTF8 = nextInvalid < invalidUTF8.count && invalidUTF8[nextInvalid] == index
            if isInvalidUTF8 { nextInvalid += 1 }
            index += 1
            if scalar == "\r" {
                if index < scalars.count, scalars[index] == "\n" { continue }
                text.append("\n")
                lineStarts.append(text.count)
            } else if scalar == "\n" {
                text.append("\n")
                lineStarts.append(text.count)
            } else if isInvalidUTF8 || !YAMLReader.isAllowed(scalar) {
                forbidden.append((text.count, scalar, isInvalidUTF8))
                text.append("\u{FFFD}")
            } else {
                text.append(scalar)
            }
        }
        self.text = text
        self.lineStarts = lineStarts
        var lastLine = -1
        for item in forbidden {
            let line = lineIndex(of: item.index)
            guard line != lastLine else { continue }
            lastLine = line
            if item.invalidUTF8 {
                report("invalid UTF-8", at: item.index, hint: "save the file as UTF-8")
            } else {
                let hex = String(item.scalar.value, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                report(
                    "character U+\(code) is not allowed in a YAML file", at: item.index,
                    hint: "write it as an escape in a double-quoted string: \"\\u\(code)\"")
            }
        }
    }

    /// Whether YAML allows `scalar` in a file (the printable set, less the
    /// YAML 1.1 line separators, which this subset rejects).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return true
        default:
            return false
        }
    }

    /// Parses the whole source.
    mutating func parse() -> YAMLParseResult {
        let root = parseDocument()
        return diagnostics.isEmpty ? .document(YAMLDocument(root: root)) : .failure(diagnostics)
    }

    // MARK: - Positions

    /// The character at `index`, or `"\0"` past the end.
    @inline(__always)
    func char(at index: Int) -> Unicode.Scalar {
        index < text.count ? text[index] : "\0"
    }

    /// The character `offset` places after the cursor, or `"\0"` past the end.
    @inline(__always)
    func peek(_ offset: Int = 0) -> Unicode.Scalar {
        char(at: pos + offset)
    }

    /// Whether the cursor is at the end of input.
    var atEnd: Bool { pos >= text.count }

    /// The 0-based line holding `index`.
    /// - Complexity: O(log n) in the number of lines.
    func lineIndex(of index: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The 0-based column of `index`.
    func column(of index: Int) -> Int {
        index - lineStarts[lineIndex(of: index)]
    }

    /// The 1-based source location of `index`.
    func location(of index: Int) -> SourceLocation {
        let line = lineIndex(of: index)
        return SourceLocation(line: line + 1, column: index - lineStarts[line] + 1)
    }

    /// The index of the `\n` ending the line of `index` (or the end of input).
    func endOfLine(from index: Int) -> Int {
        var i = index
        while i < text.count, text[i] != "\n" { i += 1 }
        return i
    }

    /// `"---"` or `"..."` when a document marker starts at `index` (column 0,
    /// followed by a blank or a line break), else nil.
    func documentMarker(at index: Int) -> String? {
        guard index + 2 < text.count, index == 0 || text[index - 1] == "\n" else { return nil }
        let first = text[index]
        guard first == "-" || first == ".", text[index + 1] == first, text[index + 2] == first,
            YAMLReader.isBlankOrBreak(char(at: index + 3))
        else { return nil }
        return first == "-" ? "---" : "..."
    }

    // MARK: - Character classes

    /// A space or a tab.
    @inline(__always)
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// A space, a tab, a line break or the end of input.
    @inline(__always)
    static func isBlankOrBreak(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\0"
    }

    /// A line break or the end of input.
    @inline(__always)
    static func isBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\0" }

    /// One of `,[]{}`.
    @inline(__always)
    static func isFlowIndicator(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }

    /// Whether a `:` at `index` is a value indicator: followed by a blank, a
    /// line break or the end (or, inside a flow collection, by `,[]{}`).
    func isValueIndicator(at index: Int, flow: Bool) -> Bool {
        guard char(at: index) == ":" else { return false }
        let next = char(at: index + 1)
        return YAMLReader.isBlankOrBreak(next) || (flow && YAMLReader.isFlowIndicator(next))
    }

    /// Whether a block sequence entry `- ` starts at `index`.
    func isSequenceEntry(at index: Int) -> Bool {
        char(at: index) == "-" && YAMLReader.isBlankOrBreak(char(at: index + 1))
    }

    // MARK: - Errors

    /// A syntax error at `index`, to throw.
    func failure(
        _ message: String, at index: Int, length: Int = 1, hint: String? = nil, resumeAt: Int? = nil
    ) -> Failure {
        .syntax(
            Diagnostic(file: file, location: location(of: index), length: length, message: message, hint: hint),
            resumeAt: resumeAt)
    }

    /// Records an error at `index` and goes on.
    mutating func report(_ message: String, at index: Int, length: Int = 1, hint: String? = nil) {
        record(Diagnostic(file: file, location: location(of: index), length: length, message: message, hint: hint))
    }

    /// Records a diagnostic, unless too many have been recorded already.
    mutating func record(_ diagnostic: Diagnostic) {
        guard !stopped else { return }
        if diagnostics.count >= YAMLParser.maximumDiagnostics {
            stopped = true
            diagnostics.append(
                Diagnostic(
                    file: file, location: diagnostic.location,
                    message: "too many errors (\(diagnostics.count)); stopping here"))
            return
        }
        diagnostics.append(diagnostic)
    }

    /// Records a thrown syntax error and moves the cursor to where parsing may
    /// resume; rethrows `.stop`.
    mutating func recover(from failure: Failure) throws(Failure) {
        switch failure {
        case .stop:
            throw .stop
        case .syntax(let diagnostic, let resumeAt):
            record(diagnostic)
            if let resumeAt { pos = resumeAt }
            if stopped { throw .stop }
        }
    }

    /// Reports nesting beyond `YAMLParser.maximumDepth` and ends parsing.
    func checkDepth(_ depth: Int, at index: Int) throws(Failure) {
        if depth > YAMLParser.maximumDepth {
            throw failure(
                "nesting deeper than \(YAMLParser.maximumDepth) levels", at: index,
                hint: "a scenario never needs this much nesting")
        }
    }

    // MARK: - Blanks and comments

    /// Reports a tab at `index` (once per line).
    mutating func reportTab(at index: Int) {
        let line = lineIndex(of: index)
        guard line != lastTabLine else { return }
        lastTabLine = line
        var inIndentation = true
        var i = lineStarts[line]
        while i < index {
            if !YAMLReader.isBlank(text[i]) { inIndentation = false; break }
            i += 1
        }
        if inIndentation {
            report("tab in indentation", at: index, hint: "indent with spaces; YAML does not allow tabs for indentation")
        } else {
            report("tab character outside a quoted string", at: index, hint: "use spaces, or put the text in quotes")
        }
    }

    /// Skips spaces on the current line, reporting tabs.
    mutating func skipBlanks() {
        while pos < text.count {
            let c = text[pos]
            if c == "\t" {
                reportTab(at: pos)
            } else if c != " " {
                return
            }
            pos += 1
        }
    }

    /// Skips a comment if the cursor is at `#`, reporting one not separated by a blank.
    mutating func skipComment() {
        guard peek() == "#" else { return }
        if pos > 0, !YAMLReader.isBlankOrBreak(text[pos - 1]) {
            report("a comment needs a space before '#'", at: pos, hint: "put a space before '#', or quote the text")
        }
        pos = endOfLine(from: pos)
    }

    /// Skips blanks, comments and line breaks up to the next content (or the end).
    /// A line indented with a tab is reported and skipped whole: its column is
    /// meaningless, and reading it would only add confusing errors.
    mutating func skipToContent() {
        while true {
            let lineStart = pos == 0 || text[pos - 1] == "\n"
            var tab = false
            while pos < text.count, YAMLReader.isBlank(text[pos]) {
                if text[pos] == "\t" {
                    reportTab(at: pos)
                    tab = true
                }
                pos += 1
            }
            if tab && lineStart {
                pos = endOfLine(from: pos)
            }
            skipComment()
            guard peek() == "\n" else { return }
            pos += 1
        }
    }

    /// After a complete node on a line: only blanks and a comment may follow.
    mutating func expectLineEnd(after what: String) throws(Failure) {
        skipBlanks()
        skipComment()
        guard YAMLReader.isBreak(peek()) else {
            throw failure(
                "unexpected text after \(what)", at: pos, length: endOfLine(from: pos) - pos,
                hint: "a value ends at the end of its line; quote the whole value, or put the text on its own line")
        }
    }

    /// Moves past the current line, then past every following line that is blank,
    /// a comment, or indented more than `indent`: to the next entry of a block
    /// collection at `indent` (or an outer one).
    mutating func skipEntry(deeperThan indent: Int) {
        pos = endOfLine(from: pos)
        while pos < text.count {
            pos += 1
            let lineStart = pos
            var i = pos
            while i < text.count, YAMLReader.isBlank(text[i]) { i += 1 }
            let c = char(at: i)
            if c == "\0" { pos = text.count; return }
            if c != "\n", c != "#", i - lineStart <= indent || documentMarker(at: i) != nil {
                pos = lineStart
                return
            }
            pos = endOfLine(from: i)
        }
    }

    /// A string of the given scalars, built through UTF-8 in one pass (appending
    /// many pieces to a `String.UnicodeScalarView` copies the string each time).
    /// - Complexity: O(n)
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for scalar in scalars {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A null scalar (`key:` with nothing after it) at `index`.
    func nullNode(at index: Int) -> YAMLNode {
        YAMLNode(location: location(of: index), kind: .scalar(.null))
    }

    /// Reports the tab characters a nested construct ran into, if any.
    mutating func reportTabs(_ tab: Int?) {
        if let tab { reportTab(at: tab) }
    }
}
