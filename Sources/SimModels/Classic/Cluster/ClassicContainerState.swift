import SimEngine

/// A container's state as an engine's inspect reports it to the manager: enough for `ps`'s
/// STATUS column and `docker info`'s Running / Paused / Stopped counts.
public enum ClassicContainerState: Equatable, Sendable {
    /// Created, never started.
    case created
    /// Running since the instant.
    case running(since: SimInstant)
    /// Paused; it was running since the instant.
    case paused(since: SimInstant)
    /// Exited with the code at the instant.
    case exited(code: Int, at: SimInstant)

    /// `State.Running` (a paused container is running too in Docker's inspect).
    public var isRunning: Bool {
        switch self {
        case .running, .paused: return true
        case .created, .exited: return false
        }
    }

    public var isPaused: Bool {
        if case .paused = self { return true }
        return false
    }
}
