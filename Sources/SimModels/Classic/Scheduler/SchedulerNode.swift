/// An engine as the scheduler weighs it (`scheduler/node/node.go` `Node`): a snapshot of the
/// engine with the creates in flight on it counted as containers.
public struct SchedulerNode: Equatable, Sendable {
    public var id: String
    public var ip: String
    public var address: String
    public var name: String
    public var labels: [String: String]
    public var containers: [ClassicContainer]
    public var images: [ClassicImage]
    public var usedMemory: Int64
    public var usedCpus: Int64
    public var totalMemory: Int64
    public var totalCpus: Int64
    public var healthIndicator: Int64

    /// `NewNode`.
    public init(engine: ClassicEngine) {
        id = engine.id
        ip = engine.ip
        address = engine.address
        name = engine.name
        labels = engine.labels
        containers = engine.containers
        images = engine.images
        usedMemory = engine.usedMemory
        usedCpus = engine.usedCpus
        totalMemory = engine.totalMemory
        totalCpus = engine.totalCpus
        healthIndicator = engine.healthIndicator
    }

    /// `IsHealthy`: a positive health indicator.
    public var isHealthy: Bool { healthIndicator > 0 }

    /// `Container(IDOrName)`: `Containers.Get` over this node's containers.
    public func container(_ idOrName: String) -> ClassicContainer? {
        let entries = containers.map { ContainerLookup.Entry(container: $0, engineID: id, engineName: name) }
        return ContainerLookup.find(idOrName, in: entries).map { containers[$0] }
    }

    /// `AddContainer`: counts a create in flight; refused (`not enough resources`) when its
    /// reservation exceeds the node's totals, as Swarm then leaves the node as it was.
    @discardableResult
    public mutating func add(_ container: ClassicContainer) -> Bool {
        let memory = container.config.memory, cpus = container.config.cpuShares
        if totalMemory - memory < 0 || totalCpus - cpus < 0 { return false }
        usedMemory += memory
        usedCpus += cpus
        containers.append(container)
        return true
    }
}
