import SimEngine

/// What `docker info` through a classic manager reports (`api/handlers.go` `getInfo`, with the
/// status pairs of `statusHandler.Status` and `Cluster.Info`), as data; the scenario layer prints
/// it in the release's layout (CLASSIC_SWARM_FACTS.md §4).
public struct ClassicInfo: Equatable, Sendable {
    /// The manager's role line: a replica also names the primary it last heard of.
    public enum Role: Equatable, Sendable {
        case primary
        case replica(primary: String)
    }

    public var version: ClassicSwarmVersion
    /// Containers on the validated engines (unhealthy ones included), and how many run, are
    /// paused, are stopped.
    public var containers: Int
    public var running: Int
    public var paused: Int
    public var stopped: Int
    /// Tagged images over the validated engines (each engine's counted).
    public var images: Int
    public var role: Role
    public var strategy: String
    public var filters: String
    /// Validated plus pending engines.
    public var nodeCount: Int
    /// The engines in natural order of their names.
    public var nodes: [ClassicInfoNode]
    /// The manager's own host: its kernel, OS and architecture (Go's runtime values).
    public var kernelVersion: String
    public var operatingSystem: String
    public var architecture: String
    /// The validated engines' CPUs and memory with overcommit.
    public var cpus: Int64
    public var memory: Int64
    /// The manager's hostname (a container's 12-digit ID when it runs in one).
    public var name: String

    /// `Server Version`: `swarm/<release>`.
    public var serverVersion: String { "swarm/\(version.rawValue)" }
}

/// One engine in `docker info`'s `Nodes:` list (`Cluster.Info`).
public struct ClassicInfoNode: Equatable, Sendable {
    /// The engine's name, empty while unknown (printed `(unknown)`).
    public var name: String
    public var address: String
    public var id: String
    public var status: ClassicEngineState
    public var containers: Int
    public var running: Int
    public var paused: Int
    public var stopped: Int
    public var reservedCpus: Int64
    public var totalCpus: Int64
    public var reservedMemory: Int64
    public var totalMemory: Int64
    /// `key=value`, sorted as strings.
    public var labels: [String]
    /// The last error, empty when none.
    public var error: String
    public var updatedAt: SimInstant
    public var serverVersion: String
}

extension ClassicCluster {
    /// `docker info` as this manager answers it: `role` from its leadership (`Role: primary`
    /// for any manager not running as a replica), `name`, `kernelVersion` of its own host.
    public func info(role: ClassicInfo.Role, name: String, kernelVersion: String,
                     operatingSystem: String = "linux", architecture: String = "amd64") -> ClassicInfo {
        var running = 0, paused = 0, stopped = 0
        for entry in containerEntries { count(entry.container.state, running: &running, paused: &paused, stopped: &stopped) }
        let nodes = allEngines.enumerated().sorted { a, b in
            if SwarmNaturalOrder.less(a.element.name, b.element.name) { return true }
            if SwarmNaturalOrder.less(b.element.name, a.element.name) { return false }
            return a.offset < b.offset
        }.map { infoNode($0.element) }
        return ClassicInfo(
            version: version, containers: containerEntries.count, running: running, paused: paused, stopped: stopped,
            images: engines.reduce(0) { $0 + $1.images.filter(\.isListed).count },
            role: role, strategy: scheduler.strategy.name, filters: scheduler.filters.description,
            nodeCount: engines.count + pendingEngines.count, nodes: nodes,
            kernelVersion: kernelVersion, operatingSystem: operatingSystem, architecture: architecture,
            cpus: totalCpus, memory: totalMemory, name: name)
    }

    private func infoNode(_ engine: ClassicEngine) -> ClassicInfoNode {
        var running = 0, paused = 0, stopped = 0
        for container in engine.containers { count(container.state, running: &running, paused: &paused, stopped: &stopped) }
        return ClassicInfoNode(
            name: engine.name, address: engine.address, id: engine.id, status: engine.state,
            containers: engine.containers.count, running: running, paused: paused, stopped: stopped,
            reservedCpus: engine.usedCpus, totalCpus: engine.totalCpus,
            reservedMemory: engine.usedMemory, totalMemory: engine.totalMemory,
            labels: engine.labels.map { "\($0.key)=\($0.value)" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            error: engine.lastError, updatedAt: engine.updatedAt, serverVersion: engine.serverVersion)
    }

    private func count(_ state: ClassicContainerState, running: inout Int, paused: inout Int, stopped: inout Int) {
        if state.isPaused { paused += 1 } else if state.isRunning { running += 1 } else { stopped += 1 }
    }
}
