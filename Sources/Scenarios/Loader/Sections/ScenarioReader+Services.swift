import SimEngine
import SimModels

extension ScenarioReader {
    /// The Compose keys of a service the format reads (`environment` is accepted and ignored).
    static let serviceKeys = KeyReference.keys(.service)
    /// The service keys `docker stack deploy` ignores with a warning (docker/cli
    /// `cli/compose/types/types.go` `UnsupportedProperties`).
    static let unsupportedComposeKeys = ["build", "cgroupns_mode", "cgroup_parent", "devices", "domainname", "external_links", "ipc",
                                         "links", "mac_address", "network_mode", "pid", "privileged", "restart", "security_opt",
                                         "shm_size", "userns_mode"]
    /// The keys of `x-sim:`.
    static let simulationKeys = KeyReference.keys(.simulation)

    /// Reads `services:`, in file order; records every name in `names`.
    mutating func readServices(_ section: YAMLNode) -> [ServiceSpec] {
        if section.isNull { return [] }
        guard let pairs = mapping(section, what: "'services'") else {
            names.servicesAreCertain = false
            return []
        }
        var services: [ServiceSpec] = []
        for pair in pairs {
            do {
                let name = try NameSyntax.checkObjectName(pair.keyText, what: "service")
                names.addService(name)
                if let spec = readService(pair.value, name: name) { services.append(spec) }
            } catch {
                report(error.message, at: pair.key, hint: error.hint)
                names.servicesAreCertain = false
            }
        }
        return services
    }

    /// Reads one service's Compose keys.
    private mutating func readService(_ node: YAMLNode, name: String) -> ServiceSpec? {
        guard let pairs = mapping(node, what: "service '\(name)'") else { return nil }
        let ignored = pairs.filter { Self.unsupportedComposeKeys.contains($0.keyText) }
        ignoredComposeOptions += ignored.map { ($0.keyText, $0.key.location) }
        checkKeys(pairs.filter { !Self.unsupportedComposeKeys.contains($0.keyText) }, known: Self.serviceKeys, in: "service '\(name)'")
        guard let imageNode = node["image"] else {
            report("missing required key 'image' in service '\(name)'", at: node, hint: "add 'image: IMAGE', such as 'image: nginx:1.25'")
            return nil
        }
        let image = text(imageNode, what: "'image'") ?? ""
        var spec = ServiceSpec(name: name, image: image.trimmingWhitespace())
        if let command = node["command"], let words = readCommand(command) {
            spec.task.command = words
        }
        if let ports = node["ports"], let read = readPorts(ports) {
            spec.endpoint.ports = read
        }
        if let networks = node["networks"] {
            spec.networks = readNetworkNames(networks)
        }
        if let healthcheck = node["healthcheck"] {
            spec.task.healthcheck = readHealthcheck(healthcheck)
        }
        if let grace = node["stop_grace_period"], let period = value(grace, what: "'stop_grace_period'", { (text: String) throws(ValueParseError) in
            try DurationSyntax.parse(text, what: "stop_grace_period")
        }) {
            spec.task.stopGracePeriod = period
        }
        if let environment = node["environment"], environment.scalar != nil, !environment.isNull {
            report("expected a mapping or a list for 'environment', found a scalar", at: environment)
        }
        if let simulation = node["x-sim"] {
            readSimulation(simulation, into: &spec.task.behaviour)
        }
        if let deploy = node["deploy"] {
            readDeploy(deploy, into: &spec)
        }
        return spec
    }

    /// `command:` as a string (split as a shell would) or a list of words.
    private mutating func readCommand(_ node: YAMLNode) -> [String]? {
        if let items = node.asSequence {
            return items.compactMap { item in
                guard let scalar = item.scalar else {
                    report("expected a word of the command, found \(item.kindDescription)", at: item)
                    return nil
                }
                return scalar.text
            }
        }
        guard let text = text(node, what: "'command'") else { return nil }
        do {
            return try CommandTokenizer.tokenize(text).map(\.text)
        } catch {
            let positions = ScalarPositions(of: node, in: source)
            report("invalid command: \(error.message)", at: positions.location(at: error.offset))
            return nil
        }
    }

    /// `ports:` in short (`"8080:80/udp"`) and long (`{target: 80, published: 8080}`) form.
    private mutating func readPorts(_ node: YAMLNode) -> [PortConfig]? {
        guard let items = sequence(node, what: "'ports'") else { return nil }
        var ports: [PortConfig] = []
        for item in items {
            if item.asMapping != nil {
                if let port = readLongPort(item) { ports.append(port) }
            } else if let read = value(item, what: "a port", PortSyntax.parseShort) {
                ports.append(contentsOf: read)
            }
        }
        return ports
    }

    /// One port in the long form: `target` (required), `published`, `protocol`, `mode`.
    private mutating func readLongPort(_ node: YAMLNode) -> PortConfig? {
        guard let pairs = mapping(node, what: "a port") else { return nil }
        checkKeys(pairs, known: KeyReference.keys(.port), in: "a port")
        guard let targetNode = node["target"] else {
            report("missing required key 'target' in a port", at: node, hint: "write the container's port as 'target: 80'")
            return nil
        }
        guard let target = value(targetNode, what: "'target'", { (text: String) throws(ValueParseError) in
            try PortSyntax.parsePort(text, what: "target port")
        }) else { return nil }
        var port = PortConfig(targetPort: target)
        if let published = node["published"] {
            port.publishedPort = value(published, what: "'published'") { (text: String) throws(ValueParseError) in
                try PortSyntax.parsePort(text, what: "published port")
            }
        }
        if let proto = node["protocol"], let read = value(proto, what: "'protocol'", PortSyntax.parseProtocol) {
            port.proto = read
        }
        if let mode = node["mode"], let read = value(mode, what: "'mode'", PortSyntax.parseMode) {
            port.publishMode = read
        }
        return port
    }

    /// `networks:` as a list of names, or a mapping from name to nothing or `{aliases: [...]}`.
    private mutating func readNetworkNames(_ node: YAMLNode) -> [String] {
        var result: [String] = []
        if let pairs = node.asMapping {
            for pair in pairs {
                if let name = checkedNetworkName(pair.keyText, at: pair.key) { result.append(name) }
                if !pair.value.isNull, let settings = mapping(pair.value, what: "network '\(pair.keyText)'") {
                    checkKeys(settings, known: KeyReference.keys(.serviceNetwork), in: "network '\(pair.keyText)'")
                }
            }
        } else if let items = sequence(node, what: "'networks'") {
            for item in items {
                if let text = text(item, what: "a network"), let name = checkedNetworkName(text, at: item) {
                    result.append(name)
                }
            }
        }
        return result
    }

    private mutating func checkedNetworkName(_ text: String, at node: YAMLNode) -> String? {
        do {
            return try NameSyntax.checkObjectName(text, what: "network")
        } catch {
            report(error, at: node)
            return nil
        }
    }

    /// `healthcheck:` (`test`, `interval`, `timeout`, `retries`, `start_period`, `disable`);
    /// nil when disabled or without a test (a simulated image has no HEALTHCHECK of its own).
    private mutating func readHealthcheck(_ node: YAMLNode) -> Healthcheck? {
        guard let pairs = mapping(node, what: "'healthcheck'") else { return nil }
        checkKeys(pairs, known: KeyReference.keys(.healthcheck), in: "'healthcheck'")
        var check = Healthcheck()
        if let disable = node["disable"], value(disable, what: "'disable'", { (text: String) throws(ValueParseError) in
            try BoolSyntax.parse(text, what: "disable")
        }) == true {
            return nil
        }
        if let test = node["test"] {
            if let items = test.asSequence {
                check.test = items.compactMap { item in
                    guard let scalar = item.scalar else {
                        report("expected a word of the test, found \(item.kindDescription)", at: item)
                        return nil
                    }
                    return scalar.text
                }
                if let first = check.test.first, !["CMD", "CMD-SHELL", "NONE"].contains(first) {
                    report("a test list starts with CMD, CMD-SHELL or NONE, not '\(first)'", at: items[0],
                           hint: "write [\"CMD\", \"curl\", \"-f\", \"http://localhost\"] or a string for CMD-SHELL")
                }
                if check.test.first == "NONE" { return nil }
            } else if let text = text(test, what: "'test'") {
                check.test = ["CMD-SHELL", text]
            }
        }
        for (key, path) in [("interval", \Healthcheck.interval), ("timeout", \.timeout), ("start_period", \.startPeriod)] {
            if let item = node[key], let duration = value(item, what: "'\(key)'", { (text: String) throws(ValueParseError) in
                try DurationSyntax.parse(text, what: key)
            }) {
                check[keyPath: path] = duration
            }
        }
        if let retries = node["retries"], let count = value(retries, what: "'retries'", { (text: String) throws(ValueParseError) in
            try WholeNumberSyntax.parse(text, what: "retries", in: 0...1000)
        }) {
            check.retries = count
        }
        return check.test.isEmpty ? nil : check
    }

    /// `x-sim:` (`pull`, `start`, `stop`, `fail_after`, `exit_code`).
    private mutating func readSimulation(_ node: YAMLNode, into behaviour: inout ContainerBehaviour) {
        guard let pairs = mapping(node, what: "'x-sim'") else { return }
        checkKeys(pairs, known: Self.simulationKeys, in: "'x-sim'")
        for pair in pairs where Self.simulationKeys.contains(pair.keyText) {
            let key = pair.keyText
            let setting: SimulationSetting? = value(pair.value, what: "'\(key)'") { (text: String) throws(ValueParseError) in
                try ServiceFlags.simulationSetting(key, text)
            }
            setting?.apply(to: &behaviour)
        }
    }
}
