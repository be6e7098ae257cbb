import SimEngine

// A follower's calls to the leader (hashicorp/consul `consul/rpc.go` `forwardLeader`, over the
// server RPC port 8300).

extension ConsulServer {
    /// How long a forwarded call is remembered beyond its own blocking wait. Consul's RPC has
    /// no deadline of its own (the connection breaks); the client's HTTP timeout ends the
    /// caller's wait, and this only drops the bookkeeping of an answer that never comes.
    static var forwardAbandonAfter: SimDuration { .seconds(30) }

    func forward(_ request: ConsulRequest, to leader: RaftNodeID, reply: @escaping (ConsulResponse) -> Void) {
        let rpc = nextRPC
        nextRPC += 1
        forwarded[rpc] = reply
        simulation.network.send(ConsulWire.forward(rpc: rpc, request), from: host.id, to: Self.hostID(of: leader))
        let abandon = (request.blockingWait ?? .zero) + Self.forwardAbandonAfter
        simulation.schedule(after: abandon, for: self) { server in server.forwarded[rpc] = nil }
    }
}
