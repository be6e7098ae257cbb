import SimEngine

/// A Consul client agent (`consul agent` without `-server`) on a host of a deployment with
/// several servers, as Consul recommends: the host's processes call it on port 8500 and it
/// forwards each call to a server over RPC (`consul/client.go` `RPC`), which serves it or
/// forwards it to the leader. A call the server never answers makes the agent move to the
/// next server for the calls that follow (its server list rotates on failure).
final class ConsulClientAgent: HostComponent {
    /// How long the agent waits for a server beyond a blocking call's own wait.
    static let serverTimeout: SimDuration = .seconds(10)

    let host: Host
    var isRunning: Bool { true }
    let simulation: Simulation
    let servers: [HostID]
    private var current: Int
    private var forwarded: [UInt64: (client: Int, call: UInt64, from: HostID, timer: TimerID)] = [:]
    private var nextRPC: UInt64 = 0

    init(host: Host, simulation: Simulation, servers: [HostID]) {
        self.host = host
        self.simulation = simulation
        self.servers = servers
        current = servers.isEmpty ? 0 : host.id % servers.count
    }

    /// A local process's call.
    func receive(client: Int, call: UInt64, _ request: ConsulRequest, from sender: HostID) {
        guard !servers.isEmpty else { return }
        let rpc = nextRPC
        nextRPC += 1
        let server = servers[current]
        let timer = simulation.schedule(after: (request.blockingWait ?? .zero) + Self.serverTimeout, for: self) { agent in
            guard agent.forwarded.removeValue(forKey: rpc) != nil else { return }
            if agent.servers[agent.current] == server { agent.current = (agent.current + 1) % agent.servers.count }
        }
        forwarded[rpc] = (client, call, sender, timer)
        simulation.network.send(ConsulWire.forward(rpc: rpc, request), from: host.id, to: server)
    }

    /// A server's answer.
    func receive(rpc: UInt64, _ response: ConsulResponse) {
        guard let entry = forwarded.removeValue(forKey: rpc) else { return }
        simulation.cancel(entry.timer)
        simulation.network.send(ConsulWire.answer(client: entry.client, call: entry.call, response), from: host.id, to: entry.from)
    }
}
