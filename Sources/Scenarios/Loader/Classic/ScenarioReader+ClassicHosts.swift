import SimEngine
import SimModels

extension ScenarioReader {
    /// The keys of a host that only Swarm mode reads.
    static let swarmOnlyNodeKeys = ["role", "joined", "engine_labels"]
    /// The keys of a host that only classic mode reads.
    static var classicOnlyNodeKeys: [String] {
        KeyReference.keys(.classicNode).filter { !KeyReference.keys(.node).contains($0) }
    }

    /// The hosts of a classic cluster (SCENARIO_FORMAT §10): hosts listed under `nodes:` with
    /// `runs:` fill the roles first, in file order; generated hosts (`c1..`, `m1..`, `e1..`,
    /// skipping names already taken) make up the counts of `cluster:`. A count the file left out
    /// is what the listed hosts provide (or the default when they provide none). A listed name
    /// without `runs:` configures the generated host of that name. Records the names in `names`.
    mutating func readClassicHosts(_ section: YAMLNode?, counts: ClassicClusterCounts) -> [ClassicHost] {
        var listed: [ClassicHost] = []
        var configurations: [(key: YAMLNode, value: YAMLNode, name: String)] = []
        if let section, let pairs = mapping(section, what: "'nodes'") {
            for pair in pairs {
                let name: String
                do throws(ValueParseError) {
                    name = try NameSyntax.checkNodeName(pair.keyText)
                    if name == "primary" {
                        throw ValueParseError("'primary' cannot name a host", hint: "'primary' stands for the host whose manager holds the lock")
                    }
                } catch {
                    report(error.message, at: pair.key, hint: error.hint)
                    names.nodesAreCertain = false
                    continue
                }
                if let runsNode = pair.value["runs"] {
                    var host = ClassicHost(name: name, roles: readRoles(runsNode) ?? [])
                    readClassicHost(pair.value, into: &host)
                    listed.append(host)
                } else {
                    configurations.append((pair.key, pair.value, name))
                }
            }
        } else if section != nil {
            names.nodesAreCertain = false
        }
        var hosts = listed
        var taken = Set(listed.map(\.name))
        for role in ClassicRole.allCases {
            let provided = listed.count { $0.runs(role) }
            let total: Int
            if let countNode = counts.given[role] {
                total = count(of: role, in: counts.settings)
                if total < provided {
                    report("'cluster' asks for \(total) host\(total == 1 ? "" : "s") running \(role.rawValue), but 'nodes:' lists \(provided)",
                           at: countNode, hint: "raise the count, or leave it out to use the hosts of 'nodes:'")
                }
            } else {
                total = provided > 0 ? provided : count(of: role, in: ClassicSettings())
            }
            var number = 1
            for _ in 0..<max(0, total - provided) {
                while taken.contains("\(role.namePrefix)\(number)") { number += 1 }
                let name = "\(role.namePrefix)\(number)"
                taken.insert(name)
                hosts.append(ClassicHost(name: name, roles: [role]))
            }
        }
        for configuration in configurations {
            guard let index = hosts.firstIndex(where: { $0.name == configuration.name }) else {
                report("host '\(configuration.name)' is none of the cluster's hosts; give it 'runs:'", at: configuration.key,
                       hint: "write '\(configuration.name): {runs: [engine]}' (the cluster's hosts are \(NameBook.summary(of: hosts.map(\.name))))")
                continue
            }
            readClassicHost(configuration.value, into: &hosts[index])
        }
        names.nodes = hosts.map(\.name)
        if !counts.countsAreCertain { names.nodesAreCertain = false }
        return hosts
    }

    private func count(of role: ClassicRole, in settings: ClassicSettings) -> Int {
        switch role {
        case .consul: settings.consulServers
        case .manager: settings.managers
        case .engine: settings.engines
        }
    }

    /// `runs: [consul, manager, engine]` (or one word); nil after an error.
    private mutating func readRoles(_ node: YAMLNode) -> [ClassicRole]? {
        let items = node.asSequence ?? [node]
        var roles: [ClassicRole] = []
        var valid = true
        for item in items {
            guard let text = text(item, what: "a role of 'runs'") else {
                valid = false
                continue
            }
            let word = text.trimmingWhitespace()
            guard let role = ClassicRole(rawValue: word) else {
                let all = ClassicRole.allCases.map(\.rawValue)
                let hint = Suggestions.nearest(to: word, among: all + ["manage", "join", "swarm"]).map { guess in
                    let fixed = ["manage": "manager", "join": "engine", "swarm": "manager"][guess] ?? guess
                    return "did you mean '\(fixed)'?"
                } ?? "a host runs consul, manager or engine"
                report("unknown role '\(word)' in 'runs'", at: item, hint: hint)
                valid = false
                continue
            }
            if roles.contains(role) {
                report("role '\(word)' is listed twice in 'runs'", at: item)
                valid = false
            }
            roles.append(role)
        }
        if valid && roles.isEmpty {
            report("a host runs at least one of consul, manager, engine", at: node, hint: "write 'runs: [manager, engine]'")
            return nil
        }
        return valid ? roles : nil
    }

    /// Applies a host's settings (`cpus`, `memory`, `labels`, `engine_id`).
    private mutating func readClassicHost(_ value: YAMLNode, into host: inout ClassicHost) {
        if value.isNull { return }
        guard let pairs = mapping(value, what: "host '\(host.name)'") else { return }
        for pair in pairs where !KeyReference.keys(.classicNode).contains(pair.keyText) {
            if Self.swarmOnlyNodeKeys.contains(pair.keyText) {
                let extra = pair.keyText == "engine_labels" ? "; a classic host's 'labels' are its engine's labels" : ""
                report("'\(pair.keyText)' is a Swarm-mode key of a node; this file has 'mode: classic'", at: pair.key,
                       hint: "a classic host says what it runs with 'runs: [consul, manager, engine]'" + extra)
            } else {
                reportUnknownKey(pair, known: KeyReference.keys(.classicNode), in: "host '\(host.name)'")
            }
        }
        readResources(value, what: "a host", cpus: &host.nanoCPUs, memory: &host.memoryBytes)
        if let labels = value["labels"], let read = readLabels(labels, what: "labels of host '\(host.name)'") {
            host.labels = read
        }
        if let idNode = value["engine_id"], let id = text(idNode, what: "'engine_id'") {
            let word = id.trimmingWhitespace()
            if word.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == ":" }) {
                host.engineID = word
            } else {
                report("invalid engine ID '\(word)'", at: idNode,
                       hint: "an engine ID is the key.json ID docker info prints, such as TDJN:N3S4:3NPB:URQ6")
            }
        }
    }
}
