import SimEngine
import SimModels

/// Builds the classic deployment a `mode: classic` scenario describes (SCENARIO_FORMAT §10) on
/// a new `Simulation`: the hosts with their roles and machines, and the flags of `swarm join`
/// and `swarm manage`. Nothing runs until the deployment starts.
enum ClassicDeploymentBuilder {
    /// The Unix time of simulated time 0, for the wall-clock times the models print
    /// (`└ UpdatedAt`): 2016-03-23T06:40:00Z, minutes before the seed's first `docker info`
    /// (`UpdatedAt: 2016-03-23T06:44:50Z`, seed 000 row 7).
    static let epoch: Int64 = 1_458_715_200

    static func config(for classic: ClassicScenario) -> ClassicDeploymentConfig {
        let settings = classic.settings
        var config = ClassicDeploymentConfig(version: settings.version, hosts: classic.hosts.map(spec))
        config.strategy = settings.strategy
        config.heartbeat = settings.heartbeat
        config.ttl = settings.ttl
        config.replicationTTL = settings.replicationTTL
        config.engineRefreshMin = settings.engineRefreshMin
        config.engineRefreshMax = settings.engineRefreshMax
        config.engineFailureRetry = settings.engineFailureRetry
        return config
    }

    /// A host as the deployment takes it: whole CPUs (Docker reports `NCPU`, at least 1).
    private static func spec(_ host: ClassicHost) -> ClassicHostSpec {
        ClassicHostSpec(name: host.name, roles: host.roles, cpus: max(1, host.nanoCPUs / 1_000_000_000), memory: host.memoryBytes,
                        labels: Dictionary(host.labels.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }), engineID: host.engineID)
    }

    /// The simulation and the deployment on it, the links set to the file's defaults.
    static func build(_ classic: ClassicScenario, seed: UInt64) -> ClassicDeployment {
        let simulation = Simulation(seed: seed)
        simulation.network.defaults = classic.settings.network
        return ClassicDeployment(config: config(for: classic), simulation: simulation)
    }
}
