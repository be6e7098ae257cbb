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
    /// What tells this container's engine ID from another of the same task ID (the host's
    /// incarnation): the 64 hex digits are written only when shown.
    public var engineIDSeed: UInt64 = 0
    /// An ID given outright instead of derived.
    var givenEngineID: String?
    /// The engine's own ID (64 hex digits; moby draws them at random, `stringid.GenerateRandomID`),
    /// which `docker ps` shows; the runtime keys containers by their task's ID. It is derived from
    /// the task's ID, itself drawn from the run's seed, so that a create costs no draw.
    public var engineID: String {
        get { givenEngineID ?? Self.hexID(seed: Self.fnv1a(id) ^ engineIDSeed) }
        set { givenEngineID = newValue }
    }

    /// FNV-1a of `text`'s UTF-8 bytes: a hash that is the same in every process.
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// 64 lowercase hex digits expanded from `seed` (four SplitMix64 outputs).
    static func hexID(seed: UInt64) -> String {
        var bits = SplitMix64(seed: seed)
        return (0..<4).map { _ in
            let digits = String(bits.next(), radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
    /// The task it runs, which names it: kept so that the name is written only when shown.
    var namingTask: TaskObject?
    /// A name given outright instead.
    var givenName: String?
    /// The container's name: `service.slot.taskID` (SwarmKit's `naming.Task`).
    public var name: String {
        get { givenName ?? namingTask.map { "\($0.name).\($0.id)" } ?? "" }
        set { givenName = newValue }
    }
    /// The command the task gives (`docker service create IMAGE COMMAND...`); empty when it runs
    /// the image's own, which is not modelled.
    public var command: [String] = []
    /// When it was created, started and last exited, on its host's wall clock.
    public var createdAt: SimInstant = .zero
    public var startedAt: SimInstant?
    public var finishedAt: SimInstant?
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
