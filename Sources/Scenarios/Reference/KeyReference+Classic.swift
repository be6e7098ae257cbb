/// The keys of a classic scenario's `cluster:` and `nodes:` (SCENARIO_FORMAT §10;
/// CLASSIC_SWARM_FACTS §0 for the defaults).
extension KeyReference {
    /// The sections only classic files have, printed by `simrun help classic`.
    public static let classicSections: [Section] = [.classicCluster, .classicNode]

    static let classicCluster: [ReferenceEntry] = [
        ReferenceEntry("version", "version: 1.1.3", "the docker/swarm release, 1.1.3 (the default, the seed's) or 1.2.9: "
                       + "its defaults, filters, texts and docker info layout"),
        ReferenceEntry("consul", "consul: 3", "Consul servers c1..cN, a Raft cluster of their own (default 1, or what nodes: provide)"),
        ReferenceEntry("managers", "managers: 2", "hosts m1..mN running `swarm manage --replication` (default 1, or what nodes: provide)"),
        ReferenceEntry("engines", "engines: 3", "Docker engines e1..eN, each with `swarm join` (default 2, or what nodes: provide)"),
        ReferenceEntry("strategy", "strategy: spread", "swarm manage --strategy: spread (default), binpack or random"),
        ReferenceEntry("heartbeat", "heartbeat: 60s", "swarm join --heartbeat: how often an engine re-registers (default 60s)"),
        ReferenceEntry("ttl", "ttl: 180s", "swarm join --ttl: an engine's discovery entry expires this long after its last heartbeat (default 180s)"),
        ReferenceEntry("replication_ttl", "replication_ttl: 15s", "swarm manage --replication-ttl: the leader lock's TTL "
                       + "(default 15s in 1.1.3, 20s in 1.2.9)"),
        ReferenceEntry("engine_refresh_min", "engine_refresh_min: 30s", "--engine-refresh-min-interval (default 30s)"),
        ReferenceEntry("engine_refresh_max", "engine_refresh_max: 60s", "--engine-refresh-max-interval (default 60s)"),
        ReferenceEntry("engine_failure_retry", "engine_failure_retry: 3", "--engine-failure-retry: failed connections before "
                       + "an engine is Unhealthy (default 3)"),
        ReferenceEntry("network", "network:", "defaults for every link, as in Swarm mode"),
    ]

    static let classicNode: [ReferenceEntry] = [
        ReferenceEntry("runs", "runs: [consul, manager, engine]", "what the host runs; listed hosts fill the counts of cluster: "
                       + "first, generated hosts (c1.., m1.., e1..) the rest. Without runs:, the entry configures a generated host"),
        ReferenceEntry("cpus", "cpus: 2", "the host's CPUs (default 2)"),
        ReferenceEntry("memory", "memory: 2GiB", "the host's memory (default 2GiB); the manager adds its 5% overcommit"),
        ReferenceEntry("labels", "labels: {storage: ssd}", "the engine's labels, for constraint:KEY==VALUE"),
        ReferenceEntry("engine_id", "engine_id: \"TDJN:N3S4:3NPB:URQ6\"", "the engine's key.json ID; two engines with one ID "
                       + "show the seed's \"ID duplicated\" Pending state"),
    ]
}
