/// A position in a source file: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars (code points), as Python and PyYAML do, so a
/// tab or an accented letter is one column; `DiagnosticRenderer` expands tabs
/// when it echoes the line, keeping the caret under the right character.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// A location at `line` and `column`, both 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders by line, then by column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, as in a diagnostic's header.
    public var description: String { "\(line):\(column)" }
}
