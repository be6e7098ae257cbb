import SimEngine

/// Classic Swarm's HTTP traffic on the simulated network, besides Consul's own (`ConsulWire`):
/// calls to a Docker engine's API (port 2375) and to a `swarm manage` API (port 4000), their
/// answers, and the refusal a host's kernel sends when nothing listens on the port (a TCP RST:
/// `connection refused`). A host that is down sends nothing, so its callers time out instead.
public enum ClassicWire: NetworkMessage {
    /// A call from connection `client` on the sending host.
    case call(client: Int, call: UInt64, ClassicRequest)
    /// The answer to a call.
    case answer(client: Int, call: UInt64, ClassicAnswer)

    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        (software as? ClassicHostSoftware)?.receive(self, from: envelope.from)
    }

    public var port: NetworkPort {
        switch self {
        case .call(_, _, let request): return NetworkPort(request.port, .tcp)
        case .answer: return .ephemeral
        }
    }
}

/// A call: to an engine's or to a manager's API.
public enum ClassicRequest: Sendable {
    case engine(EngineRequest)
    case manager(ClassicManagerRequest)

    /// The port it is sent to: 2375 (the seed's `docker daemon -H tcp://0.0.0.0:2375`) or 4000
    /// (`swarm manage -H :4000`).
    public var port: UInt16 {
        switch self {
        case .engine: return ClassicPorts.engine
        case .manager: return ClassicPorts.manager
        }
    }
}

/// An answer: the API's reply, or the kernel's refusal.
public enum ClassicAnswer: Sendable {
    case engine(EngineResponse)
    case manager(ClassicManagerResponse)
    /// Nothing listens on the port (`getsockopt: connection refused`).
    case refused
    /// The serving process died before answering: the connection closed (`EOF`).
    case closed
}

/// The ports of the seed (CLASSIC_SWARM_FACTS §1 row 5: 4000 manager, 2375 engine, 8500 Consul).
public enum ClassicPorts {
    public static let engine: UInt16 = 2375
    public static let manager: UInt16 = 4000
    public static let consul: UInt16 = 8500
}
