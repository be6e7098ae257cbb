import SimEngine

/// Connections through this node: the routing mesh's entry (a published port), host-mode
/// ports, the load balancer's choice, the VXLAN hop to the backend's node, the app that
/// answers, and calls from this node's own containers by name (NETWORK_FACTS §3.1).
extension NodeDataPlane {
    func receive(_ message: DataPlaneMessage, from sender: HostID) {
        switch message {
        case let .connect(connection):
            accept(connection)
        case let .overlay(connection, taskID):
            serve(taskID, connection) { [unowned self] reply in
                self.send(.overlayReply(connection, reply), to: connection.entry)
            }
        case let .overlayReply(connection, reply):
            answer(connection, reply)
        case let .echo(connection, taskID):
            // The task's sandbox answers while its container runs; otherwise nothing does.
            guard let task = localTasks[taskID], node.runtime.container(taskID)?.isRunning == true else { return }
            send(.overlayReply(connection, .answered(task: task.name, node: host.name, address: "")), to: connection.entry)
        case .reply:
            return
        }
    }

    /// A SYN to a published port of this node: a host-mode port goes to the local task that
    /// binds it; an ingress port to a backend its load balancer picks; anything else, or an
    /// ingress port whose load balancer has no enabled backend, is refused (`rmLBBackend` →
    /// `removeIngressPorts`; IPVS with no destination answers port unreachable).
    func accept(_ connection: Connection) {
        if let task = hostPortTask(connection.port) {
            serve(task.id.rawValue, connection) { [unowned self] reply in self.answer(connection, reply) }
            return
        }
        guard let key = table.ingress(port: connection.port), let backend = table.schedule(key) else {
            answer(connection, .refused)
            return
        }
        forward(connection, to: backend)
    }

    /// Sends the connection to the chosen backend: served here if the task runs here, else
    /// tunnelled to its node.
    func forward(_ connection: Connection, to backend: LoadBalancer.Backend) {
        if backend.host == host.id {
            serve(backend.taskID, connection) { [unowned self] reply in self.answer(connection, reply) }
        } else {
            send(.overlay(connection, taskID: backend.taskID), to: backend.host)
        }
    }

    /// The answer for a connection this node took: to the client outside, or to the local
    /// caller waiting for it.
    func answer(_ connection: Connection, _ reply: ConnectionReply) {
        if connection.external {
            send(.reply(connection, reply), to: connection.origin)
        } else {
            calls.removeValue(forKey: connection.id)?(reply)
        }
    }

    /// The app of a local task takes the connection: refused unless it accepts (booted, not
    /// sick, not stopping); answered after its serve time, or reset if its container is gone
    /// by then.
    func serve(_ taskID: String, _ connection: Connection, reply: @escaping (ConnectionReply) -> Void) {
        guard let task = localTasks[taskID], let container = node.runtime.container(taskID),
              container.appAccepts(at: simulation.now) else {
            reply(.refused)
            return
        }
        let attachments = task.serviceEndpoint?.attachments ?? []
        let address = (attachments.first(where: \.isIngress) ?? attachments.first)?.taskAddress ?? ""
        simulation.schedule(after: container.behaviour.serve, for: self) { plane in
            guard plane.node.runtime.container(taskID)?.isRunning == true else { return reply(.reset) }
            reply(.answered(task: task.name, node: plane.host.name, address: address))
        }
    }

    func send(_ message: DataPlaneMessage, to destination: HostID) {
        simulation.network.send(message, from: host.id, to: destination)
    }

    // MARK: - Calls from this node's containers

    /// The addresses `name` resolves to for the container of `taskName` (running here), shuffled
    /// as each query is; nil if that task does not run here.
    func resolve(_ name: String, fromTask taskName: String) -> [String]? {
        guard let task = localTask(named: taskName) else { return nil }
        if IPv4.parse(name) != nil { return [name] }  // an address needs no lookup
        var addresses = EmbeddedDNS.lookup(name, networks: Self.networks(of: task), table: table)
        dnsRandom.shuffle(&addresses)
        return addresses
    }

    /// One ICMP echo from the container of `taskName` to `address`: a VIP is answered by this
    /// node's load-balancer sandbox, which holds the VIPs as its own addresses (ln `c47239d`,
    /// `lb-<net>`), while its load balancer exists; a task address by that task's sandbox, over
    /// VXLAN. `completion` is called only when a reply comes.
    func echo(_ address: String, fromTask taskName: String, completion: @escaping () -> Void) {
        guard let task = localTask(named: taskName) else { return }
        for network in Self.networks(of: task) {
            for balancer in table.balancers(on: network) {
                if balancer.virtualIP == address { return completion() }
                guard let backend = balancer.backends.first(where: { $0.entry.address == address }) else { continue }
                let connection = Connection(id: nextCall, origin: host.id, external: false, entry: host.id, port: 0)
                nextCall += 1
                calls[connection.id] = { _ in completion() }
                return send(.echo(connection, taskID: backend.taskID), to: backend.host)
            }
        }
    }

    /// A request from the container of `taskName` (running here) to `name:port`: the embedded
    /// DNS of this node resolves the name (shuffled), then a VIP goes through this node's load
    /// balancer and a task address straight to that task. `completion` gets nil when the name
    /// does not resolve; nothing at all when this node dies first (the caller times out).
    public func call(_ name: String, port: Int, fromTask taskName: String,
                     completion: @escaping (ConnectionReply?) -> Void) {
        guard let task = localTask(named: taskName) else { return completion(nil) }
        let networks = Self.networks(of: task)
        var addresses = EmbeddedDNS.lookup(name, networks: networks, table: table)
        dnsRandom.shuffle(&addresses)
        guard let address = addresses.first else { return completion(nil) }
        let connection = Connection(id: nextCall, origin: host.id, external: false, entry: host.id, port: port)
        nextCall += 1
        calls[connection.id] = completion
        for network in networks {
            for balancer in table.balancers(on: network) {
                let key = ServiceTable.Key(serviceID: balancer.serviceID, networkID: network)
                if balancer.virtualIP == address {
                    guard let backend = table.schedule(key) else { return answer(connection, .refused) }
                    return forward(connection, to: backend)
                }
                if let backend = balancer.backends.first(where: { $0.entry.address == address }) {
                    return forward(connection, to: backend)
                }
            }
        }
        answer(connection, .refused)
    }
}
