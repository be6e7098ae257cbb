import SimEngine

/// The swarm-wide settings object (`docker swarm init/update` flags).
public struct ClusterObject: Equatable, Sendable {
    public var id: SwarmID
    public var name: String = "default"
    /// Dispatcher heartbeat period (default 5 s).
    public var heartbeatPeriod: SimDuration = .seconds(5)
    /// Task history retention per slot (default 5).
    public var taskHistoryRetentionLimit: Int = 5
    /// Join tokens are modelled by role only; these say the swarm exists and was initialised.
    public var createdAt: SimInstant

    public init(id: SwarmID, createdAt: SimInstant) {
        self.id = id
        self.createdAt = createdAt
    }
}
