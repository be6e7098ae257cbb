import SimEngine
import SimModels

/// `docker ps [-a]` through a classic manager as a Docker 1.9 client prints it (the seed's): its
/// default table template through Go's tabwriter with minimum width 20 and padding 3, a 12-digit ID, the command cut to 20
/// characters and quoted, `CREATED` and `STATUS` as go-units' human durations, the ports as
/// `api.DisplayablePorts` groups them, and every `node/name` joined by commas (the client keeps
/// only a name without `/`, and through Swarm every name has one).
public enum ClassicPsRenderer {
    static let header = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]

    /// The table at `now`, without a final newline.
    public static func render(_ rows: [ClassicPsRow], now: SimInstant) -> String {
        let body = rows.map { row in
            [
                String(row.id.prefix(12)),
                row.image,
                quote(String(row.command.joined(separator: " ").unicodeScalars.prefix(20))),
                CLIText.humanDuration(now - row.created) + " ago",
                status(row.status, now: now),
                displayablePorts(row.ports),
                row.names.map { String($0.dropFirst()) }.joined(separator: ","),
            ]
        }
        // Docker 1.9's table template ends in `{{.Names}}` without a tab: the names are every
        // line's trailing text, not a column, so no line ends in spaces.
        return TableWriter(minWidth: 20, padding: 3).render([header] + body)
    }

    /// Swarm's `State.String()` (samalba/dockerclient, engine-api in 1.2), or `Host Down`.
    static func status(_ status: ClassicPsRow.Status, now: SimInstant) -> String {
        switch status {
        case .hostDown: return "Host Down"
        case let .state(state):
            switch state {
            case .created: return "Created"
            case let .running(since): return "Up " + CLIText.humanDuration(now - since)
            case let .paused(since): return "Up " + CLIText.humanDuration(now - since) + " (Paused)"
            case let .exited(code, at): return "Exited (\(code)) " + CLIText.humanDuration(now - at) + " ago"
            }
        }
    }

    /// `strconv.Quote`'s escapes: the named ones, `\xXX` for other control characters.
    private static let quoteEscapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\u{7}": "\\a", "\u{8}": "\\b", "\u{c}": "\\f",
        "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{b}": "\\v",
    ]

    /// `strconv.Quote` of a command (printable text kept as is).
    static func quote(_ text: String) -> String {
        let body = text.unicodeScalars.map { scalar -> String in
            if let escape = quoteEscapes[scalar] { return escape }
            if scalar.value < 0x20 || scalar.value == 0x7f {
                let digits = String(scalar.value, radix: 16)
                return "\\x" + (digits.count < 2 ? "0" : "") + digits
            }
            return String(scalar)
        }
        return "\"" + body.joined() + "\""
    }

    /// `api.DisplayablePorts` (Docker 1.9): ports sorted by private port, address, public port
    /// and type; consecutive private ports of one type (and one address, when published on the
    /// same number) form a range; a port published on another number is written apart at the
    /// end. Docker writes the last range of each group in Go map order; here in the order the
    /// groups first appeared.
    static func displayablePorts(_ ports: [ClassicPsRow.Port]) -> String {
        let sorted = ports.sorted { a, b in
            if a.privatePort != b.privatePort { return a.privatePort < b.privatePort }
            if a.ip != b.ip { return a.ip < b.ip }
            if a.publicPort != b.publicPort { return a.publicPort < b.publicPort }
            return a.type < b.type
        }
        var result: [String] = [], hostMappings: [String] = []
        var groupOrder: [String] = []
        var first: [String: Int] = [:], last: [String: Int] = [:]
        for port in sorted {
            var key = port.type
            if !port.ip.isEmpty {
                if port.publicPort != port.privatePort {
                    hostMappings.append("\(port.ip):\(port.publicPort)->\(port.privatePort)/\(port.type)")
                    continue
                }
                key = "\(port.ip)/\(port.type)"
            }
            guard let start = first[key], let end = last[key] else {
                groupOrder.append(key)
                first[key] = port.privatePort
                last[key] = port.privatePort
                continue
            }
            if port.privatePort == end + 1 {
                last[key] = port.privatePort
                continue
            }
            result.append(group(key, start, end))
            first[key] = port.privatePort
            last[key] = port.privatePort
        }
        for key in groupOrder {
            if let start = first[key], let end = last[key] { result.append(group(key, start, end)) }
        }
        return (result + hostMappings).joined(separator: ", ")
    }

    /// `api.FormGroup`.
    private static func group(_ key: String, _ start: Int, _ end: Int) -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let ip = parts.count > 1 ? parts[0] : ""
        let type = parts.count > 1 ? parts[1] : parts[0]
        var text = start == end ? "\(start)" : "\(start)-\(end)"
        if !ip.isEmpty { text = "\(ip):\(text)->\(text)" }
        return "\(text)/\(type)"
    }
}
