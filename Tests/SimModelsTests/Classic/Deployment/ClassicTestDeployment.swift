import SimEngine
@testable import SimModels

/// A classic deployment on the real engine for the tests: build, run until a condition, and
/// the operator's commands waited for.
final class ClassicTestDeployment {
    let simulation: Simulation
    let deployment: ClassicDeployment

    init(seed: UInt64, config: ClassicDeploymentConfig) {
        simulation = Simulation(seed: seed)
        simulation.network.defaults = LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500))
        deployment = ClassicDeployment(config: config, simulation: simulation)
        deployment.start()
    }

    deinit { simulation.tearDown() }

    /// The seed's two hosts (h104: Consul, manager, engine; docker: manager, engine).
    static func seedConfig(_ version: ClassicSwarmVersion) -> ClassicDeploymentConfig {
        ClassicDeploymentConfig(version: version, hosts: [
            ClassicHostSpec(name: "h104", roles: [.consul, .manager, .engine], cpus: 2, memory: 2 << 30, ip: "192.168.100.104"),
            ClassicHostSpec(name: "docker", roles: [.manager, .engine], cpus: 4, memory: 4 << 30, ip: "192.168.100.103"),
        ])
    }

    var now: SimInstant { simulation.now }

    /// Runs until `condition` holds (checked every 100 ms) or `limit` passes; when it held.
    @discardableResult
    func run(until condition: () -> Bool, within limit: SimDuration) -> SimInstant? {
        let end = simulation.now + limit
        while simulation.now < end {
            if condition() { return simulation.now }
            simulation.run(for: .milliseconds(100))
        }
        return condition() ? simulation.now : nil
    }

    func run(for duration: SimDuration) { simulation.run(for: duration) }

    /// `docker -H <via>:4000 ...`, waited for.
    func docker(_ request: ClassicManagerRequest, via node: String) -> ClassicCommandResult? {
        var outcome: ClassicCommandResult?
        deployment.docker(request, via: node) { outcome = $0 }
        run(until: { outcome != nil }, within: .seconds(120))
        return outcome
    }

    func info(via node: String) -> ClassicInfo? {
        if case .info(let info)? = docker(.info, via: node) { return info }
        return nil
    }

    /// Runs until some manager acts as primary; its host.
    @discardableResult
    func awaitPrimary(within limit: SimDuration = .seconds(120)) -> String? {
        run(until: { deployment.actingPrimaries.count == 1 }, within: limit)
        return deployment.actingPrimaries.first
    }

    /// The events logged by `node` containing `text`.
    func events(_ text: String, on node: String? = nil) -> [ClassicEvent] {
        deployment.events.filter { $0.text.contains(text) && (node == nil || $0.node == node) }
    }
}

extension ClassicCommandResult {
    var failureText: String? { if case .failed(let text) = self { return text } else { return nil } }
    var createdID: String? { if case .created(let id) = self { return id } else { return nil } }
}
