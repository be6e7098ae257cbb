import SimEngine

extension ScenarioReader {
    /// `curl NODE:PORT [--max-time D]` (SCENARIO_FORMAT §9): one request from outside the swarm.
    mutating func readCurl(_ action: ActionText) -> TrafficAction? {
        let usage = "usage: curl NODE:PORT [--max-time 1s]"
        let args = parseArguments(action.tokens.dropFirst(), flags: [.value("--max-time", "-m")], command: "curl", in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: "curl",
                                               usage: "curl NODE:PORT [--max-time 1s]", in: action) else { return nil }
        var maxTime: SimDuration?
        if let flag = args.last("--max-time") {
            guard let value = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in
                try DurationSyntax.parse(text, what: "max-time", allowZero: false)
            }) else { return nil }
            maxTime = value
        }
        let token = args.positionals[0]
        guard let (host, port) = splitHostPort(token, in: action, usage: usage) else { return nil }
        guard let node = resolveNode(host, in: action, command: "curl") else { return nil }
        return .curl(node: node, port: port, maxTime: maxTime)
    }

    /// `docker exec TASK ping -c N NAME` and `docker exec TASK nslookup NAME`.
    mutating func readDockerExec(_ action: ActionText) -> TrafficAction? {
        let usage = "usage: docker exec TASK ping -c N NAME, or docker exec TASK nslookup NAME"
        let tokens = Array(action.tokens.dropFirst(2))
        guard tokens.count >= 2 else {
            reportMissing("'docker exec' needs a task and a command", in: action, hint: usage)
            return nil
        }
        let task = readTaskReference(tokens[0], in: action, usage: usage, command: "docker exec")
        let program = tokens[1]
        let rest = tokens[2...]
        switch program.text {
        case "nslookup":
            guard checkArgumentCount(Array(rest), minimum: 1, maximum: 1, command: "nslookup", usage: "docker exec TASK nslookup NAME",
                                     in: action), let task else { return nil }
            return .nslookup(from: task, name: rest.first!.text)
        case "ping":
            let args = parseArguments(rest, flags: [.value("-c")], command: "ping", in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: "ping",
                                                   usage: "docker exec TASK ping -c N NAME", in: action) else { return nil }
            guard let flag = args.last("-c") else {
                reportMissing("'ping' needs -c N: without a count it would never end", in: action, hint: usage)
                return nil
            }
            guard let count = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in
                try WholeNumberSyntax.parse(text, what: "count", in: 1...1000)
            }), let task else { return nil }
            return .ping(from: task, count: count, name: args.positionals[0].text)
        default:
            let hint = Suggestions.nearest(to: program.text, among: ["ping", "nslookup"]).map { "did you mean '\($0)'?" } ?? usage
            report("'\(program.text)' is not simulated in 'docker exec'", at: program, in: action, hint: hint)
            return nil
        }
    }

    /// `HOST:PORT` split at its last colon, the port checked; the host as a token of its own.
    func splitHostPortText(_ text: String) -> (String, String)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// `NODE:PORT` of a curl: the host's token and the port, or nil with an error.
    private mutating func splitHostPort(_ token: CommandToken, in action: ActionText, usage: String) -> (CommandToken, Int)? {
        guard let (host, portText) = splitHostPortText(token.text), !host.isEmpty else {
            report("expected NODE:PORT, found '\(token.text)'", at: token, in: action, hint: usage)
            return nil
        }
        let hostLength = host.unicodeScalars.count
        let hostToken = CommandToken(text: host, start: token.start, end: token.start + hostLength)
        let portToken = CommandToken(text: portText, start: token.start + hostLength + 1, end: token.end)
        do {
            return (hostToken, try PortSyntax.parsePort(portText, what: "port"))
        } catch {
            report(error.message, at: portText.isEmpty ? token : portToken, in: action, hint: usage)
            return nil
        }
    }
}
