/// What a `docker run` through a classic manager carries to the scheduler: classic Swarm's
/// `cluster.ContainerConfig` (`cluster/config.go`), with the fields the filters, the strategies
/// and `ps` read.
///
/// `cpuShares` is Swarm's meaning of `-c`: a number of reserved CPUs (`Engine.Create` gives the
/// engine `ceil(N×1024/Cpus)` shares, see `ClassicCPUShares`). Affinities, constraints,
/// whitelists and reschedule policies live in `com.docker.swarm.*` labels as JSON lists, where
/// `build` moves the environment's `affinity:`, `constraint:`, `whitelist:` and `reschedule:`
/// entries.
public struct ClassicContainerConfig: Equatable, Sendable {
    /// The label namespace (`cluster.SwarmLabelNamespace`).
    public static let labelNamespace = "com.docker.swarm"

    public var image: String
    /// Entrypoint and arguments, for `ps`'s COMMAND column.
    public var command: [String]
    public var env: [String]
    public var labels: [String: String]
    /// `-m`, bytes (0: no reservation).
    public var memory: Int64
    /// `-c`, reserved CPUs (0: no reservation).
    public var cpuShares: Int64
    /// `-p` bindings.
    public var portBindings: [ClassicPortBinding]
    /// Ports the image or `--expose` declares (`80/tcp`); `-p` adds its container ports.
    public var exposedPorts: [String]
    /// `--net`: `default`, `bridge`, `host`, `container:<name>` or a network's name.
    public var networkMode: String
    /// `--link name[:alias]`.
    public var links: [String]
    /// `--volumes-from name[:mode]`.
    public var volumesFrom: [String]

    public init(image: String, command: [String] = [], env: [String] = [], labels: [String: String] = [:],
                memory: Int64 = 0, cpuShares: Int64 = 0, portBindings: [ClassicPortBinding] = [],
                exposedPorts: [String] = [], networkMode: String = "default", links: [String] = [],
                volumesFrom: [String] = []) {
        self.image = image
        self.command = command
        self.env = env
        self.labels = labels
        self.memory = memory
        self.cpuShares = cpuShares
        self.portBindings = portBindings
        self.exposedPorts = exposedPorts
        self.networkMode = networkMode
        self.links = links
        self.volumesFrom = volumesFrom
        for binding in portBindings where !self.exposedPorts.contains(binding.containerPort) {
            self.exposedPorts.append(binding.containerPort)
        }
    }

    /// `BuildContainerConfig`: the environment's `affinity:`, `constraint:` and (1.2+, or with
    /// `experimental`) `reschedule:` and (1.2.6+) `whitelist:` entries leave the environment and
    /// join the lists already in the labels, which are written back as JSON.
    public static func build(_ config: ClassicContainerConfig, version: ClassicSwarmVersion, experimental: Bool = false) -> ClassicContainerConfig {
        var built = config
        let readsReschedule = version.readsReschedulePoliciesByDefault || experimental
        let readsWhitelist = version.defaultFilters.contains(.whitelist)
        var affinities = config.list("affinities") ?? []
        var constraints = config.list("constraints") ?? []
        var whitelists = readsWhitelist ? config.list("whitelists") ?? [] : []
        var policies = readsReschedule ? config.list("reschedule-policies") ?? [] : []
        var env: [String] = []
        for entry in config.env {
            guard let colon = entry.firstIndex(of: ":") else {
                env.append(entry)
                continue
            }
            let key = entry[..<colon], value = String(entry[entry.index(after: colon)...])
            switch key {
            case "affinity": affinities.append(value)
            case "constraint": constraints.append(value)
            case "reschedule" where readsReschedule: policies.append(value)
            case "whitelist" where readsWhitelist: whitelists.append(value)
            default: env.append(entry)
            }
        }
        built.env = env
        if !affinities.isEmpty { built.setList("affinities", affinities) }
        if !constraints.isEmpty { built.setList("constraints", constraints) }
        if !policies.isEmpty { built.setList("reschedule-policies", policies) }
        if !whitelists.isEmpty { built.setList("whitelists", whitelists) }
        return built
    }

    // MARK: - Lists in labels

    /// `extractExprs`: the JSON list under `com.docker.swarm.<key>`, nil when absent or not a list.
    func list(_ key: String) -> [String]? {
        labels["\(Self.labelNamespace).\(key)"].flatMap(SwarmLabelList.decode)
    }

    mutating func setList(_ key: String, _ items: [String]) {
        labels["\(Self.labelNamespace).\(key)"] = SwarmLabelList.encode(items)
    }

    /// The affinity expressions (`Affinities()`).
    public var affinities: [String] { list("affinities") ?? [] }
    /// The constraint expressions (`Constraints()`).
    public var constraints: [String] { list("constraints") ?? [] }
    /// The whitelist expressions (`Whitelists()`, 1.2.6+).
    public var whitelists: [String] { list("whitelists") ?? [] }
    /// The reschedule policies (`off`, `on-node-failure`).
    public var reschedulePolicies: [String] { list("reschedule-policies") ?? [] }

    /// `AddAffinity`.
    public mutating func addAffinity(_ expression: String) { setList("affinities", affinities + [expression]) }
    /// `RemoveAffinity`: every copy of the expression leaves the list (the label stays, maybe `[]`).
    public mutating func removeAffinity(_ expression: String) { setList("affinities", affinities.filter { $0 != expression }) }
    /// `AddConstraint`.
    public mutating func addConstraint(_ expression: String) { setList("constraints", constraints + [expression]) }

    /// `HaveNodeConstraint`: a hard `node==` constraint (not `node==~`).
    public var hasNodeConstraint: Bool {
        constraints.contains { $0.hasPrefix("node==") && !$0.hasPrefix("node==~") }
    }

    /// `HasReschedulePolicy`.
    public func hasReschedulePolicy(_ policy: String) -> Bool { reschedulePolicies.contains(policy) }

    /// The Swarm ID label (`com.docker.swarm.id`), nil when not yet given.
    public var swarmID: String? {
        get { labels["\(Self.labelNamespace).id"].flatMap { $0.isEmpty ? nil : $0 } }
        set { labels["\(Self.labelNamespace).id"] = newValue }
    }

    /// `Validate`: the reschedule policies (1.2+, or v1.1.3 with `--experimental`): at most one,
    /// `off` or `on-node-failure`. Texts: `too many reschedule policies`,
    /// `invalid reschedule policy: <p>`.
    public func validate(version: ClassicSwarmVersion, experimental: Bool = false) -> String? {
        guard version.readsReschedulePoliciesByDefault || experimental else { return nil }
        let policies = reschedulePolicies
        if policies.count > 1 { return "too many reschedule policies" }
        if let policy = policies.first, policy != "off", policy != "on-node-failure" {
            return "invalid reschedule policy: \(policy)"
        }
        return nil
    }

    /// The `--net=container:<name>` target, if any.
    public var networkContainer: String? {
        networkMode.hasPrefix("container:") ? String(networkMode.dropFirst("container:".count)) : nil
    }
}
