import SimEngine
import SimModels

extension ScenarioReader {
    /// The keys of `deploy:` the format reads.
    static let deployKeys = KeyReference.keys(.deploy)
    /// The keys of `update_config:` and `rollback_config:`.
    static let updateKeys = KeyReference.keys(.updateConfig)
    /// The keys of `restart_policy:`.
    static let restartKeys = KeyReference.keys(.restartPolicy)

    /// Reads a service's `deploy:` into `spec`.
    mutating func readDeploy(_ node: YAMLNode, into spec: inout ServiceSpec) {
        guard let pairs = mapping(node, what: "'deploy'") else { return }
        checkKeys(pairs, known: Self.deployKeys, in: "'deploy'")
        if let modeNode = node["mode"], let mode = value(modeNode, what: "'mode'", ServiceFlags.parseMode) {
            spec.mode = mode
        }
        if let replicasNode = node["replicas"],
           let replicas = value(replicasNode, what: "'replicas'", ServiceFlags.parseReplicas) {
            if case .global = spec.mode {
                report("replicas can only be used with replicated mode", at: replicasNode,
                       hint: "a global service runs one task on every eligible node")
            } else {
                spec.mode = .replicated(replicas: replicas)
            }
        }
        if let placement = node["placement"] {
            readPlacement(placement, into: &spec)
        }
        if let resources = node["resources"] {
            readResources(resources, into: &spec.task)
        }
        if let restart = node["restart_policy"] {
            readRestartPolicy(restart, into: &spec.task.restartPolicy)
        }
        if let update = node["update_config"] {
            readUpdateConfig(update, into: &spec.update, isRollback: false)
        }
        if let rollback = node["rollback_config"] {
            readUpdateConfig(rollback, into: &spec.rollback, isRollback: true)
        }
        if let modeNode = node["endpoint_mode"], let mode = value(modeNode, what: "'endpoint_mode'", ServiceFlags.parseEndpointMode) {
            spec.endpoint.mode = mode
            if mode == .dnsrr, spec.endpoint.ports.contains(where: { $0.publishMode == .ingress }) {
                // swarmkit `controlapi/service.go` validateEndpointSpec.
                report("EndpointSpec: port published with ingress mode can't be used with dnsrr mode", at: modeNode,
                       hint: "publish the ports with 'mode: host', or use endpoint_mode: vip")
            }
        }
    }

    /// `placement:` (`constraints`, `preferences`, `max_replicas_per_node`).
    private mutating func readPlacement(_ node: YAMLNode, into spec: inout ServiceSpec) {
        guard let pairs = mapping(node, what: "'placement'") else { return }
        checkKeys(pairs, known: KeyReference.keys(.placement), in: "'placement'")
        if let constraints = node["constraints"], let items = sequence(constraints, what: "'constraints'") {
            for item in items {
                if let constraint = value(item, what: "a constraint", PlacementSyntax.checkConstraint) {
                    spec.task.placement.constraints.append(constraint)
                }
            }
        }
        if let preferences = node["preferences"], let items = sequence(preferences, what: "'preferences'") {
            for item in items {
                guard let pairs = mapping(item, what: "a placement preference") else { continue }
                checkKeys(pairs, known: KeyReference.keys(.preference), in: "a placement preference")
                if let spread = item["spread"], let label = value(spread, what: "'spread'", PlacementSyntax.checkSpreadLabel) {
                    spec.task.placement.spreadOver.append(label)
                }
            }
        }
        if let maximum = node["max_replicas_per_node"],
           let count = value(maximum, what: "'max_replicas_per_node'", ServiceFlags.parseMaxReplicas) {
            if case .global = spec.mode {
                report("max_replicas_per_node can only be used with replicated mode", at: maximum)
            }
            spec.task.placement.maxReplicasPerNode = count
        }
    }

    /// `resources:` (`reservations` and `limits`, each with `cpus` and `memory`).
    private mutating func readResources(_ node: YAMLNode, into task: inout TaskTemplate) {
        guard let pairs = mapping(node, what: "'resources'") else { return }
        checkKeys(pairs, known: KeyReference.keys(.resources), in: "'resources'")
        if let reservations = node["reservations"] { task.reservations = readResourceAmounts(reservations, what: "'reservations'") }
        if let limits = node["limits"] { task.limits = readResourceAmounts(limits, what: "'limits'") }
    }

    private mutating func readResourceAmounts(_ node: YAMLNode, what: String) -> Resources {
        var resources = Resources()
        guard let pairs = mapping(node, what: what) else { return resources }
        checkKeys(pairs, known: KeyReference.keys(.amounts), in: what)
        if let cpus = node["cpus"], let nano = value(cpus, what: "'cpus'", { (text: String) throws(ValueParseError) in
            try DecimalSyntax.parseCPUs(text)
        }) {
            resources.nanoCPUs = nano
        }
        if let memory = node["memory"], let bytes = value(memory, what: "'memory'", SizeFormat.parse) {
            resources.memoryBytes = bytes
        }
        return resources
    }

    /// `restart_policy:`.
    private mutating func readRestartPolicy(_ node: YAMLNode, into policy: inout RestartPolicy) {
        guard let pairs = mapping(node, what: "'restart_policy'") else { return }
        checkKeys(pairs, known: Self.restartKeys, in: "'restart_policy'")
        for pair in pairs where Self.restartKeys.contains(pair.keyText) {
            let key = pair.keyText
            let setting = value(pair.value, what: "'\(key)'") { (text: String) throws(ValueParseError) in
                try ServiceFlags.restartSetting(key, text)
            }
            setting?.apply(to: &policy)
        }
    }

    /// `update_config:` or `rollback_config:`.
    private mutating func readUpdateConfig(_ node: YAMLNode, into config: inout UpdateConfig, isRollback: Bool) {
        let section = isRollback ? "'rollback_config'" : "'update_config'"
        guard let pairs = mapping(node, what: section) else { return }
        checkKeys(pairs, known: Self.updateKeys, in: section)
        for pair in pairs where Self.updateKeys.contains(pair.keyText) {
            let key = pair.keyText
            let setting = value(pair.value, what: "'\(key)'") { (text: String) throws(ValueParseError) in
                try ServiceFlags.updateSetting(key, text, isRollback: isRollback)
            }
            setting?.apply(to: &config)
        }
    }
}
