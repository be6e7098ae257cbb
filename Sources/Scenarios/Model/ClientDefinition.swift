import SimEngine

/// A simulated user of `clients:` (SCENARIO_FORMAT §9): sends requests at a steady rate, from
/// outside the swarm through the routing mesh, or from the running tasks of one service calling
/// another by name, and records how each ends.
public struct ClientDefinition: Equatable, Sendable {
    /// The client's name (the key under `clients:`).
    public var name: String
    /// What the requests go to.
    public var target: ClientTarget
    /// Entry nodes used in turn, for a client from outside; empty means every node of the
    /// cluster, managers too, in name order.
    public var via: [String]
    /// Requests per second, evenly spaced (default 10).
    public var rate: Int
    /// A request unanswered this long is a timeout (default 1 s).
    public var timeout: SimDuration
    /// When the first request is sent; nil: when the swarm is up.
    public var start: SimInstant?
    /// When requests stop; nil: the end of the run.
    public var stop: SimInstant?
    /// For a client inside the swarm: the service whose running tasks send the requests, in turn.
    public var fromService: String?
    /// Where the client is defined, for reports.
    public var location: SourceLocation

    /// The default rate, requests per second.
    public static let defaultRate = 10
    /// The default timeout.
    public static let defaultTimeout: SimDuration = .seconds(1)

    /// A client; everything but the name, target and location has the format's default.
    public init(name: String, target: ClientTarget, via: [String] = [], rate: Int = ClientDefinition.defaultRate,
                timeout: SimDuration = ClientDefinition.defaultTimeout, start: SimInstant? = nil, stop: SimInstant? = nil,
                fromService: String? = nil, location: SourceLocation) {
        self.name = name
        self.target = target
        self.via = via
        self.rate = rate
        self.timeout = timeout
        self.start = start
        self.stop = stop
        self.fromService = fromService
        self.location = location
    }

    /// The time between two requests: one second divided by the rate.
    public var spacing: SimDuration { .nanoseconds(1_000_000_000 / Int64(max(rate, 1))) }
}

/// Where a client's requests go (`target:`).
public enum ClientTarget: Equatable, Sendable, CustomStringConvertible {
    /// `web:8080` from outside: the service's published port, through the routing mesh of the
    /// entry nodes.
    case service(String, port: Int)
    /// `w1:8080` from outside: one node's published port only.
    case node(String, port: Int)
    /// `web:80` from inside (`from_service`): a name the caller's embedded DNS resolves, and the
    /// port on the address it returns.
    case name(String, port: Int)

    /// The port the requests go to.
    public var port: Int {
        switch self {
        case .service(_, let port), .node(_, let port), .name(_, let port): port
        }
    }

    /// As written: `web:8080`.
    public var description: String {
        switch self {
        case .service(let name, let port), .node(let name, let port), .name(let name, let port): "\(name):\(port)"
        }
    }
}
