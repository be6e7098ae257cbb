import Testing
import SimEngine
@testable import SimModels

/// NetworkDB on real swarm nodes (`SwarmNode.startNetworkDB`): gossip and the control plane
/// are separate, as on Docker (NETWORK_FACTS.md §3.3, #32841).
@Suite struct SwarmGossipTests {
    @Test func blockingGossipFailsTheNodeWhileSwarmKeepsItReady() throws {
        let swarm = EngineHarness(seed: 3, managers: 3, workers: 2)
        let names = ["m1", "m2", "m3", "w1", "w2"]
        for name in names { swarm.node(name)?.startNetworkDB() }
        swarm.run(for: .seconds(5))
        for name in names { swarm.node(name)?.networkDB?.joinNetwork("ingress") }
        let w1 = swarm.host("w1").id
        swarm.node("w1")?.networkDB?.createEntry(table: "endpoint_table", network: "ingress", key: "web.1",
                                                 value: "10.0.0.5")
        swarm.run(for: .seconds(5))
        let others = ["m1", "m2", "m3", "w2"]
        let held = others.map { swarm.node($0)?.networkDB?.table("endpoint_table", network: "ingress").count ?? 0 }
        #expect(held == [1, 1, 1, 1])

        swarm.simulation.network.deny(7946, on: w1)
        swarm.run(for: .seconds(15))
        for name in others {
            #expect(swarm.node(name)?.networkDB?.status(of: w1) == .failed, "\(name)")
            #expect(swarm.node(name)?.networkDB?.table("endpoint_table", network: "ingress").isEmpty == true, "\(name)")
        }
        // 2377 is open: the dispatcher still hears w1's heartbeats.
        #expect(swarm.nodeObject("w1")?.status.state == .ready)
        #expect(swarm.host("w1").isUp)
    }

    @Test func nothingStartsGossipByDefault() {
        let swarm = EngineHarness(seed: 3, managers: 1, workers: 1)
        swarm.run(for: .seconds(60))
        #expect(swarm.node("m1")?.networkDB == nil)
        #expect(swarm.node("w1")?.networkDB == nil)
    }
}
