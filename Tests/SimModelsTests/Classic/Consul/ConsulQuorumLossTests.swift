// Quorum loss (2 of 3 servers crashed): the lone leader steps down within its lease
// (hashicorp/raft `checkLeaderLease`); writes and consistent reads fail with Consul's texts.

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: quorum loss")
struct ConsulQuorumLossTests {
    @Test("the old leader steps down within its lease; writes and consistent reads fail", arguments: ConsulVersion.allCases)
    func quorumLoss(version: ConsulVersion) {
        let cluster = ConsulTestCluster(seed: 13, servers: 3, version: version)
        let timings = cluster.timings
        #expect(cluster.awaitLeader(within: .seconds(60)) != nil)
        let leaderName = cluster.leader!
        let leader = cluster.server(leaderName)!
        let client = cluster.client(to: leaderName, timeout: .seconds(30))
        #expect(cluster.call(.kvPut(ConsulKVPair(key: "k", value: "1"), .plain), via: client)?.value.response?.boolValue == true)
        for name in cluster.serverNames where name != leaderName { cluster.crash(name) }
        let crashed = cluster.simulation.now
        // A write made now cannot commit: it fails when the leader steps down.
        var pending: (ConsulResponse?, SimInstant)?
        client.call(.kvPut(ConsulKVPair(key: "k", value: "2"), .plain)) { result in pending = (result.response, cluster.simulation.now) }
        let steppedDown = cluster.run(until: { !leader.isLeader }, within: .seconds(30))
        let within = steppedDown.map { $0 - crashed }
        // The last contact was at most a heartbeat (T/10) before the crash; the leader steps
        // down once a whole lease passed without a quorum, checked every tick.
        #expect(within.map { $0 <= timings.leaderLease + timings.tickInterval * 2 } == true, "stepped down after \(String(describing: within))")
        #expect(within.map { $0 >= timings.leaderLease - timings.tickInterval } == true, "stepped down after \(String(describing: within))")
        cluster.run(until: { pending != nil }, within: .seconds(1))
        #expect(pending?.0?.status == 500 && pending?.0?.errorText == "leadership lost while committing log")
        // Now the server knows no leader (0.7 holds the call for RPCHoldTimeout first).
        let write = cluster.call(.kvPut(ConsulKVPair(key: "k", value: "3"), .plain), via: client)
        #expect(write?.value.response?.status == 500 && write?.value.response?.errorText == "No cluster leader")
        let asked = cluster.simulation.now
        let read = cluster.call(.kvGet(key: "k", ConsulQueryOptions(consistency: .consistent)), via: client)
        #expect(read?.value.response?.errorText == "No cluster leader")
        // Consul 0.7 holds an RPC up to `RPCHoldTimeout` (7 s) waiting for a leader; 0.6 fails at once.
        let hold: SimDuration = version == .v0_7 ? .seconds(7) : .zero
        let held = read.map { $0.at - asked }
        #expect(held.map { $0 >= hold && $0 < hold + .seconds(1) } == true, "held \(String(describing: held))")
        // A stale read is still served from the server's own state.
        let stale = cluster.call(.kvGet(key: "k", ConsulQueryOptions(consistency: .stale)), via: client)
        #expect(stale?.value.response?.pairs.first?.value == "1")
    }
}
