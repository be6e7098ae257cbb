import SimModels

/// One host of the simulated cluster, as the file defines it (generated or under `nodes:`).
public struct NodeDefinition: Equatable, Sendable {
    /// The hostname (`m1`, `w3`, or a name of `nodes:`).
    public var name: String
    /// The role it joins with (or would join with, when `joined` is false).
    public var role: NodeRole
    /// CPUs, in units of 1e-9 CPU (default 4 CPUs).
    public var nanoCPUs: Int64
    /// Memory in bytes (default 8 GiB).
    public var memoryBytes: Int64
    /// Node labels (`node.labels.*`), sorted by key.
    public var labels: [Label]
    /// Engine labels (`engine.labels.*`: dockerd's `--label`, reported in the node's
    /// description), sorted by key.
    public var engineLabels: [Label] = []
    /// Whether the node is in the swarm from the start (default true). A node that is not
    /// is up but outside the swarm until it runs `docker swarm join`.
    public var joined: Bool

    /// CPUs a node has unless `nodes:` says otherwise.
    public static let defaultNanoCPUs: Int64 = 4_000_000_000
    /// Memory a node has unless `nodes:` says otherwise.
    public static let defaultMemoryBytes: Int64 = 8 << 30

    /// A node with the given settings; resources default to 4 CPUs and 8 GiB.
    public init(
        name: String,
        role: NodeRole,
        nanoCPUs: Int64 = NodeDefinition.defaultNanoCPUs,
        memoryBytes: Int64 = NodeDefinition.defaultMemoryBytes,
        labels: [Label] = [],
        joined: Bool = true
    ) {
        self.name = name
        self.role = role
        self.nanoCPUs = nanoCPUs
        self.memoryBytes = memoryBytes
        self.labels = labels.sorted { $0.key < $1.key }
        self.joined = joined
    }
}
