import SimModels

/// The keys of a scenario file, section by section: the loader checks every mapping's keys
/// against these tables, and `simrun help format` prints them.
public enum KeyReference {
    /// A mapping of the file whose keys the loader checks.
    public enum Section: String, CaseIterable, Sendable {
        case topLevel = "(top level)"
        case cluster = "cluster"
        case raft = "cluster.raft"
        case dispatcher = "cluster.dispatcher"
        case network = "cluster.network"
        case node = "nodes.NAME"
        case service = "services.NAME"
        case port = "services.NAME.ports[] (long form)"
        case serviceNetwork = "services.NAME.networks.NAME"
        case healthcheck = "services.NAME.healthcheck"
        case deploy = "services.NAME.deploy"
        case placement = "deploy.placement"
        case preference = "deploy.placement.preferences[]"
        case resources = "deploy.resources"
        case amounts = "deploy.resources.reservations / limits"
        case restartPolicy = "deploy.restart_policy"
        case updateConfig = "deploy.update_config / rollback_config"
        case simulation = "services.NAME.x-sim"
        case networkDefinition = "networks.NAME"
        case ipam = "networks.NAME.ipam"
        case ipamConfig = "networks.NAME.ipam.config[]"
        case client = "clients.NAME"
        case timelineEntry = "timeline[]"
        case classicCluster = "cluster (mode: classic)"
        case classicNode = "nodes.NAME (mode: classic)"
    }

    /// The keys of `section`, in the order the format lists them.
    public static func keys(_ section: Section) -> [String] {
        entries(section).keywords
    }

    /// The rows of `section`.
    public static func entries(_ section: Section) -> [ReferenceEntry] {
        switch section {
        case .topLevel: return topLevel
        case .cluster: return cluster
        case .raft: return raft
        case .dispatcher: return [ReferenceEntry("heartbeat_period", "heartbeat_period: 5s", "the agents' heartbeat period (default 5s)")]
        case .network: return network
        case .node: return node
        case .timelineEntry: return timelineEntry
        case .networkDefinition: return networkDefinition
        case .ipam: return [ReferenceEntry("config", "config: [{subnet: 10.0.9.0/24}]", "the network's subnets (one is simulated)")]
        case .ipamConfig: return [ReferenceEntry("subnet", "subnet: 10.0.9.0/24", "the network's subnet (default: the next free /24 of 10.0.0.0/8)")]
        case .client: return client
        case .classicCluster: return classicCluster
        case .classicNode: return classicNode
        default: return serviceEntries(section)
        }
    }

    static let topLevel: [ReferenceEntry] = [
        ReferenceEntry("scenario", "scenario: leader failover", "required: a short title"),
        ReferenceEntry("description", "description: |", "optional text shown at the top of the report"),
        ReferenceEntry("seed", "seed: 7", "the seed (default 1); --seed overrides it"),
        ReferenceEntry("duration", "duration: 2m", "simulated time to run (default 60s)"),
        ReferenceEntry("mode", "mode: classic", "swarm (Swarm mode, the default) or classic: standalone Swarm 1.x with Consul "
                       + "discovery (see `simrun help classic`)"),
        ReferenceEntry("cluster", "cluster:", "the managers, workers and the real defaults to override"),
        ReferenceEntry("nodes", "nodes:", "per-node settings, or extra nodes"),
        ReferenceEntry("services", "services:", "services deployed at 0s, with the Compose file's keys, as `docker stack deploy` reads them"),
        ReferenceEntry("networks", "networks:", "overlay networks, as Compose writes them, created before the services"),
        ReferenceEntry("clients", "clients:", "simulated users sending requests through the routing mesh or between services"),
        ReferenceEntry("timeline", "timeline:", "what happens, in time order: `- at TIME: ACTION` (docker commands and faults)"),
        ReferenceEntry("expect", "expect:", "what must hold: `- WHEN: CONDITION` (see `simrun help conditions`)"),
    ]

    static let cluster: [ReferenceEntry] = [
        ReferenceEntry("managers", "managers: 3", "nodes m1..mN, at least 1 (default 1); m1 runs `docker swarm init`, the others join"),
        ReferenceEntry("workers", "workers: 4", "nodes w1..wN, joined after the managers (default 0)"),
        ReferenceEntry("raft", "raft:", "Raft's timings"),
        ReferenceEntry("dispatcher", "dispatcher:", "the dispatcher's timings"),
        ReferenceEntry("network", "network:", "defaults for every link"),
    ]

    static let raft: [ReferenceEntry] = [
        ReferenceEntry("tick", "tick: 1s", "the Raft tick (default 1s)"),
        ReferenceEntry("election_tick", "election_tick: 10", "ticks without a leader before an election (default 10 x heartbeat_tick)"),
        ReferenceEntry("heartbeat_tick", "heartbeat_tick: 1", "ticks between the leader's heartbeats (default 1)"),
        ReferenceEntry("check_quorum", "check_quorum: true", "a leader that has not heard from a majority for an election timeout "
                       + "steps down, and followers that heard a leader ignore votes (default true, as SwarmKit)"),
        ReferenceEntry("pre_vote", "pre_vote: false", "a candidate first asks whether it would win before raising its term "
                       + "(default false, as SwarmKit)"),
        ReferenceEntry("mutant", "mutant: skip-log-check", "plants one known Raft bug, a teaching and calibration aid: "
                       + RaftMutant.names.joined(separator: ", ") + " (default none)"),
    ]

    static let network: [ReferenceEntry] = [
        ReferenceEntry("latency", "latency: 1ms", "one-way latency of every link"),
        ReferenceEntry("jitter", "jitter: 500us", "uniform extra delay in [0, jitter]"),
        ReferenceEntry("loss", "loss: 0%", "random loss of every link"),
    ]

    static let node: [ReferenceEntry] = [
        ReferenceEntry("cpus", "cpus: 4", "the node's CPUs, a decimal"),
        ReferenceEntry("memory", "memory: 8GiB", "the node's memory (512MiB, 8GiB, 256M, 1G: powers of 1024)"),
        ReferenceEntry("labels", "labels: {zone: east}", "node labels, for placement constraints and preferences"),
        ReferenceEntry("engine_labels", "engine_labels: {storage: ssd}", "the engine's own labels (dockerd --label), for engine.labels.* constraints and preferences"),
        ReferenceEntry("role", "role: worker", "manager or worker, for a node the cluster counts do not generate"),
        ReferenceEntry("joined", "joined: false", "false: up, but outside the swarm until it runs `docker swarm join`"),
    ]

    static let networkDefinition: [ReferenceEntry] = [
        ReferenceEntry("driver", "driver: overlay", "overlay, the only driver a swarm service can use (default overlay)"),
        ReferenceEntry("attachable", "attachable: true", "standalone containers may attach (default false)"),
        ReferenceEntry("ipam", "ipam: {config: [{subnet: 10.0.9.0/24}]}", "the network's subnet"),
    ]

    static let client: [ReferenceEntry] = [
        ReferenceEntry("target", "target: web:8080", "required: SERVICE:PUBLISHED_PORT or NODE:PORT from outside; NAME:PORT with from_service"),
        ReferenceEntry("via", "via: [w1, w2]", "entry nodes, used in turn (default: every node, managers too, in name order)"),
        ReferenceEntry("rate", "rate: 20/s", "requests per second, evenly spaced (default 10/s)"),
        ReferenceEntry("timeout", "timeout: 1s", "a request unanswered by then is a timeout (default 1s)"),
        ReferenceEntry("start", "start: 10s", "when the first request is sent (default: when the swarm is up)"),
        ReferenceEntry("stop", "stop: 5m", "when requests stop (default: the end of the run)"),
        ReferenceEntry("from_service", "from_service: api", "send from this service's running tasks, in turn, resolving the target's name by DNS"),
    ]

    static let timelineEntry: [ReferenceEntry] = [
        ReferenceEntry("via", "via: m2", "the node whose engine the CLI talks to, as `docker -H m2` (or `via: leader`); default the first manager that is up"),
        ReferenceEntry("expect", "expect: ok | error | error \"text\"", "the command's outcome; a mismatch fails the run"),
    ]
}
