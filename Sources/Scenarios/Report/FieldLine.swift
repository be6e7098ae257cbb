/// A line of fields, the format in which `simrun check` and its worker processes pass runs
/// and results: fields separated by tabs, the line ended by a newline; inside a field a
/// backslash, tab, newline or carriage return is written `\\`, `\t`, `\n`, `\r`. Cheap to
/// write and to read (a scan of bytes, no nested syntax; JSON through Foundation's coders
/// cost a tenth of a `check`), and exact: what is read back is what was written.
///
/// A value of several fields (an optional, a list) is written as a flag or a count first.
public struct FieldLineWriter {
    /// The fields written so far, without the final newline.
    public private(set) var bytes: [UInt8] = []
    private var isEmpty = true

    public init() {
        bytes.reserveCapacity(2048)
    }

    /// The line, ended by a newline.
    public var line: [UInt8] { bytes + [UInt8(ascii: "\n")] }

    /// Adds a field holding `text`, escaped where it must be.
    public mutating func add(_ text: String) {
        if !isEmpty { bytes.append(UInt8(ascii: "\t")) }
        isEmpty = false
        guard text.utf8.contains(where: Self.isEscaped) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            guard Self.isEscaped(byte) else {
                bytes.append(byte)
                continue
            }
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            default: bytes.append(byte)
            }
        }
    }

    /// A backslash, tab, newline or carriage return: written as two bytes.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Adds a field holding `number` in decimal.
    public mutating func add(_ number: some BinaryInteger) {
        add(String(number))
    }

    /// `1` or `0`.
    public mutating func add(_ flag: Bool) {
        add(flag ? "1" : "0")
    }

    /// The shortest text that reads back as the same number.
    public mutating func add(_ number: Double) {
        add(number.description)
    }
}

/// Reads the fields of a line that `FieldLineWriter` wrote, in the order written.
public struct FieldLineReader {
    private let bytes: [UInt8]
    /// Where the next field starts; past the end once the last field has been read.
    private var position = 0
    private var fieldsRead = 0

    /// - Parameter line: the line without its final newline.
    public init(_ line: [UInt8]) {
        bytes = line
    }

    /// A line that cannot be read: a field missing, too many, or not of the expected kind.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The next field, unescaped.
    public mutating func string() throws(Failure) -> String {
        guard position <= bytes.count else { throw Failure(description: "the line ends before field \(fieldsRead + 1)") }
        let end = bytes[position...].firstIndex(of: UInt8(ascii: "\t")) ?? bytes.count
        let field = bytes[position..<end]
        position = end + 1
        fieldsRead += 1
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                default: text.append(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                text.append(byte)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The next field as a whole number of type `Number`.
    public mutating func integer<Number: FixedWidthInteger>(_ type: Number.Type = Number.self) throws(Failure) -> Number {
        let text = try string()
        guard let number = Number(text) else { throw Failure(description: "field \(fieldsRead) is '\(text)', not a whole number") }
        return number
    }

    /// The number of items of a list that follows.
    public mutating func count() throws(Failure) -> Int {
        let count = try integer(Int.self)
        guard count >= 0 else { throw Failure(description: "field \(fieldsRead) is \(count), not a count") }
        return count
    }

    /// The next field as a flag (`1` or `0`).
    public mutating func flag() throws(Failure) -> Bool {
        switch try string() {
        case "1": return true
        case "0": return false
        case let text: throw Failure(description: "field \(fieldsRead) is '\(text)', not 0 or 1")
        }
    }

    /// The next field as a floating-point number.
    public mutating func double() throws(Failure) -> Double {
        let text = try string()
        guard let number = Double(text) else { throw Failure(description: "field \(fieldsRead) is '\(text)', not a number") }
        return number
    }

    /// Fails if a field is left unread.
    public func finish() throws(Failure) {
        guard position > bytes.count else { throw Failure(description: "more than the \(fieldsRead) fields expected") }
    }
}
