import SimEngine

/// How large the scenarios of `ScenarioGenerator` may grow. The defaults are those of
/// issue #21: 1–9 managers, 0–50 workers, runs of up to 30 minutes.
public struct FuzzLimits: Equatable, Sendable {
    /// The most managers a cluster has (at least 1).
    public var maximumManagers: Int
    /// The most workers a cluster has.
    public var maximumWorkers: Int
    /// The longest run (at least 30 s).
    public var maximumDuration: SimDuration
    /// The most timeline entries.
    public var maximumEntries: Int
    /// The most services deployed at the start.
    public var maximumServices: Int
    /// The most replicas a replicated service starts with or is scaled to.
    public var maximumReplicas: Int

    public init(maximumManagers: Int = 9, maximumWorkers: Int = 50, maximumDuration: SimDuration = .minutes(30),
                maximumEntries: Int = 40, maximumServices: Int = 5, maximumReplicas: Int = 30) {
        self.maximumManagers = max(1, maximumManagers)
        self.maximumWorkers = max(0, maximumWorkers)
        self.maximumDuration = max(.seconds(30), maximumDuration)
        self.maximumEntries = max(0, maximumEntries)
        self.maximumServices = max(0, maximumServices)
        self.maximumReplicas = max(1, maximumReplicas)
    }

    /// Small clusters and short runs, for tests in debug builds.
    public static let small = FuzzLimits(maximumManagers: 5, maximumWorkers: 6, maximumDuration: .seconds(90),
                                         maximumEntries: 12, maximumServices: 3, maximumReplicas: 8)
}
