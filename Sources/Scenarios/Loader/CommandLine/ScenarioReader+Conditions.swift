import SimEngine
import SimModels

extension ScenarioReader {
    /// The first words of conditions.
    static let conditionSubjects = ConditionReference.subjects
    /// The words after `node NODE is`.
    static let nodeStateWords = ["ready", "down", "unknown", "disconnected", "active", "pause", "drain", "leader", "reachable", "unreachable"]
    /// The words after `service SERVICE is`, besides `R/D`.
    static let serviceStateWords = ["balanced", "converged", "absent"]

    /// Reads the CONDITION of an expectation (the value of `node`); nil after an error.
    mutating func readCondition(_ node: YAMLNode, text: String) -> Condition? {
        guard let parsed = actionText(node, text: text, what: "condition") else { return nil }
        let words = parsed.splittingCommas()
        var cursor = WordCursor(tokens: words.tokens)
        guard let subject = cursor.next() else {
            report("missing condition", at: node, hint: "write a condition such as 'leader is m1' or 'service web is 3/3'")
            return nil
        }
        let condition: Condition?
        switch subject.text {
        case "leader": condition = readLeaderCondition(&cursor, in: words)
        case "term":
            guard expectWord("is", after: "term", &cursor, in: words) else { return nil }
            condition = readCount(&cursor, in: words, after: "term is").map(Condition.term)
        case "quorum":
            guard expectWord("is", after: "quorum", &cursor, in: words),
                  let state = expectWord(oneOf: ["ok", "lost"], after: "quorum is", &cursor, in: words) else { return nil }
            condition = .quorum(isOK: state.text == "ok")
        case "node": condition = readNodeCondition(&cursor, in: words)
        case "service": condition = readServiceCondition(&cursor, in: words)
        case "client": condition = readClientCondition(&cursor, in: words)
        case "port", "name", "backends": condition = readDataPlaneCondition(subject.text, &cursor, in: words)
        default:
            let classicOnly = !Self.conditionSubjects.contains(subject.text) && Self.classicConditionSubjects.contains(subject.text)
            let hint = classicOnly ? Self.classicOnlyHint("the condition '\(subject.text) ...'")
                : Suggestions.nearest(to: subject.text, among: Self.conditionSubjects).map { "did you mean '\($0)'?" }
                ?? "a condition starts with " + Self.conditionSubjects.joined(separator: ", ")
            report("unknown condition '\(subject.text)'", at: subject, in: words, hint: hint)
            return nil
        }
        return finishCondition(condition, &cursor, in: words)
    }

    private mutating func readLeaderCondition(_ cursor: inout WordCursor, in words: ActionText) -> Condition? {
        guard expectWord("is", after: "leader", &cursor, in: words) else { return nil }
        guard let next = cursor.peek() else {
            reportMissing("missing node after 'leader is'", in: words, hint: "write 'leader is m1', 'leader is not m1', 'leader is none' or 'leader is one of m1, m2'")
            return nil
        }
        switch next.text {
        case "none":
            cursor.skip()
            return .leader(.none)
        case "not":
            cursor.skip()
            guard let token = expectNode(after: "leader is not", &cursor, in: words),
                  let name = resolveNodeName(token, in: words, context: "leader is not") else { return nil }
            return .leader(.isNot(name))
        case "one":
            cursor.skip()
            guard expectWord("of", after: "leader is one", &cursor, in: words) else { return nil }
            var nodes: [String] = []
            var valid = true
            while let token = cursor.next() {
                if token.text == "or" || token.text == "and" { continue }
                if let name = resolveNodeName(token, in: words, context: "leader is one of") { nodes.append(name) } else { valid = false }
            }
            if nodes.isEmpty && valid {
                reportMissing("missing nodes after 'leader is one of'", in: words, hint: "write 'leader is one of m2, m3'")
                return nil
            }
            return valid ? .leader(.oneOf(nodes)) : nil
        default:
            cursor.skip()
            guard let name = resolveNodeName(next, in: words, context: "leader is") else { return nil }
            return .leader(.is(name))
        }
    }

    private mutating func readNodeCondition(_ cursor: inout WordCursor, in words: ActionText) -> Condition? {
        guard let nodeToken = expectNode(after: "node", &cursor, in: words) else { return nil }
        let name = resolveNodeName(nodeToken, in: words, context: "node")
        guard let verb = expectWord(oneOf: ["is", "has"], after: "node \(nodeToken.text)", &cursor, in: words) else { return nil }
        if verb.text == "is" {
            guard let state = expectWord(oneOf: Self.nodeStateWords, after: "node \(nodeToken.text) is", &cursor, in: words),
                  let name else { return nil }
            if let status = ["unknown": NodeState.unknown, "down": .down, "ready": .ready, "disconnected": .disconnected][state.text] {
                return .nodeStatus(node: name, status)
            }
            if let availability = NodeAvailability(rawValue: state.text) {
                return .nodeAvailability(node: name, availability)
            }
            return ManagerStatusCondition(rawValue: state.text).map { .nodeManagerStatus(node: name, $0) }
        }
        guard let count = readCount(&cursor, in: words, after: "node \(nodeToken.text) has"),
              expectWord(oneOf: ["tasks", "task"], after: "\(count)", &cursor, in: words) != nil else { return nil }
        var service: String?
        if cursor.peek()?.text == "of" {
            cursor.skip()
            guard let serviceToken = cursor.next() else {
                reportMissing("missing service after 'of'", in: words)
                return nil
            }
            guard let resolved = resolveService(serviceToken, in: words, command: "node \(nodeToken.text) has \(count) tasks of") else {
                return nil
            }
            service = resolved
        }
        return name.map { .nodeTasks(node: $0, count, service: service) }
    }

    private mutating func readServiceCondition(_ cursor: inout WordCursor, in words: ActionText) -> Condition? {
        guard let serviceToken = cursor.next() else {
            reportMissing("missing service after 'service'", in: words)
            return nil
        }
        let service = resolveService(serviceToken, in: words, command: "service")
        guard let verb = expectWord(oneOf: ["is", "has"], after: "service \(serviceToken.text)", &cursor, in: words) else { return nil }
        if verb.text == "has" {
            guard let count = readCount(&cursor, in: words, after: "service \(serviceToken.text) has"),
                  expectWord("running", after: "\(count)", &cursor, in: words),
                  expectWord(oneOf: ["tasks", "task"], after: "running", &cursor, in: words) != nil,
                  let service else { return nil }
            return .serviceRunningTasks(service: service, count)
        }
        guard let state = cursor.next() else {
            reportMissing("missing state after 'service \(serviceToken.text) is'", in: words,
                          hint: "write R/D (such as 3/3), balanced, converged or absent")
            return nil
        }
        switch state.text {
        case "balanced": return service.map { .serviceBalanced(service: $0) }
        case "converged": return service.map { .serviceConverged(service: $0) }
        case "absent": return service.map { .serviceAbsent(service: $0) }
        default:
            let parts = state.text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                let hint = Suggestions.nearest(to: state.text, among: Self.serviceStateWords).map { "did you mean '\($0)'?" }
                    ?? "write R/D (such as 3/3), balanced, converged or absent"
                report("unknown service state '\(state.text)'", at: state, in: words, hint: hint)
                return nil
            }
            do {
                let running = try WholeNumberSyntax.parse(String(parts[0]), what: "running replicas", in: 0...1_000_000_000)
                let desired = try WholeNumberSyntax.parse(String(parts[1]), what: "desired replicas", in: 0...1_000_000_000)
                return service.map { .serviceReplicas(service: $0, running: running, desired: desired) }
            } catch {
                report(error.message, at: state, in: words, hint: "REPLICAS is written running/desired, such as 3/3")
                return nil
            }
        }
    }

    /// The condition read, unless a word follows it (an error).
    mutating func finishCondition<C>(_ condition: C?, _ cursor: inout WordCursor, in words: ActionText) -> C? {
        guard let condition else { return nil }
        if let extra = cursor.next() {
            report("unexpected '\(extra.text)' after the condition", at: extra, in: words)
            return nil
        }
        return condition
    }

    /// `N`, `at least N` or `at most N`.
    mutating func readCount(_ cursor: inout WordCursor, in words: ActionText, after context: String) -> CountRequirement? {
        guard let first = cursor.next() else {
            reportMissing("missing number after '\(context)'", in: words, hint: "write N, at least N or at most N")
            return nil
        }
        var numberToken = first
        var make: (Int) -> CountRequirement = { .exactly($0) }
        if first.text == "at" {
            guard let bound = expectWord(oneOf: ["least", "most"], after: "at", &cursor, in: words) else { return nil }
            if bound.text == "least" {
                make = { .atLeast($0) }
            } else {
                make = { .atMost($0) }
            }
            guard let number = cursor.next() else {
                reportMissing("missing number after 'at \(bound.text)'", in: words)
                return nil
            }
            numberToken = number
        }
        do {
            return make(try WholeNumberSyntax.parse(numberToken.text, what: "count", in: 0...1_000_000_000))
        } catch {
            report(error.message, at: numberToken, in: words, hint: "write N, at least N or at most N")
            return nil
        }
    }

    /// The next word, which must name a node (a missing one is an error).
    mutating func expectNode(after context: String, _ cursor: inout WordCursor, in words: ActionText) -> CommandToken? {
        guard let token = cursor.next() else {
            reportMissing("missing node after '\(context)'", in: words, hint: names.nodeHint)
            return nil
        }
        return token
    }

    /// Consumes `word`, or records an error; true when it was there.
    mutating func expectWord(_ word: String, after context: String, _ cursor: inout WordCursor, in words: ActionText) -> Bool {
        expectWord(oneOf: [word], after: context, &cursor, in: words) != nil
    }

    /// Consumes one of `choices`, or records an error (with a suggestion) and returns nil.
    mutating func expectWord(oneOf choices: [String], after context: String, _ cursor: inout WordCursor, in words: ActionText) -> CommandToken? {
        let expected = choices.count == 1 ? "'\(choices[0])'" : "one of " + choices.joined(separator: ", ")
        guard let token = cursor.next() else {
            reportMissing("missing word after '\(context)': expected \(expected)", in: words)
            return nil
        }
        if choices.contains(token.text) { return token }
        let hint = Suggestions.nearest(to: token.text, among: choices).map { "did you mean '\($0)'?" }
        report("expected \(expected) after '\(context)', found '\(token.text)'", at: token, in: words, hint: hint)
        return nil
    }
}

extension ActionText {
    /// The same text with commas treated as spaces (`m2, m3` → `m2`, `m3`).
    func splittingCommas() -> ActionText {
        var split: [CommandToken] = []
        for token in tokens {
            guard token.text.contains(","), !token.isQuoted else {
                split.append(token)
                continue
            }
            var start = token.start
            for part in token.text.split(separator: ",", omittingEmptySubsequences: false) {
                let length = part.unicodeScalars.count
                if length > 0 { split.append(CommandToken(text: String(part), start: start, end: start + length)) }
                start += length + 1
            }
        }
        return ActionText(text: text, tokens: split, positions: positions)
    }
}
