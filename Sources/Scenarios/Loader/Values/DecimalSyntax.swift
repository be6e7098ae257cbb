import SimEngine

/// Reading of decimals without floating-point surprises: CPUs (`0.5`) and ratios (`0.25`).
enum DecimalSyntax {
    /// CPUs as SwarmKit's NanoCPUs (`0.5` → 500000000), at most `maximum` CPUs.
    /// - Throws: `ValueParseError` for anything but a non-negative decimal in range.
    static func parseCPUs(_ text: String, what: String = "cpus", maximum: Int64 = 1024) throws(ValueParseError) -> Int64 {
        let hint = "CPUs are written as a decimal, such as 0.5 or 2"
        let trimmed = text.trimmingWhitespace()
        guard let (whole, fraction) = split(trimmed) else {
            throw ValueParseError("\(what) must be a decimal number, got '\(text)'", hint: hint)
        }
        guard whole.count <= 6, let wholeValue = Int64(whole.isEmpty ? "0" : whole), wholeValue <= maximum else {
            throw ValueParseError("\(what) '\(text)' is too large", hint: "at most \(maximum) CPUs")
        }
        var nanos: Int64 = 0
        var place: Int64 = 100_000_000
        for ch in fraction {
            if place == 0 {
                if ch != "0" { throw ValueParseError("\(what) '\(text)' has more than nine decimals", hint: hint) }
                continue
            }
            nanos += Int64(ch.wholeNumberValue ?? 0) * place
            place /= 10
        }
        let total = wholeValue * 1_000_000_000 + nanos
        if total > maximum * 1_000_000_000 { throw ValueParseError("\(what) '\(text)' is too large", hint: "at most \(maximum) CPUs") }
        return total
    }

    /// A ratio in `[0, 1]` (`max_failure_ratio: 0.2`).
    /// - Throws: `ValueParseError` for anything else.
    static func parseRatio(_ text: String, what: String) throws(ValueParseError) -> Double {
        let hint = "write a number from 0 to 1, such as 0.2"
        let trimmed = text.trimmingWhitespace()
        guard let (whole, fraction) = split(trimmed), whole.count <= 3, fraction.count <= 17,
              let value = Double((whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction)) else {
            throw ValueParseError("\(what) must be a number from 0 to 1, got '\(text)'", hint: hint)
        }
        guard value <= 1 else { throw ValueParseError("\(what) must be at most 1, got '\(text)'", hint: hint) }
        return value
    }

    /// `digits[.digits]` split at the point, or nil when `text` is not a plain non-negative decimal.
    private static func split(_ text: String) -> (String, String)? {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, !text.isEmpty, text != "." else { return nil }
        for part in parts where !part.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return (String(parts[0]), parts.count == 2 ? String(parts[1]) : "")
    }
}
