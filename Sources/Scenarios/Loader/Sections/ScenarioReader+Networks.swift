import SimEngine
import SimModels

extension ScenarioReader {
    /// Reads the top-level `networks:` (SCENARIO_FORMAT §9), in file order: `driver`,
    /// `attachable`, `ipam.config[].subnet`. Records the names in `names.networks`.
    mutating func readNetworks(_ section: YAMLNode) -> [NetworkCreation] {
        if section.isNull { return [] }
        guard let pairs = mapping(section, what: "'networks'") else { return [] }
        var networks: [NetworkCreation] = []
        for pair in pairs {
            guard let name = objectName(of: pair, what: "network") else { continue }
            if name == "ingress" {
                // swarmkit `controlapi/network.go`: the ingress network exists from `swarm init`.
                report("network 'ingress' is the swarm's routing-mesh network and already exists", at: pair.key,
                       hint: "name the overlay something else, such as 'front'")
                continue
            }
            names.networks.append(name)
            if let network = readNetwork(pair.value, name: name) { networks.append(network) }
        }
        return networks
    }

    /// The key of `pair` as the name of a `what` (network, client), or nil with an error.
    mutating func objectName(of pair: YAMLPair, what: String) -> String? {
        do {
            return try NameSyntax.checkObjectName(pair.keyText, what: what)
        } catch {
            report(error.message, at: pair.key, hint: error.hint)
            return nil
        }
    }

    private mutating func readNetwork(_ node: YAMLNode, name: String) -> NetworkCreation? {
        guard let pairs = mapping(node, what: "network '\(name)'") else { return nil }
        checkKeys(pairs, known: KeyReference.keys(.networkDefinition), in: "network '\(name)'")
        var network = NetworkCreation(name: name)
        if let driver = node["driver"], let text = text(driver, what: "'driver'") {
            let word = text.trimmingWhitespace()
            if word != "overlay" {
                // moby `cluster/networks.go` populateNetworkID: services use swarm-scoped networks only.
                report("only overlay networks are simulated, not '\(word)'", at: driver,
                       hint: "a swarm service can only use an overlay network: write 'driver: overlay'")
            }
        }
        if let attachable = node["attachable"], let flag = value(attachable, what: "'attachable'", { (text: String) throws(ValueParseError) in
            try BoolSyntax.parse(text, what: "attachable")
        }) {
            network.attachable = flag
        }
        if let ipam = node["ipam"], let ipamPairs = mapping(ipam, what: "'ipam'") {
            checkKeys(ipamPairs, known: KeyReference.keys(.ipam), in: "'ipam'")
            if let config = ipam["config"], let items = sequence(config, what: "'config'") {
                for (index, item) in items.enumerated() {
                    guard let itemPairs = mapping(item, what: "an ipam config") else { continue }
                    checkKeys(itemPairs, known: KeyReference.keys(.ipamConfig), in: "an ipam config")
                    guard let subnet = item["subnet"], let cidr = value(subnet, what: "'subnet'", CIDRSyntax.check) else { continue }
                    if index > 0 {
                        report("only one subnet per network is simulated", at: item, hint: "keep the first subnet")
                    } else {
                        network.subnet = cidr
                    }
                }
            }
        }
        return network
    }

    /// Reports a service's network that the top-level `networks:` does not define, as Compose
    /// does (`service "web" refers to undefined network front`); only when the file has a
    /// top-level `networks:` section.
    mutating func checkServiceNetworks(_ services: [ServiceSpec], in section: YAMLNode?, hasNetworks: Bool) {
        guard hasNetworks, let section, let pairs = section.asMapping else { return }
        for pair in pairs {
            guard let spec = services.first(where: { $0.name == pair.keyText }), let networks = pair.value["networks"] else { continue }
            for name in spec.networks where !names.networks.contains(name) {
                let hint = Suggestions.nearest(to: name, among: names.networks).map { "did you mean '\($0)'?" }
                    ?? "networks are " + names.networks.joined(separator: ", ")
                report("service '\(spec.name)' refers to undefined network \(name)", at: networks, hint: hint)
            }
        }
    }
}
