import SimEngine
import SimModels

/// Reading of published ports: Compose's short form (`"8080:80/udp"`), the CLI's
/// `--publish` (short form, or `published=8080,target=80,protocol=udp,mode=host`).
enum PortSyntax {
    static let hint = "ports are written as \"80\", \"8080:80\", \"8080:80/udp\" or \"8000-8001:80-81\""

    /// The ports of the short form: `TARGET`, `PUBLISHED:TARGET`, either with `/PROTOCOL`,
    /// and ranges `8000-8010:80-90` (one port each).
    /// - Throws: `ValueParseError` saying what was wrong.
    static func parseShort(_ text: String) throws(ValueParseError) -> [PortConfig] {
        let trimmed = text.trimmingWhitespace()
        var body = Substring(trimmed)
        var proto = "tcp"
        if let slash = body.lastIndex(of: "/") {
            proto = try parseProtocol(String(body[body.index(after: slash)...]))
            body = body[..<slash]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return try parseRange(parts[0], in: text).map { PortConfig(targetPort: $0, publishedPort: nil, proto: proto) }
        case 2:
            let published = try parseRange(parts[0], in: text)
            let targets = try parseRange(parts[1], in: text)
            if published.count != targets.count {
                if published.count > 1 && targets.count == 1 {
                    // Docker maps a published range onto one target port; keep the first.
                    return [PortConfig(targetPort: targets[0], publishedPort: published[0], proto: proto)]
                }
                throw ValueParseError("port ranges in '\(text)' have different sizes", hint: hint)
            }
            return zip(published, targets).map { PortConfig(targetPort: $1, publishedPort: $0, proto: proto) }
        default:
            throw ValueParseError("a host IP in port '\(text)' is not supported in swarm mode", hint: hint)
        }
    }

    /// `--publish` text: the short form, or the long form of comma-separated `key=value`.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func parseFlag(_ text: String) throws(ValueParseError) -> [PortConfig] {
        guard text.contains("=") else { return try parseShort(text) }
        var target: Int?
        var published: Int?
        var proto = "tcp"
        var mode = PortConfig.PublishMode.ingress
        for field in text.split(separator: ",") {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingWhitespace().lowercased()
            let value = pair.count == 2 ? pair[1].trimmingWhitespace() : ""
            switch key {
            case "target": target = try parsePort(value, what: "target port")
            case "published": published = try parsePort(value, what: "published port")
            case "protocol": proto = try parseProtocol(value)
            case "mode": mode = try parseMode(value)
            default:
                let known = ["target", "published", "protocol", "mode"]
                throw ValueParseError(
                    "invalid field '\(key)' in port '\(text)'",
                    hint: Suggestions.nearest(to: key, among: known).map { "did you mean '\($0)'?" }
                        ?? "the fields are target, published, protocol and mode"
                )
            }
        }
        guard let target else { throw ValueParseError("missing 'target' in port '\(text)'", hint: "write target=PORT, such as target=80") }
        return [PortConfig(targetPort: target, publishedPort: published, proto: proto, publishMode: mode)]
    }

    /// A port number, 1 to 65535.
    static func parsePort(_ text: String, what: String) throws(ValueParseError) -> Int {
        try WholeNumberSyntax.parse(text, what: what, in: 1...65535)
    }

    /// `tcp`, `udp` or `sctp`.
    static func parseProtocol(_ text: String) throws(ValueParseError) -> String {
        let value = text.trimmingWhitespace().lowercased()
        guard ["tcp", "udp", "sctp"].contains(value) else {
            throw ValueParseError("invalid protocol '\(text)'", hint: "the protocols are tcp, udp and sctp")
        }
        return value
    }

    /// `ingress` or `host`.
    static func parseMode(_ text: String) throws(ValueParseError) -> PortConfig.PublishMode {
        guard let mode = PortConfig.PublishMode(rawValue: text.trimmingWhitespace()) else {
            throw ValueParseError("invalid publish mode '\(text)'", hint: "the modes are ingress and host")
        }
        return mode
    }

    /// `80` or `8000-8010` (at most 1000 ports).
    private static func parseRange(_ text: Substring, in whole: String) throws(ValueParseError) -> [Int] {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, !text.isEmpty else { throw ValueParseError("invalid port '\(whole)'", hint: hint) }
        let low = try parsePort(String(bounds[0]), what: "port")
        guard bounds.count == 2 else { return [low] }
        let high = try parsePort(String(bounds[1]), what: "port")
        guard low <= high, high - low < 1000 else { throw ValueParseError("invalid port range '\(text)'", hint: hint) }
        return Array(low...high)
    }
}
