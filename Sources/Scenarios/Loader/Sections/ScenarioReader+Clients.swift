import SimEngine
import SimModels

extension ScenarioReader {
    /// Reads `clients:` (SCENARIO_FORMAT §9), in file order; records every name in `names`.
    /// Nodes and services must be read first.
    mutating func readClients(_ section: YAMLNode, duration: SimDuration?) -> [ClientDefinition] {
        if section.isNull { return [] }
        guard let pairs = mapping(section, what: "'clients'") else { return [] }
        var clients: [ClientDefinition] = []
        for pair in pairs {
            guard let name = objectName(of: pair, what: "client") else { continue }
            if name == "curl" {
                report("'curl' names the timeline's curl actions in conditions; a client needs another name", at: pair.key,
                       hint: "name the client for its users, such as 'users'")
                continue
            }
            names.addClient(name)
            if let client = readClient(pair.value, name: name, at: pair.key.location, duration: duration) { clients.append(client) }
        }
        return clients
    }

    private mutating func readClient(_ node: YAMLNode, name: String, at location: SourceLocation, duration: SimDuration?) -> ClientDefinition? {
        guard let pairs = mapping(node, what: "client '\(name)'") else { return nil }
        checkKeys(pairs, known: KeyReference.keys(.client), in: "client '\(name)'")
        var valid = true
        var fromService: String?
        if let from = node["from_service"], let text = text(from, what: "'from_service'") {
            let service = text.trimmingWhitespace()
            if names.hasService(service) || !names.servicesAreCertain {
                fromService = service
            } else {
                report("unknown service '\(service)' in 'from_service'", at: from, hint: names.serviceHint)
                valid = false
            }
        }
        guard let targetNode = node["target"] else {
            report("missing required key 'target' in client '\(name)'", at: node,
                   hint: "write 'target: SERVICE:PORT' (such as web:8080), or NODE:PORT for one node")
            return nil
        }
        guard let target = readClientTarget(targetNode, fromService: fromService != nil) else { return nil }
        var client = ClientDefinition(name: name, target: target, fromService: fromService, location: location)
        if let via = node["via"] {
            if fromService != nil {
                report("'via' is for a client from outside; a client with 'from_service' leaves from that service's tasks", at: via)
                valid = false
            } else if case .node = target {
                report("'via' is for a service target; a NODE:PORT target enters by that node only", at: via)
                valid = false
            } else {
                client.via = readClientVia(via) ?? []
            }
        }
        if let rate = node["rate"], let perSecond = value(rate, what: "'rate'", Self.parseRate) {
            client.rate = perSecond
        }
        if let timeout = node["timeout"], let read = value(timeout, what: "'timeout'", { (text: String) throws(ValueParseError) in
            try DurationSyntax.parse(text, what: "timeout", allowZero: false)
        }) {
            client.timeout = read
        }
        client.start = node["start"].flatMap { readClientTime($0, key: "start", duration: duration) }
        client.stop = node["stop"].flatMap { readClientTime($0, key: "stop", duration: duration) }
        if let start = client.start, let stop = client.stop, stop <= start, let stopNode = node["stop"] {
            report("client '\(name)' stops before it starts", at: stopNode, hint: "make 'stop' later than 'start'")
            valid = false
        }
        return valid ? client : nil
    }

    /// `SERVICE:PORT` or `NODE:PORT` from outside; any `NAME:PORT` with `from_service`.
    private mutating func readClientTarget(_ node: YAMLNode, fromService: Bool) -> ClientTarget? {
        guard let text = text(node, what: "'target'") else { return nil }
        let hint = fromService ? "write NAME:PORT, such as web:80" : "write SERVICE:PUBLISHED_PORT (such as web:8080) or NODE:PORT"
        guard let (host, portText) = splitHostPortText(text.trimmingWhitespace()), !host.isEmpty else {
            report("expected NAME:PORT for 'target', found '\(text)'", at: node, hint: hint)
            return nil
        }
        let port: Int
        do {
            port = try PortSyntax.parsePort(portText, what: "port")
        } catch {
            report(error.message, at: node, hint: hint)
            return nil
        }
        if fromService { return .name(host, port: port) }
        if names.hasService(host) { return .service(host, port: port) }
        if names.hasNode(host) { return .node(host, port: port) }
        if !names.servicesAreCertain || !names.nodesAreCertain { return .service(host, port: port) }
        report("unknown service or node '\(host)' in 'target'", at: node, hint: names.serviceHint + "; " + names.nodeHint)
        return nil
    }

    /// `via: w1` or `via: [w1, w2]`: known nodes.
    private mutating func readClientVia(_ node: YAMLNode) -> [String]? {
        let items = node.asSequence ?? [node]
        var result: [String] = []
        for item in items {
            guard let text = text(item, what: "a node of 'via'") else { return nil }
            let name = text.trimmingWhitespace()
            guard names.hasNode(name) || !names.nodesAreCertain else {
                report("unknown node '\(name)' in 'via'", at: item, hint: names.nodeHint)
                return nil
            }
            result.append(name)
        }
        return result
    }

    /// `start:` or `stop:`, a time within the run.
    private mutating func readClientTime(_ node: YAMLNode, key: String, duration: SimDuration?) -> SimInstant? {
        guard let time = value(node, what: "'\(key)'", { (text: String) throws(ValueParseError) in
            try DurationSyntax.parse(text, what: key)
        }) else { return nil }
        if let duration, time > duration {
            report("\(key) \(DurationFormat.format(time)) is after the end of the run (duration \(DurationFormat.format(duration)))",
                   at: node, hint: "make 'duration:' longer")
            return nil
        }
        return .zero + time
    }

    /// `20/s` (or `20`): requests per second, 1 to 100,000.
    static func parseRate(_ text: String) throws(ValueParseError) -> Int {
        var body = text.trimmingWhitespace()
        if body.hasSuffix("/s") { body.removeLast(2) }
        return try WholeNumberSyntax.parse(body, what: "rate", in: 1...100_000)
    }
}
