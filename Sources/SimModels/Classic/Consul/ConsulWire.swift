import SimEngine

/// Consul's traffic on the simulated network: HTTP calls to a server's port 8500 and their
/// answers, server-to-server RPC forwarding (port 8300), and Raft (port 8300).
public enum ConsulWire: NetworkMessage {
    /// An HTTP call from `client` (a connection on the sending host) to a server.
    case call(client: Int, call: UInt64, ConsulRequest)
    /// The answer to a call.
    case answer(client: Int, call: UInt64, ConsulResponse)
    /// A follower forwards a call to the leader (`consul/rpc.go` `forwardLeader`).
    case forward(rpc: UInt64, ConsulRequest)
    /// The leader's answer to a forwarded call.
    case forwardAnswer(rpc: UInt64, ConsulResponse)
    case raft(RaftMessage<ConsulCommand, ConsulStoreData>)

    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        (software as? ConsulEndpoint)?.receive(self, from: envelope.from)
    }
}

/// Host software that runs Consul pieces (a server, clients) and routes their traffic.
public protocol ConsulEndpoint: HostSoftware {
    func receive(_ message: ConsulWire, from: HostID)
}
