/// The value of a timeline entry or an expectation: its text, its words, and where
/// each character sits in the source.
struct ActionText: Sendable {
    /// The text as YAML read it.
    let text: String
    /// The words (shell-like quoting removed).
    let tokens: [CommandToken]
    /// Where each character sits in the source.
    let positions: ScalarPositions

    /// Offset just past the text's last character (where a missing word would go).
    var endOffset: Int { text.unicodeScalars.count }
}

extension ScenarioReader {
    /// Records an error underlining `token`.
    mutating func report(_ message: String, at token: CommandToken, in action: ActionText, hint: String? = nil) {
        report(message, at: action.positions.location(at: token.start),
               length: action.positions.length(from: token.start, to: token.end), hint: hint)
    }

    /// Records an error just after the end of the text (for a missing word).
    mutating func reportMissing(_ message: String, in action: ActionText, hint: String? = nil) {
        let end = action.endOffset
        let trimmedEnd = action.tokens.last?.end ?? end
        report(message, at: action.positions.location(at: min(end, trimmedEnd + 1)), hint: hint)
    }

    /// The node `token` names (`leader` included), or nil with an error naming `command`.
    mutating func resolveNode(_ token: CommandToken, in action: ActionText, command: String) -> NodeReference? {
        if token.text == "leader" { return .leader }
        if names.hasNode(token.text) { return .named(token.text) }
        guard names.nodesAreCertain else { return .named(token.text) }
        report("unknown node '\(token.text)' in '\(command)'", at: token, in: action, hint: names.nodeHint)
        return nil
    }

    /// The node name `token` gives (`leader` not allowed), or nil with an error naming `context`.
    mutating func resolveNodeName(_ token: CommandToken, in action: ActionText, context: String) -> String? {
        if names.hasNode(token.text) || !names.nodesAreCertain { return token.text }
        let hint = token.text == "leader" ? "here a node is named; to test the leader, write 'leader is NODE'" : names.nodeHint
        report("unknown node '\(token.text)' in '\(context)'", at: token, in: action, hint: hint)
        return nil
    }

    /// The service `token` names, or nil with an error naming `command`.
    mutating func resolveService(_ token: CommandToken, in action: ActionText, command: String) -> String? {
        resolveService(token.text, at: token, in: action, command: command)
    }

    /// The service `name` (a part of `token`), or nil with an error naming `command`.
    mutating func resolveService(_ name: String, at token: CommandToken, in action: ActionText, command: String) -> String? {
        if names.hasService(name) || !names.servicesAreCertain { return name }
        report("unknown service '\(name)' in '\(command)'", at: token, in: action, hint: names.serviceHint)
        return nil
    }
}
