import SimEngine
@testable import SimModels

/// Host software that runs only a NetworkDB: the gossip layer alone, through the engine.
final class GossipOnlyHost: GossipHosting {
    let host: Host
    let simulation: Simulation
    let seeds: [HostID]
    let config: MemberlistConfig
    let networks: [String]
    private(set) var networkDB: NetworkDB?

    init(host: Host, simulation: Simulation, seeds: [HostID], config: MemberlistConfig, networks: [String]) {
        self.host = host
        self.simulation = simulation
        self.seeds = seeds
        self.config = config
        self.networks = networks
    }

    func start() {
        let database = NetworkDB(host: host, simulation: simulation, config: config)
        networkDB = database
        database.start(joining: seeds)
        for network in networks { database.joinNetwork(network) }
    }

    func receive(_ envelope: Envelope) {}
}

/// A cluster of `size` hosts running NetworkDB on network "net", started one after another at
/// random instants of the first 2 s, each joining through host 0 (which starts the cluster).
struct GossipCluster {
    let simulation: Simulation
    let size: Int
    /// Every membership change any node's NetworkDB made, in order, from the trace.
    let trace = TraceRecorder()
    /// The hosts each host joins through when it boots (host 0 starts the cluster).
    let seeds: SeedBook

    /// Per host, the seeds of its next boot.
    final class SeedBook {
        var seeds: [Int: [HostID]] = [:]
    }

    init(size: Int, seed: UInt64, config: MemberlistConfig = .defaultLAN, latency: SimDuration = .milliseconds(1)) {
        simulation = Simulation(seed: seed)
        self.size = size
        simulation.network.defaults = LinkParameters(latency: latency, jitter: .microseconds(200))
        simulation.trace.add(trace)
        let simulation = self.simulation
        var starts = simulation.stream(named: "test/starts")
        let book = SeedBook()
        seeds = book
        for index in 0..<size {
            book.seeds[index] = index == 0 ? [] : [0]
            let host = simulation.addHost(named: "n\(index)") { host in
                GossipOnlyHost(host: host, simulation: simulation, seeds: book.seeds[index] ?? [], config: config,
                               networks: ["net"])
            }
            let at = index == 0 ? SimInstant.zero : SimInstant(nanoseconds: Int64(starts.nextInt(below: 2_000_000_000)))
            simulation.schedule(at: at) { host.powerOn() }
        }
    }

    /// Host `index`'s NetworkDB, nil while it is down.
    func db(_ index: Int) -> NetworkDB? {
        (simulation.hosts[index].software as? GossipOnlyHost)?.networkDB
    }

    /// The hosts whose NetworkDB runs.
    var running: [Int] { (0..<size).filter { db($0) != nil } }

    /// True when every running node holds every other running node active.
    var converged: Bool {
        let up = running
        return up.allSatisfy { db($0)?.activeNodes == up }
    }

    /// Runs until `condition` holds after an instant, or `limit` more time passed; the time it
    /// first held, nil if it never did.
    func runUntil(within limit: SimDuration, _ condition: @escaping () -> Bool) -> SimInstant? {
        var met: SimInstant?
        let end = simulation.now + limit
        let simulation = self.simulation
        simulation.afterEachInstantUntilDone { now in
            if condition() {
                met = now
                simulation.requestStop()
                return true
            }
            return now >= end
        }
        simulation.run(until: end)
        return met
    }

    /// The membership events (`networkdb.node`) so far, as "time observer text".
    var membershipEvents: [String] {
        trace.events.filter { $0.kind == "networkdb.node" }.map { "\($0.time.nanoseconds) \($0.node) \($0.text)" }
    }

    /// Trace events of `kind` about host `subject` (by name in the text).
    func events(_ kind: String, about subject: Int) -> [TraceEvent] {
        let name = "n\(subject) "
        return trace.events.filter { $0.kind == kind && $0.text.contains(name) }
    }
}
