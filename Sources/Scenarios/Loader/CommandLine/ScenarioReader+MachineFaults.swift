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
