// Consul's Raft under randomized crashes, restarts and partitions, checked by the project's
// `RaftInvariantChecker` after every instant (as the Raft lab's sweep does), while a client
// keeps writing through whichever server it can reach; and the same seed twice gives the
// same trace.

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: Raft safety and determinism")
struct ConsulRaftSafetyTests {
    /// A randomized fault run; returns the cluster (for its violations) and the trace digest.
    static func faultRun(seed: UInt64, servers: Int, version: ConsulVersion = .v0_6) -> (violations: [String], digest: UInt64, writes: Int, leaderAtEnd: Bool) {
        let cluster = ConsulTestCluster(seed: seed, servers: servers, version: version, checked: true)
        let sim = cluster.simulation
        let digest = TraceDigest()
        sim.trace.add(digest)
        var random = sim.stream(named: "consul-sweep")
        let clients = cluster.serverNames.map { cluster.client(to: $0, timeout: .seconds(5)) }
        var written = 0
        let faultEnd = sim.now + .seconds(90)
        while sim.now < faultEnd, cluster.violations.isEmpty {
            sim.run(for: .milliseconds(Int64(100 + random.nextInt(below: 2000))))
            let client = clients[random.nextInt(below: clients.count)]
            client.call(.kvPut(ConsulKVPair(key: "k\(random.nextInt(below: 8))", value: "\(sim.now)"), .plain)) { result in
                if result.response?.boolValue == true { written += 1 }
            }
            guard random.nextInt(below: 3) == 0 else { continue }
            let count = servers
            switch random.nextInt(below: 6) {
            case 0, 1:
                sim.hosts[random.nextInt(below: count)].crash()
            case 2, 3:
                for host in sim.hosts where !host.isUp && host.state != .booting { host.boot(after: .seconds(1)) }
            case 4:
                var ids = Array(0..<count)
                random.shuffle(&ids)
                sim.network.partition([Array(ids.prefix(1 + random.nextInt(below: count - 1)))])
            default:
                sim.network.heal()
            }
        }
        sim.network.heal()
        for host in sim.hosts where !host.isUp && host.state != .booting { host.boot() }
        let recovered = cluster.awaitLeader(within: .seconds(120)) != nil
        sim.run(for: .seconds(5))
        return (cluster.violations, digest.value, written, recovered)
    }

    @Test("no Raft safety violation under crashes and partitions", arguments: [3, 5])
    func safety(servers: Int) {
        for seed in 1...12 as ClosedRange<UInt64> {
            let run = Self.faultRun(seed: seed, servers: servers)
            #expect(run.violations.isEmpty, "seed \(seed): \(run.violations.prefix(3))")
            #expect(run.leaderAtEnd, "seed \(seed): no leader after healing")
            #expect(run.writes > 0, "seed \(seed): no write succeeded")
        }
    }

    @Test("the same seed gives the same trace; another seed another")
    func determinism() {
        let a = Self.faultRun(seed: 42, servers: 3)
        let b = Self.faultRun(seed: 42, servers: 3)
        let c = Self.faultRun(seed: 43, servers: 3)
        #expect(a.digest == b.digest && a.writes == b.writes)
        #expect(a.digest != c.digest)
    }
}
