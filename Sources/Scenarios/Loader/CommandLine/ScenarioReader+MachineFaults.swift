import SimEngine

extension ScenarioReader {
    /// `clock NODE +2s | -500ms | rate 1.05`, `disk NODE slow 200ms | wipe` (SCENARIO_FORMAT §5).
    mutating func readMachineFault(_ word: String, _ args: [CommandToken], in action: ActionText, usage: String) -> Fault? {
        guard args.count >= 2 else {
            reportMissing("'\(word)' needs a node and what happens to its \(word)", in: action, hint: usage)
            return nil
        }
        let node = resolveNode(args[0], in: action, command: word)
        let what = args[1]
        let expected = what.text == "rate" || (word == "disk" && what.text == "slow") ? 3 : 2
        guard requireArguments(args, count: expected, of: word, missing: "'\(word) NODE \(what.text)' needs a value",
                               in: action, usage: usage) else { return nil }
        do {
            switch (word, what.text) {
            case ("clock", "rate"):
                let rate = try ClockRateSyntax.parse(args[2].text)
                return node.map { .clockRate($0, rate) }
            case ("clock", _):
                let offset = try SignedDurationSyntax.parse(what.text, what: "clock jump")
                return node.map { .clockJump($0, offset) }
            case (_, "slow"):
                let latency = try DurationSyntax.parse(args[2].text, what: "sync latency")
                return node.map { .diskSlow($0, latency) }
            case (_, "wipe"):
                return node.map(Fault.diskWipe)
            default:
                let hint = Suggestions.nearest(to: what.text, among: ["slow", "wipe"]).map { "did you mean '\($0)'?" } ?? usage
                report("unknown disk fault '\(what.text)'", at: what, in: action, hint: hint)
                return nil
            }
        } catch {
            let token = word == "clock" && what.text != "rate" ? what : args[2]
            report(error.message, at: token, in: action, hint: error.hint ?? usage)
            return nil
        }
    }
}

/// A clock jump: a duration with its sign (`+2s`, `-500ms`).
enum SignedDurationSyntax {
    static func parse(_ text: String, what: String) throws(ValueParseError) -> SimDuration {
        guard let sign = text.first, sign == "+" || sign == "-" else {
            throw ValueParseError("a \(what) needs a sign, got '\(text)'", hint: "write +2s to move the clock ahead, -500ms to move it back")
        }
        let magnitude = try DurationSyntax.parse(String(text.dropFirst()), what: what, allowZero: false)
        return sign == "-" ? .zero - magnitude : magnitude
    }
}

/// A clock's rate: how many of its seconds pass per real second (`1.05` fast, `0.95` slow).
enum ClockRateSyntax {
    static let range: ClosedRange<Double> = 0.1...10

    static func parse(_ text: String) throws(ValueParseError) -> Double {
        guard let rate = Double(text), rate.isFinite else {
            throw ValueParseError("invalid clock rate '\(text)'", hint: "a number such as 1.05 (5% fast) or 0.95 (5% slow)")
        }
        guard range.contains(rate) else {
            throw ValueParseError("clock rate \(text) is out of range", hint: "a rate between 0.1 and 10")
        }
        return rate
    }
}

extension ScenarioReader {
    /// `firewall NODE deny|allow PORT[/tcp|udp]`.
    mutating func readFirewall(_ args: [CommandToken], in action: ActionText, usage: String) -> Fault? {
        guard requireArguments(args, count: 3, of: "firewall", missing: "'firewall' needs a node, deny or allow, and a port",
                               in: action, usage: usage) else { return nil }
        let node = resolveNode(args[0], in: action, command: "firewall")
        guard ["deny", "allow"].contains(args[1].text) else {
            let hint = Suggestions.nearest(to: args[1].text, among: ["deny", "allow"]).map { "did you mean '\($0)'?" } ?? usage
            report("expected deny or allow after 'firewall \(args[0].text)', found '\(args[1].text)'", at: args[1], in: action, hint: hint)
            return nil
        }
        do {
            let (port, transport) = try Self.firewallPort(args[2].text)
            return node.map { .firewall($0, FirewallRule(deny: args[1].text == "deny", port: port, transport: transport)) }
        } catch {
            report(error.message, at: args[2], in: action, hint: error.hint)
            return nil
        }
    }

    /// `7946`, `4789/udp`, `2377/tcp`.
    static func firewallPort(_ text: String) throws(ValueParseError) -> (UInt16, NetworkPort.Transport?) {
        let hint = "write a port, or a port and a protocol: 7946, 4789/udp, 2377/tcp"
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw ValueParseError("invalid port '\(text)'", hint: hint) }
        let number = try WholeNumberSyntax.parse(String(parts[0]), what: "port", in: 1...65535)
        guard parts.count == 2 else { return (UInt16(number), nil) }
        switch parts[1] {
        case "tcp": return (UInt16(number), .tcp)
        case "udp": return (UInt16(number), .udp)
        default: throw ValueParseError("invalid protocol '\(parts[1])' in '\(text)'", hint: "a firewall rule names tcp or udp")
        }
    }
}
