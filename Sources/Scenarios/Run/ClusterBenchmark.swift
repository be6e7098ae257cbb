import SimEngine
import SimModels

/// The workload of `simrun bench cluster`: a swarm of `managers` managers and `workers`
/// workers running one replicated service, simulated for `duration` through the same code
/// paths as any scenario (the whole control plane, every message, every expectation hook).
public struct ClusterBenchmark: Sendable {
    public var managers: Int
    public var workers: Int
    public var replicas: Int
    public var duration: SimDuration
    public var seed: UInt64
    /// `--traffic RATE`: requests per second of one client through the routing mesh (the
    /// service then publishes 8080), which turns the data plane on; nil: no data plane.
    public var traffic: Int?

    public init(managers: Int, workers: Int, replicas: Int, duration: SimDuration, seed: UInt64, traffic: Int? = nil) {
        self.traffic = traffic
        self.managers = managers
        self.workers = workers
        self.replicas = replicas
        self.duration = duration
        self.seed = seed
    }

    public var scenario: Scenario {
        var spec = ServiceSpec(name: "web", image: "nginx:1.25")
        spec.mode = .replicated(replicas: replicas)
        var clients: [ClientDefinition] = []
        if let traffic {
            spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
            clients = [ClientDefinition(name: "users", target: .service("web", port: 8080), rate: traffic,
                                        location: SourceLocation(line: 0, column: 0))]
        }
        let expectation = ScenarioExpectation(window: .atEnd, condition: .serviceRunningTasks(service: "web", .exactly(replicas)),
                                              text: "at end: service web has \(replicas) running tasks",
                                              location: SourceLocation(line: 0, column: 0))
        return Scenario(file: "bench-cluster", title: "\(managers) managers, \(workers) workers, \(replicas) replicas", seed: seed,
                        duration: duration, cluster: ClusterSettings(managers: managers, workers: workers),
                        services: [spec], clients: clients, expectations: [expectation])
    }

    public func run() -> RunResult {
        ScenarioRunner.run(scenario)
    }
}
