/// Parsing and printing of Docker-style durations (Go's `time.ParseDuration` syntax).
public enum DurationFormat {
    /// The units Docker accepts, longest spelling first so `ms` wins over `m`.
    private static let units: [(String, Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    /// Parses `500us`, `250ms`, `10s`, `1m30s`, `1.5s`, `2h`; `0` alone is zero.
    /// - Throws: `ValueParseError` saying what was wrong.
    public static func parse(_ text: String) throws(ValueParseError) -> SimDuration {
        var rest = Substring(text.trimmingSpaces())
        if rest.isEmpty { throw ValueParseError("empty duration", hint: "write a duration such as 500ms, 10s or 1m30s") }
        if rest == "0" { return .zero }
        var negative = false
        if rest.first == "-" { negative = true; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        var total: Int64 = 0
        while !rest.isEmpty {
            let numberText = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if numberText.isEmpty || numberText == "." {
                throw ValueParseError("invalid duration '\(text)': expected a number before '\(rest)'", hint: durationHint)
            }
            rest = rest.dropFirst(numberText.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unitText.isEmpty {
                throw ValueParseError("missing unit in duration '\(text)'", hint: durationHint)
            }
            guard let scale = units.first(where: { $0.0 == unitText })?.1 else {
                throw ValueParseError("unknown unit '\(unitText)' in duration '\(text)'", hint: durationHint)
            }
            rest = rest.dropFirst(unitText.count)
            guard let part = scaled(numberText, by: scale) else {
                throw ValueParseError("invalid duration '\(text)'", hint: durationHint)
            }
            let (sum, overflow) = total.addingReportingOverflow(part)
            if overflow { throw ValueParseError("duration '\(text)' is too large", hint: "the longest duration is about 292 years") }
            total = sum
        }
        return SimDuration(nanoseconds: negative ? -total : total)
    }

    static let durationHint = "durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h"

    /// `digits[.fraction] * scale` without floating point, or nil on overflow or bad digits.
    static func scaled(_ number: Substring, by scale: Int64) -> Int64? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 2 { return nil }
        var whole: Int64 = 0
        for ch in parts[0] {
            guard let d = ch.wholeNumberValue else { return nil }
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            whole = a
        }
        let (base, overflow) = whole.multipliedReportingOverflow(by: scale)
        if overflow { return nil }
        guard parts.count == 2 else { return base }
        var fraction: Int64 = 0
        var place = scale
        for ch in parts[1] {
            guard let d = ch.wholeNumberValue else { return nil }
            place /= 10
            if place == 0 { break }
            fraction += Int64(d) * place
        }
        let (sum, o3) = base.addingReportingOverflow(fraction)
        return o3 ? nil : sum
    }

    /// Go's `Duration.String()` without the µ: `1m30s`, `1.5s`, `250ms`, `500us`, `0s`.
    public static func format(_ duration: SimDuration) -> String {
        var ns = duration.nanoseconds
        if ns == 0 { return "0s" }
        var sign = ""
        if ns < 0 { sign = "-"; ns = ns == .min ? .max : -ns }
        if ns < 1_000 { return "\(sign)\(ns)ns" }
        if ns < 1_000_000 { return sign + decimal(ns, unit: 1_000) + "us" }
        if ns < 1_000_000_000 { return sign + decimal(ns, unit: 1_000_000) + "ms" }
        let hours = ns / 3_600_000_000_000
        let minutes = (ns / 60_000_000_000) % 60
        let rest = ns % 60_000_000_000
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        text += decimal(rest, unit: 1_000_000_000) + "s"
        return text
    }

    /// `value / unit` with the fraction's trailing zeros removed: `1500, 1000` → `1.5`.
    static func decimal(_ value: Int64, unit: Int64) -> String {
        let whole = value / unit
        var fraction = value % unit
        if fraction == 0 { return "\(whole)" }
        var digits = 0
        var u = unit
        while u > 1 { u /= 10; digits += 1 }
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    /// Seconds with exactly three decimals, truncated: `12.345`.
    public static func secondsWithMillis(_ duration: SimDuration) -> String {
        let ms = duration.nanoseconds / 1_000_000
        let whole = ms / 1000
        let frac = abs(ms % 1000)
        let fracText = String(frac)
        return "\(whole)." + String(repeating: "0", count: 3 - fracText.count) + fracText
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(trimming(where: \.isSpaceOrTab))
    }
}
