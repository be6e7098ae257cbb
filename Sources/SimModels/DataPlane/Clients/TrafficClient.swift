import SimEngine

/// A simulated user of a service (SCENARIO_FORMAT §9 `clients:`): it opens connections evenly
/// spaced at `rate` from `start` until `stop`, each given up as a timeout after `timeout`.
/// Its requests leave either from outside the swarm, through entry nodes taken in turn, or from
/// the running tasks of a service, in turn, resolving a name with their node's embedded DNS.
public final class TrafficClient {
    /// Where the requests come from.
    public enum Source: Sendable, Equatable {
        /// From outside the swarm to `port` of these nodes (by name), used in turn: a routing
        /// mesh port, or a host-mode port. A node that is down or cut off gives timeouts, as
        /// behind an external load balancer without health checks.
        case outside(entryNodes: [String])
        /// From the running tasks of `service` (in task name order, in turn), to the name
        /// (a service, `tasks.NAME`, a container name) resolved on the caller's node.
        case service(String, calling: String)
    }

    public let name: String
    public let source: Source
    /// The published port (outside) or the target port (from a service).
    public let port: Int
    /// Requests per second.
    public let rate: Double
    public let timeout: SimDuration
    public let start: SimInstant
    /// Nil: until the end of the run.
    public let stop: SimInstant?
    /// Requests sent so far (the next one's sequence is this plus one).
    public internal(set) var sent = 0
    /// Which entry node or caller task the next request uses.
    var turn = 0

    public init(name: String, source: Source, port: Int, rate: Double = 10, timeout: SimDuration = .seconds(1),
                start: SimInstant, stop: SimInstant? = nil) {
        precondition(rate > 0, "a client needs a positive rate")
        self.name = name
        self.source = source
        self.port = port
        self.rate = rate
        self.timeout = timeout
        self.start = start
        self.stop = stop
    }

    /// When request number `index` (from 0) starts: evenly spaced from `start`.
    func instant(of index: Int) -> SimInstant {
        start + SimDuration(nanoseconds: Int64((Double(index) * 1e9 / rate).rounded()))
    }
}
