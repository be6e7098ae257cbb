import SimEngine
@testable import SimModels

/// Keeps every request a traffic host reports.
final class RequestLog: TrafficObserver {
    private(set) var records: [RequestRecord] = []
    func requestEnded(_ record: RequestRecord) { records.append(record) }

    /// The records of `client` whose request started in `[from, to)`.
    func of(_ client: String, from: SimInstant = .zero, to: SimInstant = SimInstant(nanoseconds: .max)) -> [RequestRecord] {
        records.filter { $0.client == client && $0.started >= from && $0.started < to }
    }

    func count(_ outcome: RequestOutcome, _ client: String, from: SimInstant = .zero,
               to: SimInstant = SimInstant(nanoseconds: .max)) -> Int {
        of(client, from: from, to: to).filter { $0.outcome == outcome }.count
    }
}

/// A swarm with the data plane on, `web` published on 8080 (target 80) with its replicas on
/// the workers, and a traffic host outside the swarm whose requests land in `log`.
struct DataPlaneHarness {
    let swarm: EngineHarness
    let traffic: TrafficHost
    let log = RequestLog()

    init(seed: UInt64, managers: Int = 1, workers: Int = 3, replicas: Int = 3, publish: Bool = true,
         configure: (inout ServiceSpec) -> Void = { _ in }) {
        swarm = EngineHarness(seed: seed, managers: managers, workers: workers)
        swarm.cluster.startDataPlane()
        traffic = swarm.cluster.addTrafficHost()
        traffic.observer = log
        swarm.run(for: .seconds(5))
        swarm.createService("web", replicas: replicas) { spec in
            spec.task.placement.constraints = ["node.role == worker"]
            if publish { spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)] }
            configure(&spec)
        }
        swarm.run(for: .seconds(15))
    }

    var simulation: Simulation { swarm.simulation }
    var now: SimInstant { swarm.simulation.now }

    func plane(_ name: String) -> NodeDataPlane? { swarm.node(name)?.dataPlane }

    /// `curl NODE:8080`, run to its end; its output.
    func curl(_ node: String, port: Int = 8080) -> String {
        var output: String?
        traffic.curl(node: node, port: port) { _, text in output = text }
        while output == nil { swarm.run(for: .milliseconds(10)) }
        return output!
    }

    /// A client through `via` at `rate` from now.
    func client(_ name: String = "users", via: [String], rate: Double = 20, timeout: SimDuration = .seconds(1)) {
        traffic.add(TrafficClient(name: name, source: .outside(entryNodes: via), port: 8080, rate: rate, timeout: timeout,
                                  start: now))
    }

    static func update(_ change: (inout ServiceUpdateRequest) -> Void) -> ControlCommand {
        var request = ServiceUpdateRequest(service: "web")
        change(&request)
        return .serviceUpdate(request)
    }
}
