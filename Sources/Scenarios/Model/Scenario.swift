import SimEngine
import SimModels

/// A scenario file, read and checked: everything needed to build the cluster, run the
/// timeline and judge the run.
///
/// The loader (`ScenarioLoader`) produces it; every name in it (node, service) has
/// been checked against the file, so a runner can rely on them.
public struct Scenario: Equatable, Sendable {
    /// The path the file was read from, as the user gave it.
    public var file: String
    /// The `scenario:` title.
    public var title: String
    /// The `description:`, trailing newlines removed; nil when absent.
    public var description: String?
    /// The `seed:` (default 1); `simrun --seed` overrides it.
    public var seed: UInt64
    /// How much simulated time to run (default 60 s).
    public var duration: SimDuration
    /// Cluster-wide settings: node counts, Raft, dispatcher, network defaults.
    public var cluster: ClusterSettings
    /// Every node: `m1..mN`, then `w1..wN`, then extra nodes of `nodes:` in file order.
    public var nodes: [NodeDefinition]
    /// The `services:`, deployed at 0 s like `docker stack deploy`, in file order.
    public var services: [ServiceSpec]
    /// The top-level `networks:`, created before the services, in file order.
    public var networks: [NetworkCreation]
    /// The `clients:` (SCENARIO_FORMAT §9), in file order.
    public var clients: [ClientDefinition]
    /// The timeline's entries, in time order (file order for equal times).
    public var timeline: [TimelineEntry]
    /// The `expect:` entries, in file order.
    public var expectations: [ScenarioExpectation]
    /// Compose keys of `services:` that `docker stack deploy` ignores (`restart`, `build`, ...),
    /// sorted, with where the first was written; `docker stack deploy` warns "Ignoring
    /// unsupported options: ..." and so does `simrun validate`/`run` (`TimelineWarnings`).
    public var ignoredComposeOptions: IgnoredComposeOptions?
    /// The classic Swarm 1.x system (`mode: classic`, SCENARIO_FORMAT §10); nil for Swarm mode.
    /// When set, `nodes`, `services`, `timeline` and `expectations` are empty: the classic
    /// scenario holds its own.
    public var classic: ClassicScenario?

    /// The default seed when the file names none.
    public static let defaultSeed: UInt64 = 1
    /// The default run length when the file names none.
    public static let defaultDuration: SimDuration = .seconds(60)

    /// A scenario; everything but the title has a default.
    public init(
        file: String,
        title: String,
        description: String? = nil,
        seed: UInt64 = Scenario.defaultSeed,
        duration: SimDuration = Scenario.defaultDuration,
        cluster: ClusterSettings = ClusterSettings(),
        nodes: [NodeDefinition]? = nil,
        services: [ServiceSpec] = [],
        networks: [NetworkCreation] = [],
        clients: [ClientDefinition] = [],
        timeline: [TimelineEntry] = [],
        expectations: [ScenarioExpectation] = [],
        classic: ClassicScenario? = nil
    ) {
        self.file = file
        self.title = title
        self.description = description
        self.seed = seed
        self.duration = duration
        self.cluster = cluster
        self.nodes = nodes ?? cluster.generatedNodes()
        self.services = services
        self.networks = networks
        self.clients = clients
        self.timeline = timeline
        self.expectations = expectations
        self.classic = classic
        if classic != nil { self.nodes = nodes ?? [] }
    }

    /// `mode:`: Swarm mode, or classic Swarm 1.x when `classic` is set.
    public var mode: ScenarioMode { classic == nil ? .swarm : .classic }

    /// The node called `name`, if there is one.
    /// - Complexity: O(n) in the number of nodes.
    public func node(named name: String) -> NodeDefinition? {
        nodes.first { $0.name == name }
    }

    /// The names of every node, in the order of `nodes`; for a classic scenario, its hosts and
    /// the operator's host `cli` its clients run on.
    public var nodeNames: [String] {
        guard let classic else { return nodes.map(\.name) }
        return classic.hosts.map(\.name) + [ClassicDeployment.cliHostName]
    }

    /// True when something in the scenario observes the data plane (SCENARIO_FORMAT §9): a
    /// client, a traffic action (curl, docker exec), a `docker network`
    /// query, or a traffic condition. Only then is the data plane built.
    public var observesTraffic: Bool {
        if !clients.isEmpty { return true }
        if expectations.contains(where: { $0.condition.readsDataPlane }) { return true }
        return timeline.contains { entry in
            switch entry.action {
            case .traffic: true
            case .docker(.networkList), .docker(.networkInspect), .docker(.networkRemove): true
            default: false
            }
        }
    }

    /// The service of `services:` called `name`, if there is one.
    /// - Complexity: O(n) in the number of services.
    public func service(named name: String) -> ServiceSpec? {
        services.first { $0.name == name }
    }
}
