/// What to keep of a process's standard error for a report: its first line, usually the
/// reason it stopped (`Fatal error: ...`), and its last `lastLineCount` lines. Blank lines
/// are not kept; a line longer than `longestLine` bytes is cut.
struct OutputTail {
    let lastLineCount: Int
    let longestLine = 1_000
    private var first: String?
    private var last: [String] = []
    private var leftOut = 0
    /// The line being written, not yet ended by a newline.
    private var partial: [UInt8] = []

    init(lastLineCount: Int) {
        self.lastLineCount = lastLineCount
    }

    /// Takes in more of the stream.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                endLine()
            } else if partial.count < longestLine {
                partial.append(byte)
            }
        }
    }

    /// Forgets everything taken in so far.
    mutating func reset() {
        self = OutputTail(lastLineCount: lastLineCount)
    }

    /// The lines kept, in order, with `... (N lines left out)` where lines were dropped,
    /// and the last line even if no newline ended it.
    var lines: [String] {
        var copy = self
        copy.endLine()
        guard let first = copy.first else { return [] }
        return [first] + (copy.leftOut > 0 ? ["... (\(copy.leftOut) lines left out)"] : []) + copy.last
    }

    private mutating func endLine() {
        defer { partial.removeAll(keepingCapacity: true) }
        var line = String(decoding: partial, as: UTF8.self)
        while line.last?.isWhitespace == true { line.removeLast() }
        guard !line.isEmpty else { return }
        guard first != nil else {
            first = line
            return
        }
        last.append(line)
        if last.count > lastLineCount {
            last.removeFirst()
            leftOut += 1
        }
    }
}
