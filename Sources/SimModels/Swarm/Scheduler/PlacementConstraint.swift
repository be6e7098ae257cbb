/// A placement constraint (`node.labels.zone == east`), parsed and matched as SwarmKit's
/// `manager/constraint/constraint.go` does: keys are `[A-Za-z_][A-Za-z0-9-_.]+`, values a
/// restricted character set, operators `==` and `!=`, matching case-insensitive.
public struct PlacementConstraint: Equatable, Sendable, CustomStringConvertible {
    public enum Operator: Sendable {
        case equal
        case notEqual
    }

    public var key: String
    public var op: Operator
    /// The expected value as written.
    public var value: String

    public init(key: String, op: Operator, value: String) {
        self.key = key
        self.op = op
        self.value = value
    }

    public var description: String { "\(key)\(op == .equal ? "==" : "!=")\(value)" }

    static let nodeLabelPrefix = "node.labels."
    static let engineLabelPrefix = "engine.labels."
    /// Checked in this order, as SwarmKit's `operators` list.
    static let operators: [(String, Operator)] = [("==", .equal), ("!=", .notEqual)]

    // MARK: - Parsing

    /// Parses constraint expressions; the first invalid one gives SwarmKit's error text
    /// ("constraint expected one operator from ==, !=", "key 'x y' is invalid",
    /// "value '' is invalid"), which the control API returns to refuse a service.
    public static func parse(_ expressions: [String]) -> Result<[PlacementConstraint], ConstraintError> {
        var parsed: [PlacementConstraint] = []
        for expression in expressions {
            var found = false
            for (token, op) in operators {
                guard let range = Self.firstRange(of: token, in: expression) else { continue }
                let key = trimmingSpace(expression[..<range.lowerBound])
                guard isValidKey(key) else { return .failure(ConstraintError(message: "key '\(key)' is invalid")) }
                let value = trimmingSpace(expression[range.upperBound...])
                guard isValidValue(value) else { return .failure(ConstraintError(message: "value '\(value)' is invalid")) }
                parsed.append(PlacementConstraint(key: key, op: op, value: value))
                found = true
                break
            }
            if !found {
                return .failure(ConstraintError(message: "constraint expected one operator from ==, !="))
            }
        }
        return .success(parsed)
    }

    /// The first occurrence of `token` in `text` (the standard library has no Foundation-free `range(of:)`).
    static func firstRange(of token: String, in text: String) -> Range<String.Index>? {
        let needle = Array(token)
        var index = text.startIndex
        while index < text.endIndex {
            var probe = index
            var matched = 0
            while matched < needle.count, probe < text.endIndex, text[probe] == needle[matched] {
                matched += 1
                probe = text.index(after: probe)
            }
            if matched == needle.count { return index..<probe }
            index = text.index(after: index)
        }
        return nil
    }

    /// Go's `strings.TrimSpace` for the ASCII and Unicode spaces a constraint may carry.
    static func trimmingSpace(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// `^(?i)[a-z_][a-z0-9\-_.]+$`
    static func isValidKey(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func digit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        guard letter(scalars[0]) || scalars[0] == "_" else { return false }
        return scalars.dropFirst().allSatisfy { letter($0) || digit($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// `^(?i)[a-z0-9:\-_\s\.\*\(\)\?\+\[\]\\\^\$\|\/]+$` (`\s` is ASCII whitespace in RE2).
    static func isValidValue(_ value: String) -> Bool {
        let allowed = Set(":-_.*()?+[]\\^$|/ \t\n\r\u{0C}".unicodeScalars)
        guard !value.isEmpty else { return false }
        return value.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || allowed.contains(c)
        }
    }

    // MARK: - Matching

    /// True if any of `candidates` equals the value (case-insensitive) for `==`, none for `!=`.
    public func matches(_ candidates: String...) -> Bool {
        let expected = value.lowercased()
        let found = candidates.contains { $0.lowercased() == expected }
        return op == .equal ? found : !found
    }

    /// SwarmKit's `NodeMatches`: true if `node` satisfies every constraint. Unknown keys never match.
    public static func node(_ node: NodeObject, satisfies constraints: [PlacementConstraint]) -> Bool {
        for constraint in constraints where !constraint.matches(node: node) { return false }
        return true
    }

    func matches(node: NodeObject) -> Bool {
        let lowered = key.lowercased()
        switch lowered {
        case "node.id":
            return matches(node.id.rawValue)
        case "node.hostname":
            return matches(node.description.hostname)
        case "node.ip":
            return matchesIP(node.status.address)
        case "node.role":
            return matches(node.role.rawValue)
        case "node.platform.os":
            return matches(node.description.os)
        case "node.platform.arch":
            return matches(node.description.architecture)
        default:
            if let label = Self.suffix(of: key, after: Self.nodeLabelPrefix) {
                // The label name itself is case-sensitive.
                return matches(node.spec.labels[label: label] ?? "")
            }
            if let label = Self.suffix(of: key, after: Self.engineLabelPrefix) {
                return matches(node.description.engineLabels[label: label] ?? "")
            }
            // The key doesn't match any known syntax.
            return false
        }
    }

    /// The part of `key` after `prefix` (prefix compared case-insensitively), if non-empty.
    static func suffix(of key: String, after prefix: String) -> String? {
        guard key.count > prefix.count, key.prefix(prefix.count).lowercased() == prefix else { return nil }
        return String(key.dropFirst(prefix.count))
    }

    /// `node.ip == 10.0.0.5` or `node.ip != 10.0.0.0/24` (IPv4; anything else never matches).
    func matchesIP(_ address: String) -> Bool {
        let host = address.split(separator: ":").first.map(String.init) ?? address
        guard let nodeIP = Self.ipv4(host) else { return false }
        if let ip = Self.ipv4(value) {
            return (ip == nodeIP) == (op == .equal)
        }
        let parts = value.split(separator: "/")
        if parts.count == 2, let network = Self.ipv4(String(parts[0])), let bits = Int(parts[1]), (0...32).contains(bits) {
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
            let within = (network & mask) == (nodeIP & mask)
            return within == (op == .equal)
        }
        return false
    }

    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }
}

/// Why a constraint expression was refused; `message` is SwarmKit's text.
public struct ConstraintError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
