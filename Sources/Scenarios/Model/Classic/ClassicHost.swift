import SimModels

/// One host of a classic cluster: generated (`c1`, `m2`, `e3`) or listed under `nodes:`.
public struct ClassicHost: Equatable, Sendable {
    /// The hostname (also the engine's name in `docker info` and `ps`).
    public var name: String
    /// What it runs, in role order (consul, manager, engine).
    public var roles: [ClassicRole]
    /// CPUs, in units of 1e-9 CPU (default 2, the seed's h104).
    public var nanoCPUs: Int64
    /// Memory in bytes (default 2 GiB, the seed's h104).
    public var memoryBytes: Int64
    /// The engine's `--label`s, sorted by key (constraints match them).
    public var labels: [Label]
    /// The engine's ID (`/etc/docker/key.json`); nil for one derived from the seed. Two hosts
    /// with one ID show the seed's `ID duplicated` Pending state.
    public var engineID: String?

    /// CPUs a host has unless `nodes:` says otherwise.
    public static let defaultNanoCPUs: Int64 = 2_000_000_000
    /// Memory a host has unless `nodes:` says otherwise.
    public static let defaultMemoryBytes: Int64 = 2 << 30

    public init(name: String, roles: [ClassicRole], nanoCPUs: Int64 = ClassicHost.defaultNanoCPUs,
                memoryBytes: Int64 = ClassicHost.defaultMemoryBytes, labels: [Label] = [], engineID: String? = nil) {
        self.name = name
        self.roles = roles.sorted()
        self.nanoCPUs = nanoCPUs
        self.memoryBytes = memoryBytes
        self.labels = labels.sorted { $0.key < $1.key }
        self.engineID = engineID
    }

    /// Whether the host runs `role`.
    public func runs(_ role: ClassicRole) -> Bool { roles.contains(role) }

    /// Whether the host runs a Docker engine: every manager and engine host does (a Consul-only
    /// host runs Consul as a container too).
    public var runsDockerEngine: Bool { !roles.isEmpty }
}
