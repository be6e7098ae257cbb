/// An engine's state in a classic manager (`cluster/engine.go` `engineState`).
public enum ClassicEngineState: String, Sendable {
    /// Added from discovery, not yet validated (or validated with a duplicate ID).
    case pending = "Pending"
    /// Failed `--engine-failure-retry` connection attempts in a row.
    case unhealthy = "Unhealthy"
    case healthy = "Healthy"
    /// Removed from discovery (1.2.x's `stateDisconnected`).
    case disconnected = "Disconnected"

    /// `stateText`: what `docker info`'s `└ Status` prints.
    public var text: String { rawValue }
}
