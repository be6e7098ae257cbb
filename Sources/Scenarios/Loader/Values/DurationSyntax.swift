import SimEngine

/// Reading of durations that must not be negative (every duration of the format).
enum DurationSyntax {
    /// The hint for a badly written duration.
    static let hint = "durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h"

    /// The longest duration accepted anywhere (about 14 months), far from overflowing sums of them.
    static let maximum = SimDuration.hours(10_000)

    /// The duration `text` names; `what` names it in messages.
    /// - Throws: `DurationFormat`'s `ValueParseError`, or one for a negative or too long duration.
    static func parse(_ text: String, what: String, allowZero: Bool = true) throws(ValueParseError) -> SimDuration {
        let duration = try DurationFormat.parse(text)
        if duration < .zero {
            throw ValueParseError("\(what) must not be negative, got '\(text)'", hint: hint)
        }
        if duration > maximum {
            throw ValueParseError("\(what) '\(text)' is too long", hint: "durations up to \(DurationFormat.format(maximum)) are supported")
        }
        if !allowZero && duration == .zero {
            throw ValueParseError("\(what) must be longer than 0, got '\(text)'", hint: hint)
        }
        return duration
    }
}
