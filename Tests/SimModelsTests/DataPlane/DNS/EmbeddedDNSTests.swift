import Testing
import SimEngine
@testable import SimModels

/// The embedded DNS of each node, answering containers from the entries gossip brought
/// (NETWORK_FACTS §2), and calls between services by name.
@Suite struct EmbeddedDNSTests {
    /// `front` (10.0.1.0/24), `web` (replicas, `mode`) and `api` (1 replica) on it, and
    /// `lonely` on no network; the data plane on.
    static func swarm(seed: UInt64, replicas: Int = 3, mode: EndpointSpec.Mode = .vip) -> (EngineHarness, TrafficHost, RequestLog) {
        let swarm = EngineHarness(seed: seed, managers: 1, workers: 3)
        swarm.cluster.startDataPlane()
        let traffic = swarm.cluster.addTrafficHost()
        let log = RequestLog()
        traffic.observer = log
        #expect(swarm.docker(.networkCreate(NetworkCreateRequest(name: "front")), via: "m1")?.error == nil)
        for (name, count) in [("web", replicas), ("api", 1)] {
            swarm.createService(name, replicas: count) { spec in
                spec.networks = ["front"]
                spec.task.placement.constraints = ["node.role == worker"]
                if name == "web" { spec.endpoint.mode = mode }
            }
        }
        swarm.createService("lonely", replicas: 1)
        // Tasks starting together join `front` together: a node may drop a peer's entry that
        // came before it knew the peer was on the network (libnetwork `handleTableEvent`), and
        // gets it at the next bulk sync, within 30 s.
        swarm.run(for: .seconds(45))
        return (swarm, traffic, log)
    }

    static func nslookup(_ swarm: EngineHarness, _ name: String, from task: String) -> [String] {
        let plane = swarm.cluster.liveNodes.compactMap(\.dataPlane).first { $0.localTaskNames.contains(task) }
        return plane?.nslookup(name, fromTask: task) ?? []
    }

    static func scale(_ swarm: EngineHarness, _ replicas: Int) {
        var request = ServiceUpdateRequest(service: "web")
        request.replicas = replicas
        #expect(swarm.docker(.serviceUpdate(request), via: "m1")?.error == nil)
        swarm.run(for: .seconds(45))
    }

    @Test func tasksNameFollowsScaleAndTheServiceNameIsItsVIP() {
        let (swarm, _, _) = Self.swarm(seed: 41)
        let vip = Self.nslookup(swarm, "web", from: "api.1")
        #expect(vip.count == 1 && vip[0].hasPrefix("10.0.1."), "\(vip)")
        #expect(Self.nslookup(swarm, "tasks.web", from: "api.1").count == 3)
        Self.scale(swarm, 5)
        let five = Self.nslookup(swarm, "tasks.web", from: "api.1")
        #expect(five.count == 5 && Set(five).count == 5 && !five.contains(vip[0]), "\(five)")
        Self.scale(swarm, 1)
        #expect(Self.nslookup(swarm, "tasks.web", from: "api.1").count == 1)
        #expect(Self.nslookup(swarm, "web", from: "api.1") == vip, "the VIP stays while a backend is left")
        // Ingress has no DNS, and `lonely` shares no network with web.
        #expect(Self.nslookup(swarm, "web", from: "lonely.1").isEmpty)
    }

    @Test func dnsrrAnswersTheTaskAddressesShuffled() {
        let (swarm, _, _) = Self.swarm(seed: 42, mode: .dnsrr)
        var orders: Set<[String]> = []
        for _ in 0..<20 { orders.insert(Self.nslookup(swarm, "web", from: "api.1")) }
        #expect(orders.allSatisfy { $0.count == 3 })
        #expect(orders.count > 1, "shuffled on each query")
        #expect(Set(orders.first ?? []) == Set(Self.nslookup(swarm, "tasks.web", from: "api.1")))
    }

    @Test func callsBetweenServicesResolveOnTheCallersNode() {
        let (swarm, traffic, log) = Self.swarm(seed: 43)
        let start = swarm.simulation.now
        traffic.add(TrafficClient(name: "calls", source: .service("api", calling: "web"), port: 80, rate: 10, start: start))
        traffic.add(TrafficClient(name: "nope", source: .service("api", calling: "nope"), port: 80, rate: 2, start: start))
        traffic.add(TrafficClient(name: "lonely", source: .service("lonely", calling: "web"), port: 80, rate: 2, start: start))
        swarm.run(for: .seconds(3))
        let calls = log.of("calls")
        #expect(calls.count >= 29 && calls.allSatisfy { $0.outcome == .ok })
        #expect(Set(calls.compactMap(\.task)) == ["web.1", "web.2", "web.3"])
        #expect(!log.of("nope").isEmpty && log.of("nope").allSatisfy { $0.outcome == .unresolved })
        #expect(!log.of("lonely").isEmpty && log.of("lonely").allSatisfy { $0.outcome == .unresolved })
    }
}

/// `docker exec TASK ping`: the VIP answers from the caller's own node, a task address from
/// the task's node over VXLAN.
@Suite struct PingTests {
    @Test func pingReachesTheVIPAndTaskAddressesUnlessVXLANIsBlocked() throws {
        let (swarm, traffic, _) = EmbeddedDNSTests.swarm(seed: 44)
        func ping(_ name: String) -> PingResult? {
            var result: PingResult??
            traffic.ping(fromTask: "api.1", name: name, count: 3) { result = $0 }
            while result == nil { swarm.run(for: .milliseconds(100)) }
            return result!
        }
        let vip = try #require(ping("web"))
        #expect(vip.address?.hasPrefix("10.0.1.") == true && vip.replies.allSatisfy { $0 != nil })
        #expect(ping("nope") == PingResult(address: nil, replies: []))
        // A web task on another node than api.1's.
        let apiNode = try #require(swarm.cluster.liveNodes.first { $0.dataPlane?.localTaskNames.contains("api.1") == true })
        let other = try #require(swarm.cluster.liveNodes.first {
            $0 !== apiNode && $0.dataPlane?.localTaskNames.contains { $0.hasPrefix("web.") } == true
        })
        let task = try #require(other.dataPlane?.localTaskNames.first { $0.hasPrefix("web.") })
        let address = try #require(other.dataPlane?.localTasks.values.first { $0.name == task }?
            .serviceEndpoint?.attachments.first { $0.networkName == "front" }?.taskAddress)
        let reached = try #require(ping(address))
        #expect(reached.replies.allSatisfy { $0 != nil && $0! > .zero }, "\(reached)")
        swarm.simulation.network.deny(4789, .udp, on: other.host.id)
        let blocked = try #require(ping(address))
        #expect(blocked.replies == [nil, nil, nil])
    }
}
