import SimEngine

/// A create the scheduler placed and the engine has not yet confirmed (`pendingContainer` in
/// `cluster/swarm/cluster.go`): the scheduler counts it on its engine so that creates in quick
/// succession see each other's reservations, name and (1.2.x) ports.
public struct PendingCreate: Equatable, Sendable {
    public var swarmID: String
    public var name: String
    public var config: ClassicContainerConfig
    public var engineID: String
    public var since: SimInstant

    public init(swarmID: String, name: String, config: ClassicContainerConfig, engineID: String, since: SimInstant) {
        self.swarmID = swarmID
        self.name = name
        self.config = config
        self.engineID = engineID
        self.since = since
    }

    /// `ToContainer`.
    public var container: ClassicContainer { .pending(name: name, config: config, at: since) }
}
