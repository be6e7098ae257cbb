/// The expectations: WHEN a condition must hold, and the conditions. The loader's lists of
/// WHEN words and condition subjects come from these tables.
public enum ConditionReference {
    /// The WHEN of an expectation; the keyword is its first word.
    public static let windows: [ReferenceEntry] = [
        ReferenceEntry("at", "at TIME", "holds at that instant (after every event at that instant)"),
        ReferenceEntry("at", "at end", "holds when the run ends"),
        ReferenceEntry("by", "by TIME", "holds at some instant at or before TIME"),
        ReferenceEntry("from", "from T1 to T2", "holds at every instant from T1 to T2"),
        ReferenceEntry("always", "always", "holds at every instant of the run"),
        ReferenceEntry("never", "never", "holds at no instant of the run"),
    ]

    /// The conditions; the keyword is the subject, their first word.
    public static let conditions: [ReferenceEntry] = [
        ReferenceEntry("leader", "leader is NODE | leader is not NODE | leader is none | leader is one of NODE, NODE...",
                       "the leader a user of the swarm would see: a live manager in the Raft leader state that a majority follows"),
        ReferenceEntry("term", "term is N", "the leader's term; without a leader, the highest term of a live manager"),
        ReferenceEntry("quorum", "quorum is ok | quorum is lost",
                       "ok when some live manager and the live managers connected to it both ways are a majority"),
        ReferenceEntry("node", "node NODE is ready | down | unknown | disconnected", "STATUS, as the leader records it"),
        ReferenceEntry("node", "node NODE is active | pause | drain", "AVAILABILITY"),
        ReferenceEntry("node", "node NODE is leader | reachable | unreachable", "MANAGER STATUS"),
        ReferenceEntry("node", "node NODE has N tasks [of SERVICE]", "containers running on that host"),
        ReferenceEntry("service", "service SERVICE is R/D",
                       "REPLICAS, as `docker service ls` on the leader prints it (a task on a down node still counts, as in Docker)"),
        ReferenceEntry("service", "service SERVICE has N running tasks", "containers of the service running on hosts that are up"),
        ReferenceEntry("service", "service SERVICE is balanced", "running tasks on eligible nodes differ by at most one"),
        ReferenceEntry("service", "service SERVICE is converged", "every desired task running the current spec"),
        ReferenceEntry("service", "service SERVICE is absent", "no such service"),
        ReferenceEntry("client", "client NAME success is P% | at least P% | at most P%",
                       "the share of the client's requests that were ok, exact (99.5% allowed); over the requests started in the "
                       + "window: from T1 to T2, or every request for always and at end"),
        ReferenceEntry("client", "client NAME has N failures | client NAME has no failures", "requests that were not ok"),
        ReferenceEntry("client", "client NAME has N refused | timeout | reset | unresolved", "failures of one outcome (also has no refused...)"),
        ReferenceEntry("client", "client NAME p50 | p90 | p99 | max latency is at most D | at least D",
                       "latency over the requests that were ok"),
        ReferenceEntry("port", "port PORT is open on NODE", "a published port that node would accept and forward now"),
        ReferenceEntry("name", "name NAME resolves on NODE [to N addresses]",
                       "as a container of that node on a network shared with NAME would see it"),
        ReferenceEntry("backends", "backends of SERVICE on NODE is N",
                       "the enabled backends (weight > 0) the node's load balancer holds for the service: its ingress one when "
                       + "the service publishes a port, else the one of its first network"),
    ]

    /// Counts: where a condition takes N.
    public static let counts: [ReferenceEntry] = [
        ReferenceEntry("N", "N | at least N | at most N", "a whole number, exactly or as a bound"),
    ]

    /// The first words of the WHEN forms.
    public static var windowWords: [String] { windows.keywords }

    /// The first words of conditions.
    public static var subjects: [String] { conditions.keywords }
}
