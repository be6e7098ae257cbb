import SimEngine
@testable import SimModels

/// Consul servers c1…cN and one client host `app` on the real engine, for the Consul tests:
/// ground truth (who leads), calls made from `app` and waited for, and an optional Raft
/// safety checker fed after every instant, as the Raft lab does.
final class ConsulTestCluster {
    let simulation: Simulation
    let timings: ConsulTimings
    let serverNames: [String]
    private var software: [ConsulHost?] = []
    private(set) var app: ConsulHost!
    private var checker: RaftInvariantChecker<ConsulCommand>?
    private(set) var violations: [String] = []
    /// Every leadership gained: (time, server).
    private(set) var leaderChanges: [(time: SimInstant, server: String)] = []

    init(seed: UInt64, servers: Int, version: ConsulVersion = .v0_6, checked: Bool = false) {
        simulation = Simulation(seed: seed)
        timings = ConsulTimings(version: version)
        serverNames = (1...servers).map { "c\($0)" }
        simulation.network.defaults = LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500))
        if checked { checker = RaftInvariantChecker() }
        let members = (0..<servers).map { RaftMember(id: ConsulServer.raftID(ofHost: $0), address: "c\($0 + 1)") }
        let config = ConsulHost.ServerConfig(timings: timings, members: members)
        for name in serverNames + ["app"] {
            software.append(nil)
            simulation.addHost(named: name) { [unowned self] host in
                let consul = ConsulHost(host: host, simulation: self.simulation, server: name == "app" ? nil : config,
                                        onStart: { [unowned self] started in self.attach(started) })
                self.software[host.id] = consul
                return consul
            }
        }
        if checked { simulation.afterEachInstant { [unowned self] _ in self.check() } }
        for host in simulation.hosts { host.powerOn() }
        app = software[servers]
    }

    deinit { simulation.tearDown() }

    private func attach(_ consul: ConsulHost) {
        guard let server = consul.server else { return }
        let id = server.raftID
        let name = consul.host.name
        if consul.host.epoch > 0 { checker?.nodeCrashed(id) }
        server.onApply = { [unowned self] entry in
            if let found = self.checker?.recordApplied(entry, by: id) { self.record(found) }
        }
        server.onSoftState = { [unowned self] soft in
            if soft.role == .leader { self.leaderChanges.append((self.simulation.now, name)) }
        }
    }

    private func check() {
        guard var checker else { return }
        record(checker.observe(liveServers.map { $0.raft.observation() }))
        self.checker = checker
    }

    private func record(_ found: [RaftViolation]) {
        guard violations.count < 20 else { return }
        violations += found.map { "at \(simulation.now): \($0.description)" }
    }

    // MARK: - Ground truth

    var liveServers: [ConsulServer] {
        simulation.hosts.compactMap { $0.isUp ? software[$0.id]?.server : nil }
    }

    func server(_ name: String) -> ConsulServer? {
        guard let host = simulation.host(named: name), host.isUp else { return nil }
        return software[host.id]?.server
    }

    func hostID(_ name: String) -> HostID { simulation.host(named: name)!.id }

    /// The live leader of the highest term, if any.
    var leader: String? {
        let live = liveServers
        guard let term = live.map({ $0.raft.currentTerm() }).max() else { return nil }
        return live.first { $0.isLeader && $0.raft.currentTerm() == term }?.host.name
    }

    // MARK: - Driving

    /// A new connection from `app` to server `name`.
    func client(to name: String, timeout: SimDuration = .seconds(10)) -> ConsulHTTPClient {
        app.makeClient(server: hostID(name), requestTimeout: timeout)
    }

    func kv(to name: String) -> ConsulKV { ConsulKV(client: client(to: name)) }

    /// Runs until `condition` holds (checked every 10 ms) or `limit` passes; the time it held.
    @discardableResult
    func run(until condition: () -> Bool, within limit: SimDuration) -> SimInstant? {
        let end = simulation.now + limit
        while simulation.now < end {
            if condition() { return simulation.now }
            simulation.run(for: .milliseconds(10))
        }
        return condition() ? simulation.now : nil
    }

    /// Starts an operation and runs until its completion is called: the value and the time.
    func wait<T>(within limit: SimDuration = .seconds(120), _ start: (@escaping (T) -> Void) -> Void) -> (value: T, at: SimInstant)? {
        var outcome: (T, SimInstant)?
        start { [unowned self] value in outcome = (value, self.simulation.now) }
        run(until: { outcome != nil }, within: limit)
        return outcome
    }

    /// One HTTP call from `app` through `client`.
    func call(_ request: ConsulRequest, via client: ConsulHTTPClient,
              within limit: SimDuration = .seconds(700)) -> (value: Result<ConsulResponse, ConsulClientError>, at: SimInstant)? {
        wait(within: limit) { done in client.call(request, completion: done) }
    }

    /// Waits for a leader; the time it appeared.
    @discardableResult
    func awaitLeader(within limit: SimDuration = .seconds(30)) -> SimInstant? {
        run(until: { leader != nil && server(leader!)!.isEstablishedLeader }, within: limit)
    }

    func crash(_ name: String) { simulation.host(named: name)!.crash() }
}

extension Result where Success == ConsulResponse {
    /// The response, or nil on a client error.
    var response: ConsulResponse? { try? get() }
}

extension ConsulResponse {
    var errorText: String? { if case .error(let text) = body { return text } else { return nil } }
    var boolValue: Bool? { if case .bool(let value) = body { return value } else { return nil } }
    var pairs: [ConsulKVPair] { if case .pairs(let pairs) = body { return pairs } else { return [] } }
    var sessionID: String? { if case .sessionID(let id) = body { return id } else { return nil } }
}
