/// One `key==value` / `key!=value` expression of an affinity, constraint or whitelist
/// (`scheduler/filter/expr.go`, the same in v1.1.3 and v1.2.9).
///
/// A `~` after the operator makes it soft: the scheduler drops it when no node satisfies it. A
/// value `/re/` is a regular expression searched in the candidate; any other value is an
/// anchored glob where `*` matches anything (the rest of it is still read as a regular
/// expression, as Swarm builds `^value$` with `*` → `.*`).
public struct SchedulerExpression: Equatable, Sendable {
    public enum Operator: Int, Sendable {
        case equal
        case notEqual

        /// `OPERATORS[op]`.
        public var text: String { self == .equal ? "==" : "!=" }
    }

    public var key: String
    public var op: Operator
    /// The value without its soft marker.
    public var value: String
    public var isSoft: Bool

    public init(key: String, op: Operator, value: String, isSoft: Bool = false) {
        self.key = key
        self.op = op
        self.value = value
        self.isSoft = isSoft
    }

    /// `key==value` as the filters' error texts print it (without the soft marker).
    public var text: String { key + op.text + value }

    /// `parseExprs`: each text split at the first operator found, `==` tried before `!=`.
    /// Errors: `Key '<k>' is invalid`, `Value '<v>' is invalid`, `One of operator ==, != is expected`.
    public static func parse(_ texts: [String]) -> Result<[SchedulerExpression], SchedulingError> {
        var parsed: [SchedulerExpression] = []
        for text in texts {
            guard let op = [Operator.equal, .notEqual].first(where: { text.contains($0.text) }),
                  let range = text.firstRange(of: op.text) else {
                return .failure(SchedulingError("One of operator ==, != is expected"))
            }
            let key = String(text[..<range.lowerBound]), rawValue = String(text[range.upperBound...])
            guard isValidKey(key) else { return .failure(SchedulingError("Key '\(key)' is invalid")) }
            guard isValidValue(rawValue) else { return .failure(SchedulingError("Value '\(rawValue)' is invalid")) }
            let value = String(rawValue.drop { $0 == "~" })
            parsed.append(SchedulerExpression(key: key, op: op, value: value, isSoft: rawValue.hasPrefix("~")))
        }
        return .success(parsed)
    }

    /// The key pattern `^(?i)[a-z_][a-z0-9\-_.]+$`: at least two characters.
    static func isValidKey(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 2, isLetter(scalars[0]) || scalars[0] == "_" else { return false }
        return scalars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// The value pattern `^(?i)[=!\/]?(~)?[a-z0-9:\-_\s\.\*/\(\)\?\+\[\]\\\^\$\|]+$`: an optional
    /// `=`, `!` or `/`, an optional `~`, then at least one character of the class.
    static func isValidValue(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        func restIsValid(from start: Int) -> Bool {
            for tildeLength in [1, 0] {
                let begin = start + tildeLength
                if tildeLength == 1 && (start >= scalars.count || scalars[start] != "~") { continue }
                if begin < scalars.count, scalars[begin...].allSatisfy(isValueCharacter) { return true }
            }
            return false
        }
        if let first = scalars.first, "=!/".unicodeScalars.contains(first), restIsValid(from: 1) { return true }
        return restIsValid(from: 0)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    /// RE2's `\s` is `[\t\n\f\r ]`.
    private static func isValueCharacter(_ s: Unicode.Scalar) -> Bool {
        isLetter(s) || isDigit(s) || ":-_.*/()?+[]\\^$|\t\n\u{c}\r ".unicodeScalars.contains(s)
    }

    /// The regular expression `Match` builds: the inside of `/re/`, else `^glob$` with `*` → `.*`.
    public var pattern: String {
        if value.count >= 2, value.hasPrefix("/"), value.hasSuffix("/") { return String(value.dropFirst().dropLast()) }
        return "^" + value.replacing("*", with: ".*") + "$"
    }

    /// `Match`: whether any of `candidates` matches the pattern, negated for `!=`.
    public func matches(_ candidates: [String]) -> Bool { Matcher(self).matches(candidates) }

    /// `Match` with the pattern compiled once, for a filter pass over many nodes.
    public struct Matcher {
        public let expression: SchedulerExpression
        /// Nil when the pattern does not compile: it then matches nothing (Swarm logs the
        /// error), so `!=` holds.
        private let regex: Regex<AnyRegexOutput>?

        public init(_ expression: SchedulerExpression) {
            self.expression = expression
            regex = try? Regex(expression.pattern).matchingSemantics(.unicodeScalar)
        }

        public func matches(_ candidates: [String]) -> Bool {
            var found = false
            if let regex {
                found = candidates.contains { (try? regex.firstMatch(in: $0)) != nil }
            }
            return expression.op == .equal ? found : !found
        }
    }
}
