/// One problem found in a source file: where it is, what it is, and how to fix it.
///
/// A diagnostic is a value; `DiagnosticRenderer` turns it into the text of
/// SCENARIO_FORMAT §2. It is also an `Error`, so a single one can be thrown.
public struct Diagnostic: Error, Hashable, Sendable {
    /// How serious a diagnostic is; the raw value is the word printed in the header.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
        case note
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The file's path, as the user gave it.
    public var file: String
    /// Where the problem starts.
    public var location: SourceLocation
    /// How many columns the caret underlines: `^` then `~` for the rest (at least 1).
    public var length: Int
    /// What is wrong, in one line.
    public var message: String
    /// How to fix it, in one line, or nil.
    public var hint: String?

    /// A diagnostic; `length` below 1 becomes 1.
    public init(
        _ severity: Severity = .error,
        file: String,
        location: SourceLocation,
        length: Int = 1,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    /// The header line without the source excerpt: `file:line:column: error: message`.
    public var headline: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: CustomStringConvertible {
    /// The header line, then the hint line if there is one.
    public var description: String {
        hint.map { headline + "\nhint: " + $0 } ?? headline
    }
}

extension Array where Element == Diagnostic {
    /// Whether any element is an error (not a warning or a note).
    public var containsError: Bool { contains { $0.severity == .error } }
}
