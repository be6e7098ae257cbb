// The libkv-like client over the network: ephemeral keys (`Put` with a TTL), `WatchTree`,
// and `NewLock` with its session renewal and lock monitor (docker/libkv
// `store/consul/consul.go`, hashicorp/consul `api/lock.go`, `api/session.go`).

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: the libkv client")
struct ConsulClientTests {
    @Test("Put with a TTL binds the key to a session: renewed by each Put, deleted ttl after the last one")
    func ephemeralKey() {
        let cluster = ConsulTestCluster(seed: 21, servers: 1)
        #expect(cluster.awaitLeader() != nil)
        let kv = cluster.kv(to: "c1")
        let key = "docker/swarm/nodes/10.0.0.1:2375"
        let server = cluster.server("c1")!
        var lastPut = cluster.simulation.now
        // swarm join: --heartbeat 20s, --ttl 60s (session TTL 30 s, expiry 60 s after the last renewal).
        for _ in 0..<5 {
            let put = cluster.wait { done in kv.put(key, value: "10.0.0.1:2375", ttl: .seconds(60), completion: done) }
            #expect((try? put?.value.get()) != nil)
            lastPut = put!.at
            #expect(server.store.kv[key]?.session != nil)
            cluster.simulation.run(for: .seconds(20))
        }
        #expect(server.store.sessions.count == 1)
        #expect(server.store.sessions.values.first?.ttl == .seconds(30))
        #expect(server.store.sessions.values.first?.behavior == .delete)
        let gone = cluster.run(until: { server.store.kv[key] == nil }, within: .seconds(120))
        let after = gone.map { $0 - lastPut }
        #expect(after.map { $0 >= .seconds(60) && $0 <= .milliseconds(60_100) } == true, "deleted \(String(describing: after)) after the last Put")
    }

    @Test("WatchTree reports the initial list and each change, not the wait's empty returns; it ends on an error")
    func watchTree() {
        let cluster = ConsulTestCluster(seed: 22, servers: 1)
        #expect(cluster.awaitLeader() != nil)
        let writer = cluster.kv(to: "c1")
        _ = cluster.wait { done in writer.put("nodes/a", value: "a", completion: done) }
        var seen: [(SimInstant, [String])] = []
        var ended: ConsulStoreError?
        let watch = ConsulWatch(.tree(prefix: "nodes/"), client: cluster.client(to: "c1"),
                                onChange: { pairs in seen.append((cluster.simulation.now, pairs.map(\.key))) },
                                onEnd: { ended = $0 })
        cluster.simulation.run(for: .seconds(40))  // two 15 s waits pass without a change
        #expect(seen.map(\.1) == [["nodes/a"]])
        let wrote = cluster.wait { done in writer.put("nodes/b", value: "b", completion: done) }!
        cluster.simulation.run(for: .seconds(1))
        #expect(seen.map(\.1) == [["nodes/a"], ["nodes/a", "nodes/b"]])
        #expect(seen.last.map { $0.0 - wrote.at < .milliseconds(10) } == true)
        cluster.crash("c1")
        cluster.simulation.run(for: .seconds(40))
        #expect(ended == .client(.timeout))
        watch.stop()
    }

    @Test("a lock is held while its session is renewed; a holder that dies loses it to the waiter after 2×TTL + lock-delay")
    func lockFailover() {
        let cluster = ConsulTestCluster(seed: 23, servers: 1)
        #expect(cluster.awaitLeader() != nil)
        // Two candidates on the docker/swarm/leader key, each on its own host connection:
        // classic Swarm 1.1.3 (consul api's own 15 s session, server lock-delay 15 s).
        let firstClient = cluster.client(to: "c1")
        let first = ConsulLock(key: "docker/swarm/leader", value: "m1", options: .consulAPIDefault, client: firstClient)
        let second = ConsulLock(key: "docker/swarm/leader", value: "m2", options: .consulAPIDefault, client: cluster.client(to: "c1"))
        var events: [(SimInstant, String)] = []
        first.lock(onAcquired: { events.append((cluster.simulation.now, "m1 acquired")) },
                   onLost: { events.append((cluster.simulation.now, "m1 lost")) }, onError: { _ in })
        cluster.simulation.run(for: .seconds(1))
        second.lock(onAcquired: { events.append((cluster.simulation.now, "m2 acquired")) },
                    onLost: { events.append((cluster.simulation.now, "m2 lost")) }, onError: { _ in })
        cluster.simulation.run(for: .seconds(120))
        #expect(events.map(\.1) == ["m1 acquired"])
        // m1's renewals stop (its process dies): its session expires 30 s after the last renewal.
        let server = cluster.server("c1")!
        let session = first.session!
        firstClient.stop()  // the process dies: no release, no more renewals
        let stopped = cluster.simulation.now
        let expired = cluster.run(until: { server.store.sessions[session] == nil }, within: .seconds(60))!
        cluster.run(until: { events.count > 1 }, within: .seconds(60))
        #expect(events.map(\.1) == ["m1 acquired", "m2 acquired"])
        // The last renewal was up to 7.5 s before the stop; then 15 s lock-delay, and m2
        // retries every 5 s (or wakes from its blocking read).
        #expect(expired - stopped <= .seconds(30) && expired - stopped >= .milliseconds(22_400))
        let takeover = events.last!.0 - expired
        #expect(takeover >= .seconds(15) && takeover <= .seconds(20) + .milliseconds(100), "took over \(takeover) after expiry")
    }
}
