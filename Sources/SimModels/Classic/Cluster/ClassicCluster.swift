import SimEngine

/// A classic manager's view of its cluster (`cluster/swarm/cluster.go` `Cluster`): the validated
/// engines, the engines still pending, the creates in flight and the scheduler. Every manager
/// (primary or replica) keeps its own, from what discovery and the engines told it.
///
/// Swarm keeps engines in Go maps, whose iteration order is random; here they are arrays in the
/// order they were added, and the one place that order reaches behaviour (the scheduler's
/// ties) draws it from the caller's random stream (`schedulerNodes`).
public struct ClassicCluster: Equatable, Sendable {
    public var version: ClassicSwarmVersion
    public var scheduler: ClassicScheduler
    /// Validated engines (`engines`, keyed by ID in Swarm).
    public var engines: [ClassicEngine]
    /// Engines added from discovery and not yet validated (`pendingEngines`, keyed by address).
    public var pendingEngines: [ClassicEngine]
    public var pendingCreates: [PendingCreate]

    public init(version: ClassicSwarmVersion, scheduler: ClassicScheduler? = nil) {
        self.version = version
        self.scheduler = scheduler ?? ClassicScheduler(version: version)
        self.engines = []
        self.pendingEngines = []
        self.pendingCreates = []
    }

    // MARK: - Engines

    /// The validated engine with `id`.
    public func engine(id: String) -> ClassicEngine? { engines.first { $0.id == id } }

    /// The index of the validated engine with `id`.
    public func engineIndex(id: String) -> Int? { engines.firstIndex { $0.id == id } }

    /// `listEngines`: validated then pending.
    public var allEngines: [ClassicEngine] { engines + pendingEngines }

    // MARK: - Containers

    /// Every container of the validated engines with its engine (`Containers()`).
    public var containerEntries: [ContainerLookup.Entry] {
        engines.flatMap { engine in engine.containers.map { ContainerLookup.Entry(container: $0, engineID: engine.id, engineName: engine.name) } }
    }

    /// `Container(IDOrName)`: the container a user's reference names, with its engine.
    public func container(_ idOrName: String) -> ContainerLookup.Entry? {
        let entries = containerEntries
        return ContainerLookup.find(idOrName, in: entries).map { entries[$0] }
    }

    /// `checkNameUniqueness`: no container on a validated engine and no create in flight has
    /// the name (an empty name is always free).
    public func isNameAvailable(_ name: String) -> Bool {
        if name.isEmpty { return true }
        for engine in engines {
            for container in engine.containers where container.names.contains(where: { $0 == name || $0 == "/" + name }) {
                return false
            }
        }
        return !pendingCreates.contains { $0.name == name }
    }

    // MARK: - Scheduling

    /// `listNodes`: a node per validated engine, with the creates in flight on it counted (once:
    /// a create the engine already reports is not added again), in an order drawn from `random`
    /// as Go's map iteration gives one.
    public func schedulerNodes(random: inout RandomStream) -> [SchedulerNode] {
        var nodes: [SchedulerNode] = engines.map { engine in
            var node = SchedulerNode(engine: engine)
            for pending in pendingCreates where pending.engineID == engine.id && node.container(pending.swarmID) == nil {
                node.add(pending.container)
            }
            return node
        }
        random.shuffle(&nodes)
        return nodes
    }

    /// A placement decided by `place`: the engine to create on and the config to send (with its
    /// Swarm ID).
    public struct Placement: Equatable, Sendable {
        public var engineID: String
        public var config: ClassicContainerConfig
    }

    /// The first half of `createContainer`, under the scheduler's lock: the name must be free
    /// (`Conflict: The name …`), the config gets a Swarm ID (64 hex digits drawn from `random`,
    /// unique in the cluster) unless it has one, the scheduler picks the engine, and the create is
    /// recorded as in flight until `finishCreate`. `withImageAffinity` adds `image==<image>`
    /// for this choice only (the retry after a failed pull).
    public mutating func place(_ config: ClassicContainerConfig, name: String, at instant: SimInstant,
                               withImageAffinity: Bool = false, random: inout RandomStream) -> Result<Placement, SchedulingError> {
        guard isNameAvailable(name) else {
            return .failure(SchedulingError("Conflict: The name \(name) is already assigned. You have to delete (or rename) that container to be able to assign \(name) to a container again."))
        }
        var config = config
        let swarmID = config.swarmID ?? uniqueID(random: &random)
        config.swarmID = swarmID
        if withImageAffinity { config.addAffinity("image==" + config.image) }
        let nodes = schedulerNodes(random: &random)
        let selected = scheduler.selectNodes(for: config, from: nodes, random: &random)
        if withImageAffinity { config.removeAffinity("image==" + config.image) }
        switch selected {
        case let .failure(error):
            return .failure(error)
        case let .success(ranked):
            guard let chosen = ranked.first, engine(id: chosen.id) != nil else { return .failure(SchedulingError("error creating container")) }
            pendingCreates.append(PendingCreate(swarmID: swarmID, name: name, config: config, engineID: chosen.id, since: instant))
            return .success(Placement(engineID: chosen.id, config: config))
        }
    }

    /// The end of `createContainer`: the create is no longer in flight (it succeeded or failed).
    public mutating func finishCreate(swarmID: String) {
        pendingCreates.removeAll { $0.swarmID == swarmID }
    }

    /// `generateUniqueID`: `stringid.GenerateRandomID`'s 64 hex digits (redrawn when the first 12
    /// are all digits, which Docker avoids as they read like a number), unique in the cluster.
    func uniqueID(random: inout RandomStream) -> String {
        while true {
            var id = ""
            for _ in 0..<4 {
                let word = String(random.next(), radix: 16)
                id += String(repeating: "0", count: 16 - word.count) + word
            }
            if id.prefix(12).allSatisfy(\.isNumber) { continue }
            if container(id) == nil { return id }
        }
    }

    // MARK: - Totals (the top of `docker info`)

    /// `TotalCpus`: the validated engines' CPUs with overcommit (pending engines excluded).
    public var totalCpus: Int64 { engines.reduce(0) { $0 + $1.totalCpus } }
    /// `TotalMemory`: likewise for memory.
    public var totalMemory: Int64 { engines.reduce(0) { $0 + $1.totalMemory } }
}
