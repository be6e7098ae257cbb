import SimEngine

/// One TCP connection of a request through the data plane, as its packets carry it.
public struct Connection: Sendable, Equatable {
    /// Unique for its origin.
    public var id: UInt64
    /// Who opened it: a client host outside the swarm, or the caller's node.
    public var origin: HostID
    /// True when `origin` is outside the swarm (answers go back to it over the network).
    public var external: Bool
    /// The node whose load balancer (or host port) took the connection: the routing-mesh
    /// entry node, or the caller's node. Backends answer it over the overlay, as the SNAT to
    /// the entry node's ingress address makes them do (NETWORK_FACTS §3.1).
    public var entry: HostID
    /// The port connected to: the published port on the entry node, or the target port.
    public var port: Int
}

/// How the far end answered a connection.
public enum ConnectionReply: Sendable, Equatable {
    /// The app answered: which task, on which node, at which address.
    case answered(task: String, node: String, address: String)
    /// A TCP reset (or ICMP port unreachable) to the SYN: nothing accepts it.
    case refused
    /// The backend went away while serving it.
    case reset
}

/// The data plane's packets between hosts (SCENARIO_FORMAT §9). A connection reaches its entry
/// node on the published port; the entry node sends it to the backend's node over VXLAN
/// (4789/udp) and the answer comes back the same way, then to the client on its own
/// connection. So crashes, cuts, firewall rules and loss on any hop give timeouts, as they
/// would on Docker.
public enum DataPlaneMessage: NetworkMessage {
    /// A client's SYN to a node's published port.
    case connect(Connection)
    /// The connection tunnelled to the node of the chosen task (`taskID`).
    case overlay(Connection, taskID: String)
    /// The task's answer, tunnelled back to the entry node.
    case overlayReply(Connection, ConnectionReply)
    /// The entry node's answer to the client, on the client's connection.
    case reply(Connection, ConnectionReply)
    /// An ICMP echo from a container to a task's address, over VXLAN to the task's node; the
    /// echo reply comes back as `overlayReply`.
    case echo(Connection, taskID: String)

    public var port: NetworkPort {
        switch self {
        case let .connect(connection): NetworkPort(UInt16(clamping: connection.port), .tcp)
        case .overlay, .overlayReply, .echo: DockerPorts.overlayData
        case .reply: .ephemeral
        }
    }

    /// Swarm nodes hand it to their data plane (nothing if it is off); other hosts (a traffic
    /// host) get the envelope.
    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        if let node = software as? SwarmNode {
            node.dataPlane?.receive(self, from: envelope.from)
        } else {
            software.receive(envelope)
        }
    }
}
