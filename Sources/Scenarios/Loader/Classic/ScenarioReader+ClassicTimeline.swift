import SimEngine
import SimModels

extension ScenarioReader {
    /// The faults of SCENARIO_FORMAT §5 a classic timeline takes (§10).
    static let classicFaultWords = ["crash", "restart", "partition", "isolate", "drop", "latency", "loss", "heal"]
    /// The first words of classic actions.
    static var classicActionWords: [String] { ["docker", "swarm", "kill", "start"] + classicFaultWords }

    /// Reads the `timeline:` of a classic file.
    mutating func readClassicTimeline(_ section: YAMLNode, duration: SimDuration?, hosts: [ClassicHost]) -> [ClassicTimelineEntry] {
        if section.isNull { return [] }
        guard let items = sequence(section, what: "'timeline'") else { return [] }
        var entries: [ClassicTimelineEntry] = []
        var latest: SimInstant?
        for item in items {
            guard let parts = readEntryParts(item, duration: duration, latest: &latest), let text = parts.text else { continue }
            let action = readClassicAction(parts.first.value, text: text, hosts: hosts)
            let via = parts.via.flatMap { readClassicVia($0, action: action, hosts: hosts) }
            let expect = readEntryExpect(parts.expect, isCommand: action?.isCommand ?? true)
            guard let time = parts.time, let action else { continue }
            entries.append(ClassicTimelineEntry(time: time, action: action, via: via, expect: expect, text: text,
                                                location: parts.first.key.location))
        }
        return entries
    }

    /// `via:`: a host running a manager (the client talks to its `swarm manage` on port 4000);
    /// for `docker info`, also a host running only an engine (that engine's own info).
    private mutating func readClassicVia(_ node: YAMLNode, action: ClassicAction?, hosts: [ClassicHost]) -> String? {
        guard let text = text(node, what: "'via'") else { return nil }
        let word = text.trimmingWhitespace()
        if let action, !action.isCommand {
            report("'via' applies to docker commands, not to faults", at: node, hint: "a fault acts on the hosts it names")
            return nil
        }
        guard names.nodesAreCertain else { return word }
        let managers = hosts.filter { $0.runs(.manager) }.map(\.name)
        guard let host = hosts.first(where: { $0.name == word }) else {
            let hint = word == "leader" || word == "primary"
                ? "'via' names a manager's host; the client talks to that manager, which proxies to the primary (managers are \(managers.joined(separator: ", ")))"
                : names.nodeHint
            report("unknown host '\(word)' in 'via'", at: node, hint: hint)
            return nil
        }
        let isInfo = action == .docker(.info)
        if !host.runs(.manager) && !(isInfo && host.runsDockerEngine) {
            report("host '\(word)' runs no manager", at: node,
                   hint: "'via' names the manager the client talks to, as 'docker -H \(managers.first ?? "m1"):4000'; managers are \(managers.joined(separator: ", ")) ('docker info' may also ask an engine)")
            return nil
        }
        return word
    }

    /// Reads a classic action; nil after an error.
    mutating func readClassicAction(_ node: YAMLNode, text: String, hosts: [ClassicHost]) -> ClassicAction? {
        guard let action = actionText(node, text: text, what: "action") else { return nil }
        guard let first = action.tokens.first else {
            report("missing action", at: node, hint: "an action is a docker command, 'swarm list', kill/start PROCESS@HOST or a fault")
            return nil
        }
        switch first.text {
        case "docker": return readClassicDockerCommand(action).map(ClassicAction.docker)
        case "swarm":
            guard action.tokens.count >= 2, action.tokens[1].text == "list" else {
                if action.tokens.count >= 2 {
                    let hint = ["init", "join", "leave", "join-token"].contains(action.tokens[1].text)
                        ? "'swarm \(action.tokens[1].text)' is Swarm mode's; in classic mode 'swarm list' prints what discovery holds"
                        : "the classic swarm command here is 'swarm list'"
                    report("unknown command 'swarm \(action.tokens[1].text)'", at: action.tokens[1], in: action, hint: hint)
                } else {
                    reportMissing("missing command after 'swarm'", in: action, hint: "write 'swarm list'")
                }
                return nil
            }
            guard checkArgumentCount(Array(action.tokens.dropFirst(2)), minimum: 0, maximum: 0, command: "swarm list",
                                     usage: "swarm list", in: action) else { return nil }
            return .swarmList
        case "kill", "start": return readProcessAction(action, hosts: hosts).map(ClassicAction.process)
        default:
            if Self.classicFaultWords.contains(first.text) {
                return readFault(action).map(ClassicAction.fault)
            }
            let hint: String
            if Self.faultWords.contains(first.text) || first.text == "curl" || first.text == "firewall" {
                hint = "'\(first.text)' is a Swarm-mode action; classic actions are " + Self.classicActionWords.joined(separator: ", ")
            } else {
                hint = Suggestions.nearest(to: first.text, among: Self.classicActionWords).map { "did you mean '\($0)'?" }
                    ?? "classic actions are " + Self.classicActionWords.joined(separator: ", ")
            }
            report("unknown action '\(first.text)'", at: first, in: action, hint: hint)
            return nil
        }
    }

    /// `kill manage@m1`, `start join@e2`, `kill consul@c1`, `kill engine@e1`; the host may be
    /// `primary` or `leader` (the Consul leader).
    private mutating func readProcessAction(_ action: ActionText, hosts: [ClassicHost]) -> ClassicProcessAction? {
        let verbToken = action.tokens[0]
        let verb = ClassicProcessAction.Verb(rawValue: verbToken.text) ?? .kill
        let processes = ClassicProcess.allCases.map(\.rawValue)
        let usage = "usage: \(verb.rawValue) manage@HOST | join@HOST | consul@HOST | engine@HOST ('primary' and 'leader' may stand for the host)"
        guard requireArguments(Array(action.tokens.dropFirst()), count: 1, of: verb.rawValue,
                               missing: "'\(verb.rawValue)' needs PROCESS@HOST", in: action, usage: usage) else { return nil }
        let token = action.tokens[1]
        guard let at = token.text.firstIndex(of: "@") else {
            report("'\(verb.rawValue)' needs PROCESS@HOST, found '\(token.text)'", at: token, in: action, hint: usage)
            return nil
        }
        let processName = String(token.text[..<at])
        let hostName = String(token.text[token.text.index(after: at)...])
        let processToken = CommandToken(text: processName, start: token.start, end: token.start + processName.unicodeScalars.count)
        let hostToken = CommandToken(text: hostName, start: processToken.end + 1, end: token.end)
        guard let process = ClassicProcess(rawValue: processName) else {
            let hint = Suggestions.nearest(to: processName, among: processes).map { "did you mean '\($0)'?" }
                ?? "the processes are " + processes.joined(separator: ", ")
            report("unknown process '\(processName)'", at: processName.isEmpty ? token : processToken, in: action, hint: hint)
            return nil
        }
        guard !hostName.isEmpty else {
            report("missing host after '\(processName)@'", at: token, in: action, hint: usage)
            return nil
        }
        let node: NodeReference
        switch hostName {
        case "primary": node = .primary
        case "leader": node = .leader
        default:
            guard let resolved = resolveNode(hostToken, in: action, command: "\(verb.rawValue) \(processName)@") else { return nil }
            node = resolved
            if let role = process.role, let host = hosts.first(where: { $0.name == hostName }), !host.runs(role) {
                let runners = hosts.filter { $0.runs(role) }.map(\.name)
                report("host '\(hostName)' runs no \(processName) container", at: hostToken, in: action,
                       hint: "the hosts that run \(role.rawValue) are " + (runners.isEmpty ? "none" : runners.joined(separator: ", ")))
                return nil
            }
        }
        if process == .consul, node == .primary {
            report("'primary' runs a manager, not necessarily a Consul server", at: hostToken, in: action,
                   hint: "write 'consul@leader' for the Consul leader, or name the host")
            return nil
        }
        return ClassicProcessAction(verb: verb, process: process, node: node)
    }
}
