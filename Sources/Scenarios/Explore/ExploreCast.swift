import SimEngine
import SimModels

/// What a schedule may target in a scenario: its managers and workers by role (from the
/// file, in file order), and its services, with the replicas of the replicated ones.
public struct ExploreCast: Equatable, Sendable {
    public var managers: [String]
    public var workers: [String]
    /// Services in file order; `replicas` nil for a global service.
    public var services: [(name: String, replicas: Int?)]
    /// The file's link latency and loss (`cluster.network`), as a fault writes them: `heal`
    /// leaves `latency` and `loss` changes in force, so a schedule sets them back itself.
    public var defaultLatency: String
    public var defaultLoss: String

    public init(_ scenario: Scenario) {
        managers = scenario.nodes.filter { $0.role == .manager && $0.joined }.map(\.name)
        workers = scenario.nodes.filter { $0.role == .worker && $0.joined }.map(\.name)
        services = scenario.services.map { service in
            if case let .replicated(replicas) = service.mode { return (service.name, replicas) }
            return (service.name, nil)
        }
        defaultLatency = DurationFormat.format(scenario.cluster.network.latency)
        let percent = scenario.cluster.network.loss * 100
        defaultLoss = (percent.rounded() == percent ? "\(Int(percent))" : "\(percent)") + "%"
    }

    /// Every node, managers first.
    public var nodes: [String] { managers + workers }

    /// The most managers that may be lost with the swarm keeping its quorum: (N-1)/2.
    public var minority: Int { (managers.count - 1) / 2 }

    public static func == (lhs: ExploreCast, rhs: ExploreCast) -> Bool {
        lhs.managers == rhs.managers && lhs.workers == rhs.workers
            && lhs.services.map(\.name) == rhs.services.map(\.name) && lhs.services.map(\.replicas) == rhs.services.map(\.replicas)
    }
}
