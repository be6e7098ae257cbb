// Lock-delay (hashicorp/consul `state_store.go` `deleteSessionTxn`, `kvs_endpoint.go` Apply):
// a lock taken away by a session's invalidation cannot be acquired for the session's
// lock-delay (15 s by default); a lock released cleanly can be taken at once.

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: lock-delay")
struct ConsulLockDelayTests {
    /// Creates two sessions (TTL 10 s, default lock-delay) and lets the first acquire `key`.
    private func holder(_ cluster: ConsulTestCluster, _ client: ConsulHTTPClient) -> (first: String, second: String) {
        #expect(cluster.awaitLeader() != nil)
        let create = ConsulRequest.sessionCreate(ttl: .seconds(10), lockDelay: nil, behavior: .release)
        let first = cluster.call(create, via: client)!.value.response!.sessionID!
        let second = cluster.call(create, via: client)!.value.response!.sessionID!
        let acquired = cluster.call(.kvPut(ConsulKVPair(key: "key", value: "1"), .acquire(session: first)), via: client)
        #expect(acquired?.value.response?.boolValue == true)
        return (first, second)
    }

    /// Tries to acquire `key` with `session` every 100 ms (renewing it meanwhile); the time it got it.
    private func acquireLoop(_ cluster: ConsulTestCluster, _ client: ConsulHTTPClient, session: String) -> SimInstant? {
        for attempt in 0..<400 {
            if attempt % 50 == 0 { _ = cluster.call(.sessionRenew(id: session), via: client) }
            let answer = cluster.call(.kvPut(ConsulKVPair(key: "key", value: "2"), .acquire(session: session)), via: client)
            if answer?.value.response?.boolValue == true { return answer!.at }
            cluster.simulation.run(for: .milliseconds(100))
        }
        return nil
    }

    @Test("after the holder's session is invalidated, the lock stays unavailable for 15s")
    func delayAfterInvalidation() {
        let cluster = ConsulTestCluster(seed: 3, servers: 1)
        let client = cluster.client(to: "c1")
        let (first, second) = holder(cluster, client)
        let destroyed = cluster.call(.sessionDestroy(id: first), via: client)!
        #expect(cluster.server("c1")?.store.kv["key"]?.session == nil)
        let acquired = acquireLoop(cluster, client, session: second)
        let wait = acquired.map { $0 - destroyed.at }
        #expect(wait.map { $0 >= .seconds(15) && $0 <= .milliseconds(15_200) } == true, "waited \(String(describing: wait))")
    }

    @Test("after a clean release, another session acquires at once")
    func noDelayAfterRelease() {
        let cluster = ConsulTestCluster(seed: 3, servers: 1)
        let client = cluster.client(to: "c1")
        let (first, second) = holder(cluster, client)
        let released = cluster.call(.kvPut(ConsulKVPair(key: "key", value: "1"), .release(session: first)), via: client)!
        #expect(released.value.response?.boolValue == true)
        let acquired = acquireLoop(cluster, client, session: second)
        #expect(acquired.map { $0 - released.at < .milliseconds(50) } == true)
    }

    @Test("a session's own lock-delay (1ms, libkv's) barely delays")
    func shortLockDelay() {
        let cluster = ConsulTestCluster(seed: 3, servers: 1)
        let client = cluster.client(to: "c1")
        #expect(cluster.awaitLeader() != nil)
        let first = cluster.call(.sessionCreate(ttl: .seconds(10), lockDelay: .milliseconds(1), behavior: .release), via: client)!.value.response!.sessionID!
        let second = cluster.call(.sessionCreate(ttl: .seconds(10), lockDelay: nil, behavior: .release), via: client)!.value.response!.sessionID!
        #expect(cluster.call(.kvPut(ConsulKVPair(key: "key", value: "1"), .acquire(session: first)), via: client)?.value.response?.boolValue == true)
        let destroyed = cluster.call(.sessionDestroy(id: first), via: client)!
        let acquired = acquireLoop(cluster, client, session: second)
        #expect(acquired.map { $0 - destroyed.at < .milliseconds(50) } == true)
    }
}
