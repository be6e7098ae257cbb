import SimEngine

/// Host software that runs Consul alone: a server (when configured) and any number of HTTP
/// client connections made by software on the host. It routes Consul traffic: answers to the
/// client connection they belong to, everything else to the server. Classic Swarm's engine
/// hosts embed the same pieces; this host is Consul's own test bench and the shape for a
/// host whose only software is Consul.
public final class ConsulHost: ConsulEndpoint {
    /// How a server on this host is configured.
    public struct ServerConfig: Sendable {
        public var timings: ConsulTimings
        public var members: [RaftMember]

        public init(timings: ConsulTimings, members: [RaftMember]) {
            self.timings = timings
            self.members = members
        }
    }

    public let host: Host
    let simulation: Simulation
    private let serverConfig: ServerConfig?
    public private(set) var server: ConsulServer?
    private var clients: [ConsulHTTPClient] = []
    /// Runs once the host's software has started (tests attach observers here).
    private let onStart: ((ConsulHost) -> Void)?

    public init(host: Host, simulation: Simulation, server: ServerConfig?, onStart: ((ConsulHost) -> Void)? = nil) {
        self.host = host
        self.simulation = simulation
        serverConfig = server
        self.onStart = onStart
    }

    public func start() {
        if let serverConfig {
            let server = ConsulServer(host: host, simulation: simulation, timings: serverConfig.timings,
                                      members: serverConfig.members)
            self.server = server
            onStart?(self)
            server.start()
        } else {
            onStart?(self)
        }
    }

    public func receive(_ envelope: Envelope) {
        if let message = envelope.message as? ConsulWire { receive(message, from: envelope.from) }
    }

    public func receive(_ message: ConsulWire, from sender: HostID) {
        if case .answer(let client, let call, let response) = message {
            if clients.indices.contains(client) { clients[client].receive(call: call, response) }
        } else {
            server?.receive(message, from: sender)
        }
    }

    /// A new HTTP connection from this host to the server on `server`.
    public func makeClient(server: HostID, requestTimeout: SimDuration = .seconds(30)) -> ConsulHTTPClient {
        let client = ConsulHTTPClient(host: host, simulation: simulation, connection: clients.count, server: server,
                                      requestTimeout: requestTimeout)
        clients.append(client)
        return client
    }
}
