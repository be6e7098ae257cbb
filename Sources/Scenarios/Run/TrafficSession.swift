import SimEngine
import SimModels

/// The data plane of one run, built only when the scenario observes traffic
/// (`Scenario.observesTraffic`, SCENARIO_FORMAT §9): turns the model's data plane on, runs the
/// clients and `curl` from a host outside the swarm, and keeps every request in a
/// `TrafficLedger` whose outage lines go to the timeline as they end.
final class TrafficSession {
    private let scenario: Scenario
    private let cluster: SwarmCluster
    private let traffic: TrafficHost
    let ledger: TrafficLedger
    private var simulation: Simulation { cluster.simulation }

    /// Turns the data plane on for `cluster` (nodes start it as their agents start) and adds
    /// the clients' host.
    init(scenario: Scenario, cluster: SwarmCluster) {
        self.scenario = scenario
        self.cluster = cluster
        cluster.startDataPlane()
        traffic = cluster.addTrafficHost()
        let simulation = cluster.simulation
        ledger = TrafficLedger(clients: scenario.clients.map(\.name)) { outage in
            simulation.emit(node: "-", component: "client", kind: "client.outage", outage.text, fields: outage.fields)
        }
        traffic.observer = ledger
    }

    /// Starts the clients: each at its `start`, or now (the swarm is up) when it has none.
    func swarmIsUp() {
        let now = simulation.now
        let everyNode = scenario.nodeNames.sorted(by: CLIText.naturalLess)
        for client in scenario.clients {
            let source: TrafficClient.Source
            switch client.target {
            case let .service(_, port: _): source = .outside(entryNodes: client.via.isEmpty ? everyNode : client.via)
            case let .node(node, port: _): source = .outside(entryNodes: [node])
            case let .name(name, port: _): source = .service(client.fromService ?? "", calling: name)
            }
            traffic.add(TrafficClient(name: client.name, source: source, port: client.target.port, rate: Double(client.rate),
                                      timeout: client.timeout, start: max(client.start ?? now, now), stop: client.stop))
        }
    }

    /// `curl NODE:PORT`: one request from outside; `done` gets curl's output and whether it
    /// succeeded (curl exits non-zero on every failure).
    func curl(node: String, port: Int, maxTime: SimDuration?, done: @escaping (String, Bool) -> Void) {
        traffic.curl(node: node, port: port, maxTime: maxTime ?? ClientDefinition.defaultTimeout) { record, output in
            done(output, record.outcome == .ok)
        }
    }

    /// `docker exec TASK nslookup NAME`: busybox nslookup's answer from the task's container, or
    /// its error when the task does not run or the name does not resolve.
    func nslookup(_ name: String, from task: TaskReference, resolve: (NodeReference) -> String?) -> (output: String, error: String?) {
        guard let (node, taskName) = runningTask(task, resolve: resolve), let plane = node.dataPlane else {
            return ("", "Error response from daemon: No such container: \(task)")
        }
        let addresses = plane.nslookup(name, fromTask: taskName)
        let server = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n"
        guard !addresses.isEmpty else {
            return ("", server + "\n** server can't find \(name): NXDOMAIN")
        }
        return (server + "\nNon-authoritative answer:\n" + addresses.map { "Name:\t\(name)\nAddress: \($0)" }.joined(separator: "\n"), nil)
    }

    /// `docker exec TASK ping -c N NAME`: busybox ping's output from the task's container;
    /// `done` gets it and the error when no echo came back (ping exits 1), the name did not
    /// resolve, or the task does not run.
    func ping(_ name: String, count: Int, from task: TaskReference, resolve: (NodeReference) -> String?,
              done: @escaping (_ output: String, _ error: String?) -> Void) {
        guard let (_, taskName) = runningTask(task, resolve: resolve) else {
            return done("", "Error response from daemon: No such container: \(task)")
        }
        traffic.ping(fromTask: taskName, name: name, count: count) { result in
            guard let result else { return done("", "Error response from daemon: No such container: \(task)") }
            guard let address = result.address else { return done("", "ping: bad address '\(name)'") }
            var lines = ["PING \(name) (\(address)): 56 data bytes"]
            for (sequence, reply) in result.replies.enumerated() {
                guard let reply else { continue }
                let fraction = String(reply.nanoseconds / 1000 % 1000)
                lines.append("64 bytes from \(address): seq=\(sequence) ttl=64 time=\(reply.nanoseconds / 1_000_000)."
                             + String(repeating: "0", count: 3 - fraction.count) + fraction + " ms")
            }
            let received = result.replies.count { $0 != nil }
            let loss = result.replies.isEmpty ? 0 : (result.replies.count - received) * 100 / result.replies.count
            lines += ["", "--- \(name) ping statistics ---",
                      "\(result.replies.count) packets transmitted, \(received) packets received, \(loss)% packet loss"]
            let text = lines.joined(separator: "\n")
            done(received > 0 ? text : "", received > 0 ? nil : text)
        }
    }

    /// The node and task name of `task` if its container runs now (`web.2`; `app@w1`: the
    /// service's task on that node).
    private func runningTask(_ task: TaskReference, resolve: (NodeReference) -> String?) -> (SwarmNode, String)? {
        for node in cluster.liveNodes {
            guard let plane = node.dataPlane else { continue }
            switch task {
            case let .replica(service, slot):
                if plane.localTaskNames.contains("\(service).\(slot)") { return (node, "\(service).\(slot)") }
            case let .global(service, target):
                guard resolve(target) == node.host.name else { continue }
                if let name = plane.localTaskNames.first(where: { $0.hasPrefix(service + ".") }) { return (node, name) }
            }
        }
        return nil
    }

    /// Ends the run at `end`: closes open outages and writes each client's summary line.
    func finish(at end: SimInstant) {
        ledger.finish(at: end)
        for summary in ledger.summaries {
            simulation.emit(node: "-", component: "client", kind: "client.summary", summary.text, fields: summary.fields)
        }
    }
}

extension GroundTruth {
    /// The data-plane conditions at this instant, as the node's own tables hold them; a node
    /// that is down has none (closed, unresolved, no backends).
    func evaluateDataPlane(_ condition: Condition) -> ConditionOutcome {
        func plane(_ node: String) -> NodeDataPlane? { cluster.node(named: node)?.dataPlane }
        switch condition {
        case let .portOpen(port, node):
            let open = plane(node)?.acceptsPort(port) ?? false
            return ConditionOutcome(holds: open, observed: "port \(port) is \(open ? "open" : "closed") on \(node)")
        case let .nameResolves(name, node, requirement):
            let addresses = plane(node)?.addresses(of: name) ?? []
            let holds = requirement.map { $0.isSatisfied(by: addresses.count) } ?? !addresses.isEmpty
            return ConditionOutcome(holds: holds, observed: addresses.isEmpty ? "name \(name) does not resolve on \(node)"
                                        : "name \(name) resolves on \(node) to \(addresses.joined(separator: ", "))")
        case let .backends(service, node, requirement):
            let count = plane(node)?.enabledBackends(ofService: service).count ?? 0
            return ConditionOutcome(holds: requirement.isSatisfied(by: count), observed: "backends of \(service) on \(node) is \(count)")
        default:
            preconditionFailure("not a data-plane condition: \(condition)")
        }
    }
}
