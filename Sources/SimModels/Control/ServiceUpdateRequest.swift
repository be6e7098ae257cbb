import SimEngine

/// What `docker service update` asks of one service: each flag given, nil (or empty) when not
/// given. The docker CLI applies the flags to the spec it read from the daemon, in its own fixed
/// order (not the order written), and sends the whole spec back; `applied(to:)` does the same.
public struct ServiceUpdateRequest: Equatable, Sendable {
    /// The service as typed: an ID, a name or an ID prefix.
    public var service: String

    /// `--image`
    public var image: String?
    /// `--args`
    public var command: [String]?
    /// `--replicas` (replicated services only).
    public var replicas: Int?
    /// `--constraint-add`, `--constraint-rm` (added, then removed, then sorted, as the CLI does).
    public var constraintsToAdd: [String] = []
    public var constraintsToRemove: [String] = []
    /// `--placement-pref-add spread=LABEL`, `--placement-pref-rm spread=LABEL`, as the label.
    public var spreadPreferencesToAdd: [String] = []
    public var spreadPreferencesToRemove: [String] = []
    /// `--replicas-max-per-node` (0: no limit).
    public var maxReplicasPerNode: Int?
    /// `--reserve-cpu` / `--reserve-memory`. As in the CLI, giving either resets the other.
    public var reserveNanoCPUs: Int64?
    public var reserveMemoryBytes: Int64?
    /// `--limit-cpu` / `--limit-memory`. As in the CLI, giving either resets the other.
    public var limitNanoCPUs: Int64?
    public var limitMemoryBytes: Int64?
    /// `--restart-condition`, `--restart-delay`, `--restart-max-attempts`, `--restart-window`.
    public var restartCondition: RestartPolicy.Condition?
    public var restartDelay: SimDuration?
    public var restartMaxAttempts: Int?
    public var restartWindow: SimDuration?
    /// `--update-*`
    public var updateConfig = UpdateConfigChanges()
    /// `--rollback-*`
    public var rollbackConfig = UpdateConfigChanges()
    /// `--publish-add`; a port already published the same way is left alone.
    public var portsToAdd: [PortConfig] = []
    /// `--publish-rm`: removes the ports with the same target port, protocol and publish mode.
    public var portsToRemove: [PortConfig] = []
    /// `--network-add`, `--network-rm`, by name.
    public var networksToAdd: [String] = []
    public var networksToRemove: [String] = []
    /// `--stop-grace-period`
    public var stopGracePeriod: SimDuration?
    /// `--health-*`, `--no-healthcheck`.
    public var healthcheck = HealthcheckChanges()
    /// `--x-sim-*`
    public var behaviour = BehaviourChanges()
    /// `--endpoint-mode vip|dnsrr`
    public var endpointMode: EndpointSpec.Mode?
    /// `--force`: bumps `TaskTemplate.ForceUpdate`, which makes every task dirty.
    public var force: Bool = false
    /// `--rollback`: the server-side manual rollback; no other flag may be given with it.
    public var rollback: Bool = false

    public init(service: String) {
        self.service = service
    }

    /// Whether any flag other than `--rollback` was given.
    public var hasChanges: Bool {
        var bare = ServiceUpdateRequest(service: service)
        bare.rollback = rollback
        return self != bare
    }

    /// `spec` with the flags applied as the docker CLI's `updateService` applies them. Network
    /// names are added and removed here; the control API resolves them.
    /// - Returns: the CLI's error when a flag does not fit the spec.
    public func applied(to spec: ServiceSpec) -> Result<ServiceSpec, ControlError> {
        var spec = spec
        if let image { spec.task.image = image }
        if let command { spec.task.command = command }

        if limitNanoCPUs != nil || limitMemoryBytes != nil {
            spec.task.limits = Resources(nanoCPUs: limitNanoCPUs ?? 0, memoryBytes: limitMemoryBytes ?? 0)
        }
        if reserveNanoCPUs != nil || reserveMemoryBytes != nil {
            spec.task.reservations = Resources(nanoCPUs: reserveNanoCPUs ?? 0, memoryBytes: reserveMemoryBytes ?? 0)
        }
        if let stopGracePeriod { spec.task.stopGracePeriod = stopGracePeriod }
        if let endpointMode { spec.endpoint.mode = endpointMode }

        if let restartCondition { spec.task.restartPolicy.condition = restartCondition }
        if let restartDelay { spec.task.restartPolicy.delay = restartDelay }
        if let restartMaxAttempts { spec.task.restartPolicy.maxAttempts = restartMaxAttempts }
        if let restartWindow { spec.task.restartPolicy.window = restartWindow }

        if !constraintsToAdd.isEmpty || !constraintsToRemove.isEmpty {
            let all = spec.task.placement.constraints + constraintsToAdd
            spec.task.placement.constraints = all.filter { !constraintsToRemove.contains($0) }.sorted()
        }
        if !spreadPreferencesToAdd.isEmpty || !spreadPreferencesToRemove.isEmpty {
            spec.task.placement.spreadOver.removeAll { spreadPreferencesToRemove.contains($0) }
            spec.task.placement.spreadOver += spreadPreferencesToAdd
        }

        if !networksToAdd.isEmpty || !networksToRemove.isEmpty {
            var networks = spec.networks.filter { !networksToRemove.contains($0) }
            for name in networksToAdd {
                if networks.contains(name) {
                    return .failure(ControlError(.client, "service is already attached to network \(name)"))
                }
                networks.append(name)
            }
            spec.networks = networks
        }

        if let replicas {
            guard case .replicated = spec.mode else {
                return .failure(ControlError(.client, "replicas can only be used with replicated or replicated-job mode"))
            }
            spec.mode = .replicated(replicas: replicas)
        }
        if let maxReplicasPerNode {
            guard case .replicated = spec.mode else {
                return .failure(ControlError(.client, "replicas-max-per-node can only be used with replicated or replicated-job mode"))
            }
            spec.task.placement.maxReplicasPerNode = maxReplicasPerNode
        }

        updateConfig.apply(to: &spec.update)
        rollbackConfig.apply(to: &spec.rollback)

        if !portsToAdd.isEmpty || !portsToRemove.isEmpty {
            spec.endpoint.ports = Self.updatedPorts(spec.endpoint.ports, adding: portsToAdd, removing: portsToRemove)
        }

        if force { spec.task.forceUpdate += 1 }
        if let error = healthcheck.apply(to: &spec.task.healthcheck) { return .failure(error) }
        behaviour.apply(to: &spec.task.behaviour)
        return .success(spec)
    }

    /// The CLI's `updatePorts`: the current ports (without duplicates) minus those removed
    /// (same target, protocol and mode), plus those added that are not there yet, sorted by
    /// `published:target/protocol/mode` as text.
    static func updatedPorts(_ current: [PortConfig], adding: [PortConfig], removing: [PortConfig]) -> [PortConfig] {
        func key(_ port: PortConfig) -> String {
            "\(port.publishedPort ?? 0):\(port.targetPort)/\(port.proto)/\(port.publishMode.rawValue)"
        }
        var seen: Set<String> = []
        var kept: [PortConfig] = []
        for port in current where seen.insert(key(port)).inserted {
            let removed = removing.contains {
                $0.targetPort == port.targetPort && $0.proto == port.proto && $0.publishMode == port.publishMode
            }
            if !removed { kept.append(port) }
        }
        for port in adding where !seen.contains(key(port)) {
            kept.append(port)
        }
        return kept.sorted { key($0) < key($1) }
    }
}

/// The `--update-*` or `--rollback-*` flags given.
public struct UpdateConfigChanges: Equatable, Sendable {
    public var parallelism: Int?
    public var delay: SimDuration?
    public var failureAction: UpdateConfig.FailureAction?
    public var monitor: SimDuration?
    public var maxFailureRatio: Double?
    public var order: UpdateConfig.Order?

    public init(parallelism: Int? = nil, delay: SimDuration? = nil, failureAction: UpdateConfig.FailureAction? = nil,
                monitor: SimDuration? = nil, maxFailureRatio: Double? = nil, order: UpdateConfig.Order? = nil) {
        self.parallelism = parallelism
        self.delay = delay
        self.failureAction = failureAction
        self.monitor = monitor
        self.maxFailureRatio = maxFailureRatio
        self.order = order
    }

    public func apply(to config: inout UpdateConfig) {
        if let parallelism { config.parallelism = parallelism }
        if let delay { config.delay = delay }
        if let failureAction { config.failureAction = failureAction }
        if let monitor { config.monitor = monitor }
        if let maxFailureRatio { config.maxFailureRatio = maxFailureRatio }
        if let order { config.order = order }
    }
}

/// The `--health-*` and `--no-healthcheck` flags given.
public struct HealthcheckChanges: Equatable, Sendable {
    /// `--health-cmd`, as the test (`["CMD-SHELL", command]`); an empty array clears it.
    public var test: [String]?
    public var interval: SimDuration?
    public var timeout: SimDuration?
    public var retries: Int?
    public var startPeriod: SimDuration?
    /// `--no-healthcheck`
    public var disable: Bool = false

    public init() {}

    var isEmpty: Bool { self == HealthcheckChanges() }

    /// The CLI's `updateHealthcheck`; nil, or its error when `--no-healthcheck` comes with a
    /// `--health-*` flag.
    func apply(to healthcheck: inout Healthcheck?) -> ControlError? {
        guard !isEmpty else { return nil }
        var others = self
        others.disable = false
        if disable {
            guard others.isEmpty else { return ControlError(.client, "--no-healthcheck conflicts with --health-* options") }
            healthcheck = nil
            return nil
        }
        var check = healthcheck ?? Healthcheck()
        if let interval { check.interval = interval }
        if let timeout { check.timeout = timeout }
        if let startPeriod { check.startPeriod = startPeriod }
        if let retries { check.retries = retries }
        if let test { check.test = test }
        healthcheck = check
        return nil
    }
}

/// The `--x-sim-*` flags given.
public struct BehaviourChanges: Equatable, Sendable {
    public var pull: SimDuration?
    public var start: SimDuration?
    public var stop: SimDuration?
    public var failAfter: SimDuration?
    public var exitCode: Int?
    public var boot: SimDuration?
    public var serve: SimDuration?
    public var sickAfter: SimDuration?

    public init() {}

    func apply(to behaviour: inout ContainerBehaviour) {
        if let boot { behaviour.boot = boot }
        if let serve { behaviour.serve = serve }
        if let sickAfter { behaviour.sickAfter = sickAfter }
        if let pull { behaviour.pull = pull }
        if let start { behaviour.start = start }
        if let stop { behaviour.stop = stop }
        if let failAfter { behaviour.failAfter = failAfter }
        if let exitCode { behaviour.exitCode = exitCode }
    }
}
