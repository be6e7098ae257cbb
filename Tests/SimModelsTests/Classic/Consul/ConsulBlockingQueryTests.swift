// Blocking queries (hashicorp/consul `consul/rpc.go` `blockingRPC`): a read with an index
// returns when the data moves past it, or after its wait plus up to wait/16.

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: blocking queries")
struct ConsulBlockingQueryTests {
    private func prepared(seed: UInt64) -> (ConsulTestCluster, ConsulHTTPClient, UInt64) {
        let cluster = ConsulTestCluster(seed: seed, servers: 1)
        #expect(cluster.awaitLeader() != nil)
        let client = cluster.client(to: "c1")
        _ = cluster.call(.kvPut(ConsulKVPair(key: "nodes/a", value: "1"), .plain), via: client)
        let index = cluster.call(.kvList(prefix: "nodes/", ConsulQueryOptions()), via: client)!.value.response!.index
        return (cluster, client, index)
    }

    @Test("a blocking list returns when a key under its prefix changes")
    func returnsOnChange() {
        let (cluster, client, index) = prepared(seed: 5)
        var answer: (response: ConsulResponse?, at: SimInstant)?
        let asked = cluster.simulation.now
        client.call(.kvList(prefix: "nodes/", ConsulQueryOptions(waitIndex: index, waitTime: .seconds(60)))) { result in
            answer = (result.response, cluster.simulation.now)
        }
        cluster.simulation.run(for: .seconds(3))
        #expect(answer == nil)
        // A write elsewhere does not wake it.
        let other = cluster.client(to: "c1")
        _ = cluster.call(.kvPut(ConsulKVPair(key: "other/x", value: "1"), .plain), via: other)
        cluster.simulation.run(for: .seconds(2))
        #expect(answer == nil)
        let wrote = cluster.call(.kvPut(ConsulKVPair(key: "nodes/b", value: "2"), .plain), via: other)!
        cluster.run(until: { answer != nil }, within: .seconds(1))
        #expect(answer?.response?.pairs.map(\.key) == ["nodes/a", "nodes/b"])
        #expect(answer.map { $0.response!.index > index && $0.at - wrote.at < .milliseconds(10) } == true)
        #expect(answer.map { $0.at - asked >= .seconds(5) } == true)
    }

    @Test("the wait is measured: [wait, wait × 17/16) plus the round trip; default 5 min")
    func waitBounds() {
        var waits: [SimDuration] = []
        for seed in 1...5 as ClosedRange<UInt64> {
            let (cluster, client, index) = prepared(seed: seed)
            let start = cluster.simulation.now
            let answered = cluster.call(.kvList(prefix: "nodes/", ConsulQueryOptions(waitIndex: index, waitTime: .seconds(16))), via: client)!
            let took = answered.at - start
            #expect(took >= .seconds(16) && took < .seconds(17) + .milliseconds(10), "took \(took)")
            waits.append(took)
            let start2 = cluster.simulation.now
            let defaulted = cluster.call(.kvGet(key: "nodes/a", ConsulQueryOptions(waitIndex: index)), via: client)!
            let took2 = defaulted.at - start2
            #expect(took2 >= .minutes(5) && took2 < .seconds(300 + 300 / 16) + .milliseconds(10), "took \(took2)")
        }
        // A longer wait is cut to 10 min (plus its jitter, up to 10/16 min).
        let (cluster, client, index) = prepared(seed: 9)
        let start = cluster.simulation.now
        let capped = cluster.call(.kvList(prefix: "nodes/", ConsulQueryOptions(waitIndex: index, waitTime: .minutes(20))), via: client,
                                  within: .minutes(30))!
        #expect(capped.at - start >= .minutes(10) && capped.at - start < .seconds(600 + 600 / 16) + .milliseconds(10))
        // The jitter spreads the wake-ups (more than the network's sub-millisecond jitter).
        #expect(waits.max()! - waits.min()! > .milliseconds(100))
    }
}
