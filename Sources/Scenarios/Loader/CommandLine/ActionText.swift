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
        if token.text == "primary", mode == .classic { return .primary }
        if names.hasNode(token.text) { return .named(token.text) }
        guard names.nodesAreCertain else { return .named(token.text) }
        let hint = token.text == "primary" ? Self.classicOnlyHint("'primary' (the host whose manager holds the lock)") : names.nodeHint
        report("unknown node '\(token.text)' in '\(command)'", at: token, in: action, hint: hint)
        return nil
    }

    /// A NODE argument of a docker command: as `resolveNode`, or `NAME.id` / `NAME.id:N` for
    /// the node's ID (or its first N characters, N from 1 to 25) at the instant the command runs.
    mutating func resolveDockerNode(_ token: CommandToken, in action: ActionText, command: String) -> NodeReference? {
        guard let marker = token.text.range(of: ".id"), marker.lowerBound != token.text.startIndex else {
            return resolveNode(token, in: action, command: command)
        }
        let name = String(token.text[..<marker.lowerBound])
        let rest = token.text[marker.upperBound...]
        var prefix: Int?
        if !rest.isEmpty {
            guard rest.first == ":", let length = Int(rest.dropFirst()), (1...25).contains(length) else {
                report("invalid node ID reference '\(token.text)'", at: token, in: action,
                       hint: "write NAME.id for the node's ID, or NAME.id:N for its first N characters (1 to 25)")
                return nil
            }
            prefix = length
        }
        let nameToken = CommandToken(text: name, start: token.start, end: token.start + name.unicodeScalars.count)
        guard case .named? = resolveNode(nameToken, in: action, command: command) else {
            if name == "leader" { return .id(of: name, prefix: prefix) }
            return nil
        }
        return .id(of: name, prefix: prefix)
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
