/// The lines of a source file as Unicode scalars, split as the YAML parser splits them
/// (at `\n`, `\r\n` and `\r`, a leading byte-order mark ignored), so that a 1-based
/// line and column index them directly.
struct SourceLines: Sendable {
    private let lines: [[Unicode.Scalar]]

    /// The lines of `source`.
    /// - Complexity: O(n) in the length of `source`.
    init(_ source: String) {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        var first = true
        for scalar in source.unicodeScalars {
            defer { first = false }
            if first && scalar == "\u{FEFF}" { continue }
            if scalar == "\n" {
                if !previousWasCR { lines.append(current) }
                current = []
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(current)
                current = []
                previousWasCR = true
            } else {
                current.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// The scalars of the 1-based `line`, or nil when there is no such line.
    subscript(line: Int) -> [Unicode.Scalar]? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }
}
