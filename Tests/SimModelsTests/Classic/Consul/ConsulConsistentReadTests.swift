// Consistent blocking reads (hashicorp/consul `consul/rpc.go` `blockingRPC`: `consistentRead`
// before every pass of the query).

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: consistent blocking reads")
struct ConsulConsistentBlockingTests {
    @Test("a consistent blocking read held by a deposed leader fails when it wakes")
    func deposedLeaderFailsConsistentWaiter() {
        let cluster = ConsulTestCluster(seed: 19, servers: 3)
        #expect(cluster.awaitLeader() != nil)
        let old = cluster.leader!
        let client = cluster.client(to: old)
        let index = cluster.call(.kvPut(ConsulKVPair(key: "lock", value: "1"), .plain), via: client).flatMap { _ in
            cluster.call(.kvGet(key: "lock", ConsulQueryOptions()), via: client)?.value.response?.index
        }!
        var answer: ConsulResponse?
        client.call(.kvGet(key: "lock", ConsulQueryOptions(consistency: .consistent, waitIndex: index))) { answer = $0.response }
        cluster.simulation.run(for: .seconds(1))
        // The others elect a new leader and change the key; the old one learns it on healing.
        let others = cluster.serverNames.filter { $0 != old }.map(cluster.hostID)
        cluster.simulation.network.partition([[cluster.hostID(old)], others + [cluster.hostID("app")]])
        cluster.run(until: { cluster.leader != nil && cluster.leader != old }, within: .seconds(10))
        let writer = cluster.client(to: cluster.leader!)
        #expect(cluster.call(.kvPut(ConsulKVPair(key: "lock", value: "2"), .plain), via: writer)?.value.response?.boolValue == true)
        #expect(answer == nil)
        cluster.simulation.network.heal()
        cluster.run(until: { answer != nil }, within: .seconds(10))
        #expect(answer?.status == 500 && answer?.errorText == "node is not the leader")
    }
}
