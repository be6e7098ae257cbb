import SimEngine

extension ScenarioReader {
    /// Reads `expect:`: a list of `WHEN: CONDITION` entries.
    mutating func readExpectations(_ section: YAMLNode, duration: SimDuration?) -> [ScenarioExpectation] {
        readExpectationEntries(section, duration: duration, readCondition: { reader, node, text in
            reader.readCondition(node, text: text)
        }, judgesRequests: { condition, window in !condition.isOverRequests || Self.judgesRequests(window) }).map { ScenarioExpectation(window: $0.window, condition: $0.condition, text: $0.text, location: $0.location) }
    }

    /// One `WHEN: CONDITION` entry, its condition read by the mode's reader.
    struct ExpectationEntry<Subject> {
        let window: ExpectationWindow
        let condition: Subject
        let text: String
        let location: SourceLocation
    }

    /// Reads a list of `WHEN: CONDITION` entries, each condition read by `readCondition`.
    mutating func readExpectationEntries<Subject>(
        _ section: YAMLNode, duration: SimDuration?,
        readCondition: (inout ScenarioReader, YAMLNode, String) -> Subject?,
        judgesRequests: (Subject, ExpectationWindow) -> Bool = { _, _ in true }
    ) -> [ExpectationEntry<Subject>] {
        if section.isNull { return [] }
        guard let items = sequence(section, what: "'expect'") else { return [] }
        var expectations: [ExpectationEntry<Subject>] = []
        for item in items {
            guard let pairs = mapping(item, what: "an expectation") else { continue }
            guard let pair = pairs.first else {
                report("empty expectation", at: item, hint: "write '- at end: service web is 3/3'")
                continue
            }
            for extra in pairs.dropFirst() {
                report("an expectation entry holds one condition", at: extra.key,
                       hint: "start a new entry: '- \(extra.keyText): ...'")
            }
            let window = readWindow(pair.key, duration: duration)
            guard let conditionText = text(pair.value, what: "'\(pair.keyText)'") else { continue }
            let condition = readCondition(&self, pair.value, conditionText)
            guard let window, let condition else { continue }
            if !judgesRequests(condition, window) {
                report("'\(pair.keyText.trimmingWhitespace())' cannot judge a client's requests", at: pair.key,
                       hint: "a client condition counts the requests started in a window: write 'from T1 to T2', "
                           + "or 'always' or 'at end' for every request of the run")
                continue
            }
            expectations.append(ExpectationEntry(
                window: window, condition: condition,
                text: "\(pair.keyText.trimmingWhitespace()): \(conditionText.trimmingWhitespace())",
                location: pair.key.location
            ))
        }
        return expectations
    }

    /// Whether `window` is one a client condition can be judged over: `from T1 to T2`, `always`
    /// or `at end` (SCENARIO_FORMAT §9); an instant (`at T`, `by T`) or `never` has no requests.
    static func judgesRequests(_ window: ExpectationWindow) -> Bool {
        switch window {
        case .during, .always, .atEnd: true
        case .at, .by, .never: false
        }
    }

    /// The WHEN of an expectation: `at TIME`, `at end`, `by TIME`, `from T1 to T2`, `always`, `never`.
    private mutating func readWindow(_ key: YAMLNode, duration: SimDuration?) -> ExpectationWindow? {
        let usage = "WHEN is one of: at TIME, at end, by TIME, from T1 to T2, always, never"
        guard let text = key.scalarText, let words = actionText(key, text: text, what: "time") else { return nil }
        let tokens = words.tokens
        guard let first = tokens.first else {
            report("missing WHEN before the condition", at: key, hint: usage)
            return nil
        }
        let whenWords = ConditionReference.windowWords
        switch first.text {
        case "always", "never":
            if tokens.count > 1 {
                report("unexpected '\(tokens[1].text)' after '\(first.text)'", at: tokens[1], in: words, hint: usage)
                return nil
            }
            return first.text == "always" ? .always : .never
        case "at", "by":
            guard tokens.count == 2 else {
                if tokens.count < 2 {
                    reportMissing("missing time after '\(first.text)'", in: words, hint: usage)
                } else {
                    report("unexpected '\(tokens[2].text)' after the time", at: tokens[2], in: words, hint: usage)
                }
                return nil
            }
            if first.text == "at" && tokens[1].text == "end" { return .atEnd }
            guard let time = readWhenTime(tokens[1], in: words, duration: duration) else { return nil }
            return first.text == "at" ? .at(time) : .by(time)
        case "from":
            guard tokens.count == 4, tokens[2].text == "to" else {
                if tokens.count >= 3, tokens[2].text != "to" {
                    report("expected 'to' after 'from \(tokens[1].text)'", at: tokens[2], in: words, hint: usage)
                } else if tokens.count > 4 {
                    report("unexpected '\(tokens[4].text)' after the time", at: tokens[4], in: words, hint: usage)
                } else {
                    reportMissing("'from' needs 'from T1 to T2'", in: words, hint: usage)
                }
                return nil
            }
            let start = readWhenTime(tokens[1], in: words, duration: duration)
            let end = readWhenTime(tokens[3], in: words, duration: duration)
            guard let start, let end else { return nil }
            if end < start {
                report("'from \(tokens[1].text) to \(tokens[3].text)' ends before it starts", at: tokens[3], in: words, hint: usage)
                return nil
            }
            return .during(from: start, to: end)
        default:
            let hint = Suggestions.nearest(to: first.text, among: whenWords).map { "did you mean '\($0)'?" } ?? usage
            report("unknown time '\(text)' in an expectation", at: first, in: words, hint: hint)
            return nil
        }
    }

    /// A time of a WHEN, within the run.
    private mutating func readWhenTime(_ token: CommandToken, in words: ActionText, duration: SimDuration?) -> SimInstant? {
        do {
            let time = try DurationSyntax.parse(token.text, what: "time")
            if let duration, time > duration {
                report("\(token.text) is after the end of the run (duration \(DurationFormat.format(duration)))", at: token, in: words,
                       hint: "make 'duration:' longer, or use 'at end'")
                return nil
            }
            return .zero + time
        } catch {
            report(error.message, at: token, in: words, hint: error.hint)
            return nil
        }
    }
}
