import SimEngine

extension ScenarioReader {
    /// Reads a fault (the first word is one of `faultWords`); nil after an error.
    mutating func readFault(_ action: ActionText) -> Fault? {
        let word = action.tokens[0].text
        let args = Array(action.tokens.dropFirst())
        let usage = "usage: " + FaultReference.usage(of: word)
        switch word {
        case "crash", "restart", "stop", "isolate":
            guard checkArgumentCount(args, minimum: 1, maximum: 1, command: word, usage: FaultReference.usage(of: word), in: action),
                  let node = resolveNode(args[0], in: action, command: word) else { return nil }
            switch word {
            case "crash": return .crash(node)
            case "restart": return .restart(node)
            case "stop": return .stop(node)
            default: return .isolate(node)
            }
        case "heal":
            guard checkArgumentCount(args, minimum: 0, maximum: 0, command: word, usage: "heal", in: action) else { return nil }
            return .heal
        case "partition":
            return readPartition(args, in: action, usage: usage)
        case "drop":
            guard args.count == 3, args[1].text == "->" else {
                if args.count == 3 {
                    report("expected '->' between the two nodes of 'drop'", at: args[1], in: action, hint: usage)
                } else if args.count > 3 {
                    report("too many arguments for 'drop'", at: args[3], in: action, hint: usage)
                } else {
                    reportMissing("'drop' needs two nodes and an arrow", in: action, hint: usage)
                }
                return nil
            }
            let from = resolveNode(args[0], in: action, command: word)
            let to = resolveNode(args[2], in: action, command: word)
            guard let from, let to else { return nil }
            if from == to, from != .leader {
                report("'drop' needs two different nodes", at: args[2], in: action, hint: usage)
                return nil
            }
            return .drop(from: from, to: to)
        case "latency", "loss":
            return readLinkFault(word, args, in: action, usage: usage)
        case "clock", "disk":
            return readMachineFault(word, args, in: action, usage: usage)
        case "firewall":
            return readFirewall(args, in: action, usage: usage)
        case "kill":
            guard checkArgumentCount(args, minimum: 1, maximum: 1, command: word, usage: FaultReference.usage(of: word), in: action) else {
                return nil
            }
            if let at = args[0].text.firstIndex(of: "@"), ClassicProcess(rawValue: String(args[0].text[..<at])) != nil,
               !names.hasService(String(args[0].text[..<at])) {
                report("unknown service '\(args[0].text[..<at])' in 'kill'", at: args[0], in: action,
                       hint: Self.classicOnlyHint("'kill \(args[0].text[..<at])@HOST'"))
                return nil
            }
            return readTaskReference(args[0], in: action, usage: usage).map(Fault.kill)
        default:  // fail
            guard args.count == 2 else {
                if args.count > 2 {
                    report("too many arguments for 'fail'", at: args[2], in: action, hint: usage)
                } else {
                    reportMissing("'fail' needs a node and what fails", in: action, hint: usage)
                }
                return nil
            }
            if args[1].text == "health" {
                return readTaskReference(args[0], in: action, usage: usage, command: "fail").map(Fault.failHealth)
            }
            let node = resolveNode(args[0], in: action, command: word)
            guard args[1].text == "image-pull" else {
                let hint = Suggestions.nearest(to: args[1].text, among: ["image-pull", "health"]).map { "did you mean '\($0)'?" } ?? usage
                report("unknown failure '\(args[1].text)'", at: args[1], in: action, hint: hint)
                return nil
            }
            return node.map(Fault.failImagePulls)
        }
    }

    /// `partition A B | C D`: groups split at `|`; a node may be in one group only.
    private mutating func readPartition(_ args: [CommandToken], in action: ActionText, usage: String) -> Fault? {
        guard !args.isEmpty else {
            reportMissing("'partition' needs at least one group of nodes", in: action, hint: usage)
            return nil
        }
        var groups: [[NodeReference]] = [[]]
        var seen: [NodeReference] = []
        var valid = true
        for token in args {
            if token.text == "|" && !token.isQuoted {
                if groups[groups.count - 1].isEmpty {
                    report("empty group in 'partition'", at: token, in: action, hint: usage)
                    valid = false
                }
                groups.append([])
                continue
            }
            guard let node = resolveNode(token, in: action, command: "partition") else {
                valid = false
                continue
            }
            if seen.contains(node) {
                report("node '\(node)' is in more than one group of 'partition'", at: token, in: action, hint: usage)
                valid = false
            }
            seen.append(node)
            groups[groups.count - 1].append(node)
        }
        if groups[groups.count - 1].isEmpty, valid {
            reportMissing("empty group in 'partition'", in: action, hint: usage)
            valid = false
        }
        return valid ? .partition(groups) : nil
    }

    /// `latency A B 200ms`, `latency * 200ms`, `loss A B 20%`, `loss * 20%`.
    private mutating func readLinkFault(_ word: String, _ args: [CommandToken], in action: ActionText, usage: String) -> Fault? {
        let expected = args.first?.text == "*" ? 2 : 3
        guard requireArguments(args, count: expected, of: word, missing: "'\(word)' needs two nodes (or *) and a value",
                               in: action, usage: usage) else { return nil }
        var link: LinkSelector?
        if expected == 2 {
            link = .all
        } else {
            let a = resolveNode(args[0], in: action, command: word)
            let b = resolveNode(args[1], in: action, command: word)
            if let a, let b {
                if a == b, a != .leader {
                    report("'\(word)' needs two different nodes", at: args[1], in: action, hint: usage)
                } else {
                    link = .between(a, b)
                }
            }
        }
        let valueToken = args[expected - 1]
        do {
            if word == "latency" {
                let latency = try DurationSyntax.parse(valueToken.text, what: "latency")
                return link.map { .latency($0, latency) }
            }
            let loss = try PercentFormat.parse(valueToken.text)
            return link.map { .loss($0, loss) }
        } catch {
            report(error.message, at: valueToken, in: action, hint: error.hint)
            return nil
        }
    }

    /// True if there are exactly `count` arguments; otherwise reports the first extra one, or
    /// `missing` when there are too few.
    mutating func requireArguments(_ args: [CommandToken], count: Int, of word: String, missing: String,
                                   in action: ActionText, usage: String) -> Bool {
        if args.count > count {
            report("too many arguments for '\(word)'", at: args[count], in: action, hint: usage)
        } else if args.count < count {
            reportMissing(missing, in: action, hint: usage)
        }
        return args.count == count
    }

    /// `web.2` (a replica's slot) or `app@w1` (a global service's task on a node).
    mutating func readTaskReference(_ token: CommandToken, in action: ActionText, usage: String, command: String = "kill") -> TaskReference? {
        let text = token.text
        if let at = text.lastIndex(of: "@") {
            let service = String(text[..<at])
            let nodeName = String(text[text.index(after: at)...])
            let serviceLength = service.unicodeScalars.count
            let serviceToken = CommandToken(text: service, start: token.start, end: token.start + serviceLength)
            let nodeToken = CommandToken(text: nodeName, start: token.start + serviceLength + 1, end: token.end)
            guard !service.isEmpty, !nodeName.isEmpty else {
                report("invalid task '\(text)'", at: token, in: action, hint: usage)
                return nil
            }
            let resolvedService = resolveService(serviceToken, in: action, command: command)
            let node = resolveNode(nodeToken, in: action, command: command)
            guard let resolvedService, let node else { return nil }
            return .global(service: resolvedService, node: node)
        }
        guard let dot = text.lastIndex(of: "."), dot != text.startIndex else {
            report("invalid task '\(text)'", at: token, in: action, hint: usage)
            return nil
        }
        let service = String(text[..<dot])
        let slotText = String(text[text.index(after: dot)...])
        let serviceToken = CommandToken(text: service, start: token.start, end: token.start + service.unicodeScalars.count)
        let slotToken = CommandToken(text: slotText, start: serviceToken.end + 1, end: token.end)
        let resolvedService = resolveService(serviceToken, in: action, command: command)
        let slot: Int
        do {
            slot = try WholeNumberSyntax.parse(slotText, what: "task slot", in: 1...ServiceFlags.maximumReplicas)
        } catch {
            report(error.message, at: slotText.isEmpty ? token : slotToken, in: action, hint: usage)
            return nil
        }
        return resolvedService.map { .replica(service: $0, slot: slot) }
    }
}
