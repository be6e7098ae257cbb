import SimEngine

/// A Docker engine as a classic manager sees it (`cluster/engine.go` `Engine`): what its last
/// `Info`, `Version`, container list and image list said, and the manager's own health
/// bookkeeping of it. Plain data: the manager process updates it from the replies it gets.
public struct ClassicEngine: Equatable, Sendable {
    /// The engine's ID (its key.json `kid`); empty until the first `Info`.
    public var id: String
    /// The engine's IP, resolved from the address.
    public var ip: String
    /// The address discovery gave: `IP:port`.
    public var address: String
    /// The engine's hostname (`Info.Name`); empty until the first `Info`.
    public var name: String
    /// `Info.NCPU`.
    public var cpus: Int64
    /// `Info.MemTotal`, bytes.
    public var memory: Int64
    /// The engine's own labels and its `--label`s (see `EngineSpecs.labels`).
    public var labels: [String: String]
    /// `Version.Version` (printed as `└ ServerVersion` from 1.2.0).
    public var serverVersion: String
    public var containers: [ClassicContainer]
    public var images: [ClassicImage]
    public var state: ClassicEngineState
    /// The last counted error (`lastError`), empty after a success.
    public var lastError: String
    /// When the manager last recorded a check's outcome (`updatedAt`: set by every `setErrMsg`).
    public var updatedAt: SimInstant
    public var failureCount: Int
    /// The overcommit in percent: `int64(overcommitRatio × 100)`, 5 by default.
    public var overcommitPercent: Int64
    /// `--engine-failure-retry` (3 by default).
    public var failureRetry: Int

    /// `NewEngine`: a pending engine known only by its address.
    public init(address: String, at instant: SimInstant, overcommitRatio: Double = 0.05, failureRetry: Int = 3) {
        self.id = ""
        self.ip = String(address.split(separator: ":").first ?? "")
        self.address = address
        self.name = ""
        self.cpus = 0
        self.memory = 0
        self.labels = [:]
        self.serverVersion = ""
        self.containers = []
        self.images = []
        self.state = .pending
        self.lastError = ""
        self.updatedAt = instant
        self.failureCount = 0
        self.overcommitPercent = Int64(overcommitRatio * 100)
        self.failureRetry = failureRetry
    }

    // MARK: - Resources

    /// `UsedMemory`: the sum of the containers' `-m`.
    public var usedMemory: Int64 { containers.reduce(0) { $0 + $1.config.memory } }
    /// `UsedCpus`: the sum of the containers' reserved CPUs.
    public var usedCpus: Int64 { containers.reduce(0) { $0 + $1.config.cpuShares } }
    /// `TotalMemory`: the memory plus the overcommit, in integer arithmetic.
    public var totalMemory: Int64 { memory + memory * overcommitPercent / 100 }
    /// `TotalCpus`: the CPUs plus the overcommit (2 CPUs × 5% adds nothing).
    public var totalCpus: Int64 { cpus + cpus * overcommitPercent / 100 }

    // MARK: - Health

    public var isHealthy: Bool { state == .healthy }

    /// `HealthIndicator`: 100 − failures×100/retry while healthy and under the retry count, else 0.
    public var healthIndicator: Int64 {
        guard state == .healthy, failureCount < failureRetry, failureRetry > 0 else { return 0 }
        return Int64(100 - failureCount * 100 / failureRetry)
    }
}
