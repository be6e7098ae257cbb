import SimEngine

extension ScenarioReader {
    /// Sorts `tokens` into flags of `flags` and positional words, recording an error for
    /// each unknown flag or flag without its value. `--flag value`, `--flag=value`,
    /// `-f value`, `-fvalue` and `-f=value` are accepted; `--` ends the flags. Unless
    /// `interspersed`, the first positional word ends the flags (the `IMAGE COMMAND...`
    /// of `docker service create`).
    mutating func parseArguments(
        _ tokens: ArraySlice<CommandToken>,
        flags: [FlagSpec],
        command: String,
        in action: ActionText,
        interspersed: Bool = true,
        sibling: (command: String, flags: [FlagSpec])? = nil
    ) -> ParsedArguments {
        var result = ParsedArguments()
        var index = tokens.startIndex
        var onlyPositionals = false
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            let word = token.text
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || (token.isQuoted && word == "|") {
                result.positionals.append(token)
                if !interspersed { onlyPositionals = true }
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            let isLong = word.hasPrefix("--")
            let name: String
            var inline: String?
            var inlineOffset = 0
            if isLong {
                if let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    inline = String(word[word.index(after: equals)...])
                    inlineOffset = name.unicodeScalars.count + 1
                } else {
                    name = word
                }
            } else {
                name = String(word.prefix(2))
                let rest = word.dropFirst(2)
                if !rest.isEmpty {
                    inline = rest.hasPrefix("=") ? String(rest.dropFirst()) : String(rest)
                    inlineOffset = 2 + (rest.hasPrefix("=") ? 1 : 0)
                }
            }
            guard let spec = flags.first(where: { $0.long == name || $0.short == name }),
                  isLong || spec.takesValue || inline == nil else {
                let known = flags.map(\.long) + flags.compactMap(\.short)
                let siblingHint = sibling.flatMap { other in
                    other.flags.contains { $0.long == name || $0.short == name } ? "'\(name)' is a flag of '\(other.command)'" : nil
                }
                let hint = siblingHint ?? Suggestions.nearest(to: isLong ? name : word, among: known).map { "did you mean '\($0)'?" }
                    ?? (flags.isEmpty ? "'\(command)' takes no flags"
                        : flags.count <= 8 ? "the flags of '\(command)' are " + flags.map(\.long).joined(separator: ", ") : nil)
                report("unknown flag '\(isLong ? name : word)' in '\(command)'", at: token, in: action, hint: hint)
                result.isValid = false
                continue
            }
            if spec.takesValue {
                if let inline {
                    let start = token.isQuoted ? token.start : token.start + inlineOffset
                    result.flags.append(ParsedFlag(spec: spec, token: token,
                                                   value: CommandToken(text: inline, start: start, end: token.end)))
                } else if index < tokens.endIndex {
                    result.flags.append(ParsedFlag(spec: spec, token: token, value: tokens[index]))
                    index += 1
                } else {
                    report("flag '\(name)' needs a value", at: token, in: action)
                    result.isValid = false
                }
            } else if let inline {
                switch inline {
                case "true", "True", "TRUE", "1": result.flags.append(ParsedFlag(spec: spec, token: token, value: nil))
                case "false", "False", "FALSE", "0": break
                default:
                    report("flag '\(name)' is true or false, not '\(inline)'", at: token, in: action)
                    result.isValid = false
                }
            } else {
                result.flags.append(ParsedFlag(spec: spec, token: token, value: nil))
            }
        }
        return result
    }

    /// Reads a flag's value with `parse`, recording an error under the value when it fails.
    mutating func flagValue<T>(_ flag: ParsedFlag, in action: ActionText, _ parse: (String) throws(ValueParseError) -> T) -> T? {
        guard let token = flag.value else { return nil }
        do {
            return try parse(token.text)
        } catch {
            report(error.message, at: token, in: action, hint: error.hint)
            return nil
        }
    }
}
