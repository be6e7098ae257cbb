import SimEngine

extension ScenarioReader {
    /// Reads `timeline:`; entries must be in time order and within `duration` (when it is known).
    mutating func readTimeline(_ section: YAMLNode, duration: SimDuration?) -> [TimelineEntry] {
        if section.isNull { return [] }
        guard let items = sequence(section, what: "'timeline'") else { return [] }
        var entries: [TimelineEntry] = []
        var latest: SimInstant?
        for item in items {
            guard let entry = readTimelineEntry(item, duration: duration, latest: &latest) else { continue }
            entries.append(entry)
        }
        return entries
    }

    /// One entry: `at TIME: ACTION`, then optional `via:` and `expect:`.
    private mutating func readTimelineEntry(_ item: YAMLNode, duration: SimDuration?, latest: inout SimInstant?) -> TimelineEntry? {
        guard let parts = readEntryParts(item, duration: duration, latest: &latest), let text = parts.text else { return nil }
        let action = readAction(parts.first.value, text: text)
        var via: NodeReference?
        if let viaNode = parts.via, let name = self.text(viaNode, what: "'via'") {
            if case .fault? = action {
                report("'via' applies to docker commands, not to faults", at: viaNode,
                       hint: "a fault acts on the nodes it names")
            }
            let word = name.trimmingWhitespace()
            if word == "leader" {
                via = .leader
            } else if names.hasNode(word) || !names.nodesAreCertain {
                via = .named(word)
            } else {
                report("unknown node '\(word)' in 'via'", at: viaNode, hint: names.nodeHint)
            }
        }
        let isFault: Bool
        if case .fault? = action { isFault = true } else { isFault = false }
        let expect = readEntryExpect(parts.expect, isCommand: !isFault)
        guard let time = parts.time, let action else { return nil }
        return TimelineEntry(time: time, action: action, via: via, expect: expect, text: text, location: parts.first.key.location)
    }

    /// The `expect:` of an entry, if any; an error when the action is not a command.
    mutating func readEntryExpect(_ node: YAMLNode?, isCommand: Bool) -> CommandExpectation? {
        guard let node, let value = self.value(node, what: "'expect'", Self.parseCommandExpectation) else { return nil }
        if !isCommand {
            report("'expect' applies to docker commands, not to faults", at: node,
                   hint: "use the 'expect:' section to check what a fault causes")
        }
        return value
    }

    /// The parts every timeline entry has in either mode: the first pair (`at TIME: ACTION`),
    /// its time and text (nil after an error), and the `via:` and `expect:` values.
    struct EntryParts {
        let first: YAMLPair
        let time: SimInstant?
        let text: String?
        let via: YAMLNode?
        let expect: YAMLNode?
    }

    /// Reads the shape of an entry, reporting a missing time, extra keys and an empty action;
    /// nil when the entry is not a mapping or is empty.
    mutating func readEntryParts(_ item: YAMLNode, duration: SimDuration?, latest: inout SimInstant?) -> EntryParts? {
        let usage = "an entry is written '- at 30s: crash m1', optionally followed by 'via: NODE' and 'expect: ok|error'"
        guard let pairs = mapping(item, what: "a timeline entry") else { return nil }
        guard let first = pairs.first else {
            report("empty timeline entry", at: item, hint: usage)
            return nil
        }
        let time = readEntryTime(first, duration: duration, latest: &latest, usage: usage)
        var viaNode: YAMLNode?
        var expectNode: YAMLNode?
        for pair in pairs.dropFirst() {
            switch pair.keyText {
            case "via": viaNode = pair.value
            case "expect": expectNode = pair.value
            default:
                if pair.keyText.hasPrefix("at ") {
                    report("a timeline entry holds one action", at: pair.key,
                           hint: "start a new entry: '- \(pair.keyText): ...'")
                } else {
                    reportUnknownKey(pair, known: KeyReference.keys(.timelineEntry), in: "a timeline entry")
                }
            }
        }
        let startsWithTime = first.keyText == "at" || first.keyText.hasPrefix("at ")
        let text = startsWithTime ? self.text(first.value, what: "'\(first.keyText)'") : nil
        return EntryParts(first: first, time: time, text: text, via: viaNode, expect: expectNode)
    }

    /// The time of an entry's first key (`at 30s`), checked against the run and the entry before.
    private mutating func readEntryTime(
        _ pair: YAMLPair, duration: SimDuration?, latest: inout SimInstant?, usage: String
    ) -> SimInstant? {
        let key = pair.keyText
        guard key.hasPrefix("at ") || key == "at" else {
            let hint = ["via", "expect"].contains(key) ? "the entry's first key is 'at TIME'; put '\(key):' after it" : usage
            report("a timeline entry starts with 'at TIME', not '\(key)'", at: pair.key, hint: hint)
            return nil
        }
        let timeText = String(key.dropFirst(2)).trimmingWhitespace()
        if timeText.isEmpty {
            report("missing time after 'at'", at: pair.key, hint: usage)
            return nil
        }
        let positions = ScalarPositions(of: pair.key, in: source)
        let offset = (key.unicodeScalars.count - key.unicodeScalars.drop { $0 != " " }.drop { $0 == " " }.count)
        let timeLocation = positions.location(at: offset)
        let timeLength = positions.length(from: offset, to: key.unicodeScalars.count)
        let time: SimDuration
        do {
            time = try DurationSyntax.parse(timeText, what: "time")
        } catch {
            report(error.message, at: timeLocation, length: timeLength, hint: error.hint)
            return nil
        }
        if let duration, time > duration {
            report("at \(timeText) is after the end of the run (duration \(DurationFormat.format(duration)))",
                   at: timeLocation, length: timeLength, hint: "make 'duration:' longer, or the entry earlier")
            return nil
        }
        let instant = SimInstant.zero + time
        if let previous = latest, instant < previous {
            report("timeline entries must be in time order: \(timeText) comes after \(DurationFormat.format(previous.sinceStart))",
                   at: timeLocation, length: timeLength, hint: "move this entry up to its place in time")
            return nil
        }
        latest = instant
        return instant
    }

    /// `ok`, `error`, `error "text"` (or `error 'text'`, or `error text`).
    static func parseCommandExpectation(_ text: String) throws(ValueParseError) -> CommandExpectation {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "ok" { return .ok }
        guard trimmed == "error" || trimmed.hasPrefix("error ") else {
            throw ValueParseError("invalid expect '\(text)'", hint: "write 'expect: ok', 'expect: error' or 'expect: error \"text it contains\"'")
        }
        let rest = String(trimmed.dropFirst("error".count)).trimmingWhitespace()
        if rest.isEmpty { return .error(containing: nil) }
        if rest.count >= 2, let quote = rest.first, quote == "\"" || quote == "'", rest.last == quote {
            var inner = String(rest.dropFirst().dropLast())
            if quote == "\"" {
                inner = inner.replacingEscapes()
            }
            return .error(containing: inner)
        }
        return .error(containing: rest)
    }
}

extension String {
    /// The text with `\"` and `\\` resolved.
    fileprivate func replacingEscapes() -> String {
        var result = ""
        var escaping = false
        for ch in self {
            if escaping {
                result.append(ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                result.append(ch)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
