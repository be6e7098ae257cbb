import SimEngine
import SimModels

/// One change to a service spec, from a flag of `docker service create` or `update`.
///
/// `docker service create` applies its changes to a default spec while loading;
/// `docker service update` keeps them (`ServiceUpdate`) for the runner to apply to the
/// spec the cluster holds at that time.
public enum ServiceChange: Equatable, Sendable {
    /// `--image`
    case image(String)
    /// `--args` (update) or the COMMAND words (create).
    case command([String])
    /// `--mode` (create only).
    case mode(ServiceMode)
    /// `--replicas`
    case replicas(Int)
    /// `--constraint` / `--constraint-add`
    case addConstraint(String)
    /// `--constraint-rm`
    case removeConstraint(String)
    /// `--placement-pref spread=LABEL` / `--placement-pref-add`, as the label.
    case addSpreadPreference(String)
    /// `--placement-pref-rm spread=LABEL`
    case removeSpreadPreference(String)
    /// `--replicas-max-per-node` (0: no limit).
    case maxReplicasPerNode(Int)
    /// `--publish` / `--publish-add`
    case addPort(PortConfig)
    /// `--publish-rm`: removes the ports with this target port and protocol.
    case removePort(targetPort: Int, proto: String)
    /// `--network` / `--network-add`
    case addNetwork(String)
    /// `--network-rm`
    case removeNetwork(String)
    /// `--reserve-cpu`, in 1e-9 CPU.
    case reserveCPUs(Int64)
    /// `--reserve-memory`, in bytes.
    case reserveMemory(Int64)
    /// `--limit-cpu`, in 1e-9 CPU.
    case limitCPUs(Int64)
    /// `--limit-memory`, in bytes.
    case limitMemory(Int64)
    /// `--restart-condition`, `--restart-delay`, `--restart-max-attempts`, `--restart-window`.
    case restart(RestartSetting)
    /// `--update-*`
    case update(UpdateSetting)
    /// `--rollback-*`
    case rollback(UpdateSetting)
    /// `--stop-grace-period`
    case stopGracePeriod(SimDuration)
    /// `--health-*`, `--no-healthcheck`.
    case health(HealthSetting)
    /// `--x-sim-*`
    case simulation(SimulationSetting)
    /// `--endpoint-mode vip|dnsrr`
    case endpointMode(EndpointSpec.Mode)

    /// Applies the change to `spec`.
    /// - Throws: Docker's error when the change does not fit the spec (replicas on a
    ///   global service).
    public func apply(to spec: inout ServiceSpec) throws(DockerCommandError) {
        switch self {
        case .image(let image): spec.task.image = image
        case .command(let words): spec.task.command = words
        case .mode(let mode): spec.mode = mode
        case .replicas(let count):
            guard case .replicated = spec.mode else {
                throw DockerCommandError("replicas can only be used with replicated or replicated-job mode")
            }
            spec.mode = .replicated(replicas: count)
        case .addConstraint(let text):
            if !spec.task.placement.constraints.contains(text) { spec.task.placement.constraints.append(text) }
        case .removeConstraint(let text): spec.task.placement.constraints.removeAll { $0 == text }
        case .addSpreadPreference(let label): spec.task.placement.spreadOver.append(label)
        case .removeSpreadPreference(let label): spec.task.placement.spreadOver.removeAll { $0 == label }
        case .maxReplicasPerNode(let count): spec.task.placement.maxReplicasPerNode = count
        case .addPort(let port):
            spec.endpoint.ports.removeAll { $0.targetPort == port.targetPort && $0.proto == port.proto && $0.publishedPort == port.publishedPort }
            spec.endpoint.ports.append(port)
        case .removePort(let target, let proto):
            spec.endpoint.ports.removeAll { $0.targetPort == target && $0.proto == proto }
        case .addNetwork(let name):
            if !spec.networks.contains(name) { spec.networks.append(name) }
        case .removeNetwork(let name): spec.networks.removeAll { $0 == name }
        case .reserveCPUs(let value): spec.task.reservations.nanoCPUs = value
        case .reserveMemory(let value): spec.task.reservations.memoryBytes = value
        case .limitCPUs(let value): spec.task.limits.nanoCPUs = value
        case .limitMemory(let value): spec.task.limits.memoryBytes = value
        case .restart(let setting): setting.apply(to: &spec.task.restartPolicy)
        case .update(let setting): setting.apply(to: &spec.update)
        case .rollback(let setting): setting.apply(to: &spec.rollback)
        case .stopGracePeriod(let period): spec.task.stopGracePeriod = period
        case .health(let setting): setting.apply(to: &spec.task.healthcheck)
        case .simulation(let setting): setting.apply(to: &spec.task.behaviour)
        case .endpointMode(let mode): spec.endpoint.mode = mode
        }
    }
}
