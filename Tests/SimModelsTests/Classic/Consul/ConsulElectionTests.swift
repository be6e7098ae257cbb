// Three Consul servers: elections and failover with Consul 0.6's and 0.7's Raft timings
// (hashicorp/raft `runFollower`: campaign after [T, 2T) without contact; T = 1 s in 0.6,
// 5 s in 0.7 with `raft_multiplier` 5), writes through a follower, and a new leader re-arming
// every session's TTL timer (`leader.go` establishLeadership → `initializeSessionTimers`).

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: three servers")
struct ConsulElectionTests {
    /// The first leader's election time and, after crashing it, the next one's.
    static func electionTimes(seed: UInt64, version: ConsulVersion) -> (first: SimDuration?, failover: SimDuration?) {
        let cluster = ConsulTestCluster(seed: seed, servers: 3, version: version)
        guard let first = cluster.awaitLeader(within: .seconds(60)), let old = cluster.leader else { return (nil, nil) }
        cluster.simulation.run(for: .seconds(10))
        cluster.crash(old)
        let crashed = cluster.simulation.now
        let next = cluster.run(until: { cluster.leader != nil }, within: .seconds(120))
        return (first - .zero, next.map { $0 - crashed })
    }

    @Test("elections take [T, 2T) plus a vote round (a split vote adds rounds)", arguments: ConsulVersion.allCases)
    func electionTiming(version: ConsulVersion) {
        let t = ConsulTimings(version: version).heartbeatTimeout
        var firsts: [SimDuration] = [], failovers: [SimDuration] = []
        for seed in 1...20 as ClosedRange<UInt64> {
            let (first, failover) = Self.electionTimes(seed: seed, version: version)
            guard let first, let failover else {
                Issue.record("seed \(seed): no leader")
                continue
            }
            firsts.append(first)
            failovers.append(failover)
            // A follower campaigns on its 10th to 19th tick (of T/10) after its last contact or
            // its start, and ticks start at a random phase: [0.9T, 2T), plus a vote round trip.
            // The last heartbeat came up to a tenth of T before the crash.
            #expect(first >= t * 9 / 10 && first <= t * 4, "seed \(seed): first leader after \(first)")
            #expect(failover >= t * 8 / 10 && failover <= t * 4, "seed \(seed): failover took \(failover)")
        }
        // Most elections finish in the first round.
        #expect(failovers.filter { $0 < t * 2 + t / 10 }.count >= 15)
        print("Consul \(version.rawValue): first leader \(Self.summary(firsts)); failover \(Self.summary(failovers))")
    }

    static func summary(_ values: [SimDuration]) -> String {
        let sorted = values.sorted()
        guard let low = sorted.first, let high = sorted.last else { return "-" }
        return "min \(low) median \(sorted[sorted.count / 2]) max \(high) over \(sorted.count) seeds"
    }

    @Test("after the leader crashes, writes through a follower continue")
    func writesContinue() {
        let cluster = ConsulTestCluster(seed: 7, servers: 3)
        #expect(cluster.awaitLeader() != nil)
        let old = cluster.leader!
        let follower = cluster.serverNames.first { $0 != old }!
        let client = cluster.client(to: follower)
        #expect(cluster.call(.kvPut(ConsulKVPair(key: "a", value: "1"), .plain), via: client)?.value.response?.boolValue == true)
        cluster.crash(old)
        cluster.awaitLeader(within: .seconds(10))
        #expect(cluster.leader != nil && cluster.leader != old)
        #expect(cluster.call(.kvPut(ConsulKVPair(key: "b", value: "2"), .plain), via: client)?.value.response?.boolValue == true)
        let listed = cluster.call(.kvList(prefix: "", ConsulQueryOptions()), via: client)?.value.response
        #expect(listed?.pairs.map(\.value) == ["1", "2"])
    }

    @Test("a restarted server rebuilds the store from its disk and serves stale reads from it")
    func restartFromDisk() {
        let cluster = ConsulTestCluster(seed: 17, servers: 3)
        #expect(cluster.awaitLeader() != nil)
        let follower = cluster.serverNames.first { $0 != cluster.leader! }!
        let other = cluster.serverNames.first { $0 != cluster.leader! && $0 != follower }!
        let client = cluster.client(to: other)
        for index in 0..<5 {
            _ = cluster.call(.kvPut(ConsulKVPair(key: "k\(index)", value: "\(index)"), .plain), via: client)
        }
        cluster.simulation.run(for: .seconds(1))
        cluster.crash(follower)
        _ = cluster.call(.kvPut(ConsulKVPair(key: "k5", value: "5"), .plain), via: client)
        cluster.simulation.host(named: follower)!.boot()
        cluster.run(until: { cluster.server(follower)?.store.kv.count == 6 }, within: .seconds(10))
        let stale = cluster.call(.kvList(prefix: "k", ConsulQueryOptions(consistency: .stale)), via: cluster.client(to: follower))
        #expect(stale?.value.response?.pairs.map(\.value) == ["0", "1", "2", "3", "4", "5"])
    }

    @Test("a new leader re-arms every session timer: unrenewed ones expire 2×TTL after it takes over, renewed ones live", arguments: ConsulVersion.allCases)
    func sessionTimersRearmed(version: ConsulVersion) {
        let cluster = ConsulTestCluster(seed: 11, servers: 3, version: version)
        #expect(cluster.awaitLeader(within: .seconds(60)) != nil)
        let old = cluster.leader!
        let follower = cluster.serverNames.first { $0 != old }!
        let client = cluster.client(to: follower, timeout: .seconds(30))
        let create = ConsulRequest.sessionCreate(ttl: .seconds(10), lockDelay: nil, behavior: .release)
        let idle = cluster.call(create, via: client)!.value.response!.sessionID!
        let renewed = cluster.call(create, via: client)!.value.response!.sessionID!
        // 15 s into the idle session's 20 s timer, the leader dies with it.
        cluster.simulation.run(for: .seconds(15))
        cluster.crash(old)
        var lastRenewal = cluster.simulation.now
        var renewals = 0
        let newLeader = cluster.run(until: { cluster.leader.map { cluster.server($0)!.isEstablishedLeader } ?? false },
                                    within: .seconds(60))!
        let survivor = cluster.server(cluster.leader!)!
        // Keep renewing the second session every 5 s (a renewal may fail while there is no leader).
        var expired: SimInstant?
        while cluster.simulation.now < newLeader + .seconds(40) {
            if cluster.simulation.now - lastRenewal >= .seconds(5) {
                if cluster.call(.sessionRenew(id: renewed), via: client)?.value.response?.status == 200 { renewals += 1 }
                lastRenewal = cluster.simulation.now
            }
            cluster.simulation.run(for: .milliseconds(10))
            if expired == nil, survivor.store.sessions[idle] == nil { expired = cluster.simulation.now }
        }
        // Not at the old timer's end (crash + 5 s), but a full 2×TTL after the new leader took over.
        let after = expired.map { $0 - newLeader }
        #expect(after.map { $0 >= .seconds(20) && $0 <= .milliseconds(20_200) } == true, "idle session expired \(String(describing: after)) after the new leader")
        #expect(survivor.store.sessions[renewed] != nil)
        #expect(renewals >= 6)
    }
}
