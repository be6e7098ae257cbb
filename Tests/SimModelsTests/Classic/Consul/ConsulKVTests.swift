// One Consul server through the engine: the KV endpoints, check-and-set, and sessions with a
// TTL (hashicorp/consul `state_store.go`, `session_ttl.go`).

import Testing
@testable import SimModels
import SimEngine

@Suite("Consul: KV and sessions on one server")
struct ConsulKVTests {
    private func started(seed: UInt64 = 1) -> ConsulTestCluster {
        let cluster = ConsulTestCluster(seed: seed, servers: 1)
        #expect(cluster.awaitLeader() != nil)
        return cluster
    }

    private func put(_ key: String, _ value: String, _ mode: ConsulPutMode = .plain, on cluster: ConsulTestCluster,
                     via client: ConsulHTTPClient) -> ConsulResponse? {
        cluster.call(.kvPut(ConsulKVPair(key: key, value: value), mode), via: client)?.value.response
    }

    @Test("put, get and list carry Consul's indexes; a missing key is a 404")
    func putGetList() {
        let cluster = started()
        let client = cluster.client(to: "c1")
        #expect(put("docker/swarm/nodes/a", "10.0.0.1:2375", on: cluster, via: client)?.boolValue == true)
        #expect(put("docker/swarm/nodes/b", "10.0.0.2:2375", on: cluster, via: client)?.boolValue == true)
        #expect(put("docker/swarm/nodes/a", "10.0.0.9:2375", on: cluster, via: client)?.boolValue == true)
        let got = cluster.call(.kvGet(key: "docker/swarm/nodes/a", ConsulQueryOptions()), via: client)?.value.response
        let pair = got?.pairs.first
        #expect(got?.status == 200 && pair?.value == "10.0.0.9:2375")
        #expect(pair.map { $0.createIndex < $0.modifyIndex } == true)
        #expect(got?.index == pair?.modifyIndex)
        let listed = cluster.call(.kvList(prefix: "docker/swarm/nodes/", ConsulQueryOptions()), via: client)?.value.response
        #expect(listed?.pairs.map(\.key) == ["docker/swarm/nodes/a", "docker/swarm/nodes/b"])
        let missing = cluster.call(.kvGet(key: "nope", ConsulQueryOptions()), via: client)?.value.response
        #expect(missing?.status == 404)
    }

    @Test("check-and-set writes only at the key's ModifyIndex; 0 only creates")
    func checkAndSet() {
        let cluster = started()
        let client = cluster.client(to: "c1")
        #expect(put("k", "1", .checkAndSet(index: 0), on: cluster, via: client)?.boolValue == true)
        #expect(put("k", "2", .checkAndSet(index: 0), on: cluster, via: client)?.boolValue == false)
        let index = cluster.call(.kvGet(key: "k", ConsulQueryOptions()), via: client)!.value.response!.pairs[0].modifyIndex
        #expect(put("k", "3", .checkAndSet(index: index + 1), on: cluster, via: client)?.boolValue == false)
        #expect(put("k", "4", .checkAndSet(index: index), on: cluster, via: client)?.boolValue == true)
        #expect(put("k", "5", .checkAndSet(index: index), on: cluster, via: client)?.boolValue == false)
        #expect(cluster.server("c1")?.store.kv["k"]?.value == "4")
    }

    @Test("a session with TTL 10s not renewed is destroyed 2×TTL later, its lock released")
    func sessionExpires() {
        let cluster = started()
        let client = cluster.client(to: "c1")
        guard let created = cluster.call(.sessionCreate(ttl: .seconds(10), lockDelay: nil, behavior: .release), via: client),
              let id = created.value.response?.sessionID else {
            Issue.record("no session")
            return
        }
        #expect(put("lock", "me", .acquire(session: id), on: cluster, via: client)?.boolValue == true)
        #expect(cluster.server("c1")?.store.kv["lock"]?.session == id)
        let server = cluster.server("c1")!
        let gone = cluster.run(until: { server.store.sessions[id] == nil }, within: .seconds(60))
        let lifetime = gone.map { $0 - created.at }
        #expect(lifetime.map { $0 >= .seconds(20) && $0 <= .milliseconds(20_100) } == true, "lived \(String(describing: lifetime))")
        #expect(server.store.kv["lock"]?.session == nil)
        #expect(server.store.kv["lock"]?.value == "me")
    }

    @Test("a renewed session lives; 2×TTL after the last renewal it expires")
    func renewedSessionLives() {
        let cluster = started()
        let client = cluster.client(to: "c1")
        let id = cluster.call(.sessionCreate(ttl: .seconds(10), lockDelay: nil, behavior: .release), via: client)!.value.response!.sessionID!
        let server = cluster.server("c1")!
        var lastRenewal = cluster.simulation.now
        for _ in 0..<12 {
            cluster.simulation.run(for: .seconds(5))
            let renewed = cluster.call(.sessionRenew(id: id), via: client)
            #expect(renewed?.value.response?.status == 200)
            lastRenewal = renewed!.at
        }
        #expect(server.store.sessions[id] != nil)
        let gone = cluster.run(until: { server.store.sessions[id] == nil }, within: .seconds(60))
        let afterRenewal = gone.map { $0 - lastRenewal }
        #expect(afterRenewal.map { $0 >= .seconds(20) && $0 <= .milliseconds(20_100) } == true)
        let late = cluster.call(.sessionRenew(id: id), via: client)?.value.response
        #expect(late?.status == 404 && late?.errorText == "Session id '\(id)' not found")
    }

    @Test("a session TTL outside [10s, max] is refused with Consul's text")
    func sessionTTLBounds() {
        let cluster = started()
        let client = cluster.client(to: "c1")
        let short = cluster.call(.sessionCreate(ttl: .milliseconds(7500), lockDelay: nil, behavior: .release), via: client)
        #expect(short?.value.response?.errorText == "Invalid Session TTL '7500000000', must be between [10s=1h0m0s]")
    }
}
