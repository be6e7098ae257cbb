import SimEngine
import SimModels

extension ScenarioReader {
    /// The keys of one node under `nodes:`.
    static let nodeKeys = KeyReference.keys(.node)

    /// The nodes: those `cluster` generates, changed or extended by `nodes:`. Records
    /// every node name in `names`.
    mutating func readNodes(_ section: YAMLNode?, cluster: ClusterSettings) -> [NodeDefinition] {
        var nodes = cluster.generatedNodes()
        defer { names.nodes = nodes.map(\.name) }
        guard let section else { return nodes }
        guard let pairs = mapping(section, what: "'nodes'") else {
            names.nodesAreCertain = false
            return nodes
        }
        let generatedCount = nodes.count
        // By name, so that each entry is found in O(1): a scan per entry was quadratic.
        var generatedIndex: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { generatedIndex[node.name] = index }
        for pair in pairs {
            let name: String
            do {
                name = try NameSyntax.checkNodeName(pair.keyText)
            } catch {
                report(error.message, at: pair.key, hint: error.hint)
                names.nodesAreCertain = false
                continue
            }
            if let index = generatedIndex[name] {
                readNode(pair.value, into: &nodes[index], isGenerated: true)
            } else {
                var node = NodeDefinition(name: name, role: .worker)
                readNode(pair.value, into: &node, isGenerated: false)
                if pair.value["role"] == nil && (pair.value.isNull || pair.value.asMapping != nil) {
                    report("node '\(name)' is not one of the nodes of 'cluster:'; give it a role", at: pair.key,
                           hint: "write '\(name): {role: worker}' or '\(name): {role: manager}' (\(names.nodeHintForGenerated(nodes[..<generatedCount])))")
                }
                nodes.append(node)
            }
        }
        reportTooManyNodes(nodes, at: section)
        return nodes
    }

    /// The limits of `cluster:` hold for the nodes `nodes:` adds too.
    private mutating func reportTooManyNodes(_ nodes: [NodeDefinition], at section: YAMLNode) {
        let managers = nodes.count { $0.role == .manager }
        if managers > ClusterSettings.maximumManagers {
            report("too many managers: \(managers), at most \(ClusterSettings.maximumManagers)", at: section,
                   hint: "a swarm keeps few managers (3, 5 or 7); make the others workers")
        }
        if nodes.count - managers > ClusterSettings.maximumWorkers {
            report("too many workers: \(nodes.count - managers), at most \(ClusterSettings.maximumWorkers)", at: section,
                   hint: "simulate a smaller swarm, or fewer nodes under 'nodes:'")
        }
    }

    /// Applies one node's settings to `node`.
    private mutating func readNode(_ value: YAMLNode, into node: inout NodeDefinition, isGenerated: Bool) {
        if value.isNull { return }
        guard let pairs = mapping(value, what: "node '\(node.name)'") else { return }
        for pair in pairs where !Self.nodeKeys.contains(pair.keyText) {
            if Self.classicOnlyNodeKeys.contains(pair.keyText) {
                report("unknown key '\(pair.keyText)' in node '\(node.name)'", at: pair.key, hint: Self.classicOnlyHint("'\(pair.keyText)'"))
            } else {
                reportUnknownKey(pair, known: Self.nodeKeys, in: "node '\(node.name)'")
            }
        }
        if let roleNode = value["role"], let text = text(roleNode, what: "'role'") {
            if let given = NodeRole(rawValue: text.trimmingWhitespace()) {
                if isGenerated && given != node.role {
                    report("node '\(node.name)' is a \(node.role.rawValue) of 'cluster:'; it cannot have role \(given.rawValue)", at: roleNode,
                           hint: "remove 'role:', or define the node under another name")
                }
                node.role = given
            } else {
                report("invalid role '\(text)'", at: roleNode, hint: "a node's role is manager or worker")
            }
        }
        readResources(value, what: "a node", cpus: &node.nanoCPUs, memory: &node.memoryBytes)
        if let labels = value["labels"], let read = readLabels(labels, what: "labels of node '\(node.name)'") {
            node.labels = read
        }
        if let labels = value["engine_labels"], let read = readLabels(labels, what: "engine labels of node '\(node.name)'") {
            node.engineLabels = read
        }
        if let joined = value["joined"], let flag = self.value(joined, what: "'joined'", { (text: String) throws(ValueParseError) in
            try BoolSyntax.parse(text, what: "joined")
        }) {
            node.joined = flag
        }
    }

    /// Reads `cpus:` and `memory:` of a node or host (`what`), each more than 0, into the values given.
    mutating func readResources(_ value: YAMLNode, what: String, cpus: inout Int64, memory: inout Int64) {
        if let node = value["cpus"], let nanoCPUs = self.value(node, what: "'cpus'", { (text: String) throws(ValueParseError) in
            let nano = try DecimalSyntax.parseCPUs(text)
            if nano == 0 { throw ValueParseError("\(what) needs more than 0 cpus") }
            return nano
        }) {
            cpus = nanoCPUs
        }
        if let node = value["memory"], let bytes = self.value(node, what: "'memory'", { (text: String) throws(ValueParseError) in
            let bytes = try SizeFormat.parse(text)
            if bytes <= 0 { throw ValueParseError("\(what) needs more than 0 bytes of memory") }
            return bytes
        }) {
            memory = bytes
        }
    }

    /// Labels as a mapping (`{zone: east}`) or a list (`[zone=east]`), sorted by key; the
    /// last of repeated keys wins.
    mutating func readLabels(_ node: YAMLNode, what: String) -> [Label]? {
        if node.isNull { return [] }
        var labels: [Label] = []
        if let pairs = node.asMapping {
            for pair in pairs {
                guard let scalar = pair.value.scalar else {
                    report("expected a single value for label '\(pair.keyText)', found \(pair.value.kindDescription)", at: pair.value)
                    continue
                }
                labels.append(Label(pair.keyText, scalar.text))
            }
        } else if let items = node.asSequence {
            for item in items {
                guard let text = text(item, what: "a label") else { continue }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                labels.append(Label(String(parts[0]), parts.count == 2 ? String(parts[1]) : ""))
            }
        } else {
            report("expected a mapping for \(what), found \(node.kindDescription)", at: node)
            return nil
        }
        // Sort once (by key, then file order) and keep the last of each key.
        let ordered = labels.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        return ordered.indices.filter { $0 == ordered.count - 1 || ordered[$0 + 1].key != ordered[$0].key }.map { ordered[$0] }
    }
}

extension NameBook {
    /// `the cluster's nodes are m1, w1` for a hint about an extra node.
    func nodeHintForGenerated(_ nodes: ArraySlice<NodeDefinition>) -> String {
        nodes.isEmpty ? "the cluster defines no nodes" : "the cluster's nodes are " + Self.summary(of: nodes.map(\.name))
    }
}
