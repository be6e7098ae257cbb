import SimEngine

extension ScenarioReader {
    /// The first words of the faults, in the order the format lists them.
    static let faultWords = FaultReference.words

    /// Reads the action of a timeline entry (a docker command or a fault); nil after an error.
    mutating func readAction(_ node: YAMLNode, text: String) -> TimelineAction? {
        guard let action = actionText(node, text: text, what: "action") else { return nil }
        guard let first = action.tokens.first else {
            report("missing action", at: node, hint: "an action is a docker command or a fault such as 'crash m1'")
            return nil
        }
        if first.text == "docker" {
            if action.tokens.count > 1, action.tokens[1].text == "exec" {
                return readDockerExec(action).map(TimelineAction.traffic)
            }
            return readDockerCommand(action).map(TimelineAction.docker)
        }
        if first.text == "curl" {
            return readCurl(action).map(TimelineAction.traffic)
        }
        if Self.faultWords.contains(first.text) {
            return readFault(action).map(TimelineAction.fault)
        }
        let classicOnly = first.text == "swarm" || first.text == "start"
        let hint = classicOnly ? Self.classicOnlyHint("'\(first.text)'")
            : Suggestions.nearest(to: first.text, among: ["docker", "curl"] + Self.faultWords).map { "did you mean '\($0)'?" }
            ?? "an action is a docker command, curl, or one of " + Self.faultWords.joined(separator: ", ")
        report("unknown action '\(first.text)'", at: first, in: action, hint: hint)
        return nil
    }

    /// The words of `text` (the value of `node`), or nil with an error for a bad quote.
    mutating func actionText(_ node: YAMLNode, text: String, what: String) -> ActionText? {
        let positions = ScalarPositions(of: node, in: source)
        do {
            let tokens = try CommandTokenizer.tokenize(text)
            return ActionText(text: text, tokens: tokens, positions: positions)
        } catch {
            report("invalid \(what): \(error.message)", at: positions.location(at: error.offset),
                   hint: "quote a word with spaces as 'two words' or \"two words\"")
            return nil
        }
    }

    /// Checks that a command has between `minimum` and `maximum` positional words,
    /// recording Docker's error otherwise.
    mutating func checkArgumentCount(
        _ positionals: [CommandToken], minimum: Int, maximum: Int?,
        command: String, usage: String, in action: ActionText
    ) -> Bool {
        let hint = "usage: " + usage
        if let maximum, positionals.count > maximum {
            let message = maximum == 0 ? "'\(command)' accepts no arguments"
                : minimum == maximum ? "'\(command)' requires exactly \(maximum) argument\(maximum == 1 ? "" : "s")"
                : "'\(command)' requires at most \(maximum) argument\(maximum == 1 ? "" : "s")"
            report(message, at: positionals[maximum], in: action, hint: hint)
            return false
        }
        if positionals.count < minimum {
            let message = minimum == maximum ? "'\(command)' requires exactly \(minimum) argument\(minimum == 1 ? "" : "s")"
                : "'\(command)' requires at least \(minimum) argument\(minimum == 1 ? "" : "s")"
            reportMissing(message, in: action, hint: hint)
            return false
        }
        return true
    }
}
