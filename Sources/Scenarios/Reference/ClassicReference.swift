/// Classic Swarm 1.x (`mode: classic`, SCENARIO_FORMAT §10): the timeline's actions and the
/// conditions. The loader's lists of condition subjects come from these tables.
public enum ClassicReference {
    /// The actions of a classic timeline; the keyword is the first word(s).
    public static let actions: [ReferenceEntry] = [
        ReferenceEntry("docker info", "docker info", "the manager's docker info (Role, Primary, Nodes and every engine's "
                       + "Status, Containers, Reserved CPUs/Memory, Labels, Error, UpdatedAt); via an engine, that engine's own"),
        ReferenceEntry("docker ps", "docker ps [-a]", "the cluster's containers as NODE/NAME, newest first; -a adds stopped ones "
                       + "and those on unhealthy engines (Host Down)"),
        ReferenceEntry("docker rm", "docker rm [-f] NAME", "removes a container through the manager"),
        ReferenceEntry("docker stop", "docker stop NAME", "stops a container through the manager"),
        ReferenceEntry("docker start", "docker start NAME", "starts a stopped container through the manager"),
        ReferenceEntry("docker run", "docker run [-d] [--name N] [-e constraint:K==V] [-e affinity:container==N] [-m 512m] [-c N] "
                       + "[-p 80:80] [--label com.docker.swarm.reschedule-policies=[\"on-node-failure\"]] IMAGE [CMD...]",
                       "the manager schedules the container (filters, then the strategy) and creates it on the chosen engine"),
        ReferenceEntry("swarm list", "swarm list", "what the discovery store holds: one ip:port per line"),
        ReferenceEntry("kill", "kill manage@HOST | join@HOST | consul@HOST | engine@HOST",
                       "that container dies (docker rm -f); engine@: the Docker daemon stops with its containers, the host stays up"),
        ReferenceEntry("start", "start manage@HOST | join@HOST | consul@HOST | engine@HOST",
                       "starts it again (manage@: a new container, with a new name and ID)"),
        ReferenceEntry("faults", "crash, restart, partition, isolate, drop, latency, loss, heal",
                       "as in Swarm mode (simrun help faults); 'primary' stands for the host whose manager holds the lock, "
                       + "'leader' for the Consul servers' Raft leader"),
        ReferenceEntry("via", "via: m1", "the manager the client talks to, as docker -H m1:4000 (default the first manager host that is up)"),
    ]

    /// The conditions of a classic scenario; the keyword is the subject.
    public static let conditions: [ReferenceEntry] = [
        ReferenceEntry("primary", "primary is NODE | primary is one of NODE... | primary is none",
                       "whose manager holds the leader lock in the Consul store (even a dead one whose session has not expired)"),
        ReferenceEntry("engine", "engine NODE is healthy | unhealthy | pending | absent",
                       "as the primary lists it (with no primary, the manager that held the lock last)"),
        ReferenceEntry("container", "container NAME is running [on NODE] | container NAME is absent", "the container's state"),
        ReferenceEntry("consul", "consul leader is NODE | consul leader is one of NODE... | consul leader is none",
                       "the Consul servers' Raft leader that a majority follows"),
        ReferenceEntry("consul", "consul quorum is ok | consul quorum is lost", "whether a majority of the Consul servers can reach each other"),
        ReferenceEntry("node", "node NODE has N containers", "containers running on that host's engine, besides classic Swarm's own (Consul, swarm manage, swarm join)"),
    ]
}

extension ConditionReference {
    /// The conditions of classic scenarios (`mode: classic`).
    public static var classicConditions: [ReferenceEntry] { ClassicReference.conditions }
}
