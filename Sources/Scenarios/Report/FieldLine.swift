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

    public mutating func add(_ text: String) {
        if !isEmpty { bytes.append(UInt8(ascii: "\t")) }
        isEmpty = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

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

    public mutating func string() throws(Failure) -> String {
        guard position <= bytes.count else { throw Failure(description: "the line ends before field \(fieldsRead + 1)") }
        var text: [UInt8] = []
        var index = position
        while index < bytes.count, bytes[index] != UInt8(ascii: "\t") {
            var byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                switch bytes[index] {
                case UInt8(ascii: "t"): byte = UInt8(ascii: "\t")
                case UInt8(ascii: "n"): byte = UInt8(ascii: "\n")
                case UInt8(ascii: "r"): byte = UInt8(ascii: "\r")
                default: byte = bytes[index]
                }
            }
            text.append(byte)
            index += 1
        }
        position = index + 1
        fieldsRead += 1
        return String(decoding: text, as: UTF8.self)
    }

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

    public mutating func flag() throws(Failure) -> Bool {
        switch try string() {
        case "1": return true
        case "0": return false
        case let text: throw Failure(description: "field \(fieldsRead) is '\(text)', not 0 or 1")
        }
    }

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
