import SimEngine

/// A container's life on one host, as the runtime tracks it.
public struct Container: Sendable {
    public enum State: Equatable, Sendable {
        /// Created, not started.
        case created
        /// Start requested; running after the start time.
        case starting
        case running
        /// SIGTERM sent; exits within the stop time (or SIGKILL at the grace period).
        case stopping
        case exited(code: Int)
    }

    public let id: String
    public let image: String
    /// The service the container belongs to (a label, as Swarm sets `com.docker.swarm.service.name`).
    public let serviceName: String
    /// The task's slot (0 for a global task), as Swarm labels it (`com.docker.swarm.task.name`).
    public let slot: Int
    public var state: State
    public var startedAt: SimInstant?
    public var behaviour: ContainerBehaviour
    public var stopGracePeriod: SimDuration
    /// The image's or service's health check; nil: none (the container has no health status).
    public var healthcheck: Healthcheck?
    /// The health status while `healthcheck` is set (`ContainerHealth`).
    public var health = ContainerHealth()

    public var isRunning: Bool {
        state == .running || state == .stopping
    }
}
