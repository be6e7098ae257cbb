import SimEngine

/// Reading of whole numbers (`replicas: 3`), without overflow or silent truncation.
enum WholeNumberSyntax {
    /// The whole number `text` names, which must lie in `range`; `what` names it in messages.
    /// - Throws: `ValueParseError` for text that is not a whole number, or is out of range.
    static func parse(_ text: String, what: String, in range: ClosedRange<Int>) throws(ValueParseError) -> Int {
        let trimmed = text.trimmingWhitespace()
        var digits = Substring(trimmed)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() } else if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValueParseError("\(what) must be a whole number, got '\(text)'", hint: hint(for: range))
        }
        var value = 0
        var overflow = false
        for ch in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(ch.wholeNumberValue ?? 0)
            if o1 || o2 { overflow = true; break }
            value = a
        }
        if negative && (overflow || value > 0) {
            throw ValueParseError("\(what) must not be negative, got '\(text)'", hint: hint(for: range))
        }
        if overflow || value > range.upperBound {
            throw ValueParseError("\(what) '\(text)' is too large", hint: hint(for: range))
        }
        if value < range.lowerBound {
            throw ValueParseError("\(what) must be at least \(range.lowerBound), got '\(text)'", hint: hint(for: range))
        }
        return value
    }

    private static func hint(for range: ClosedRange<Int>) -> String {
        "write a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    /// The seed: any whole number that fits in 64 unsigned bits.
    /// - Throws: `ValueParseError` for anything else.
    static func parseSeed(_ text: String) throws(ValueParseError) -> UInt64 {
        let trimmed = text.trimmingWhitespace()
        let hint = "the seed is a whole number from 0 to \(UInt64.max)"
        if trimmed.hasPrefix("-") { throw ValueParseError("seed must not be negative, got '\(text)'", hint: hint) }
        let digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValueParseError("seed must be a whole number, got '\(text)'", hint: hint)
        }
        guard let value = UInt64(digits) else { throw ValueParseError("seed '\(text)' is too large", hint: hint) }
        return value
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        String(trimming { $0.isSpaceOrTab || $0.isLineBreak })
    }
}
