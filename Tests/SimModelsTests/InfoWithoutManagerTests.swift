import Testing
@testable import SimModels
import SimEngine

/// `docker info` on an engine that runs no manager: dockerd's own answer (seed 002's worker
/// shows `Swarm: active`, its NodeID and `Is Manager: false`), not the control API's refusal.
@Suite struct InfoWithoutManagerTests {
    @Test func aWorkerPrintsItsNodeAndTheManagersItKnows() throws {
        let swarm = EngineHarness(seed: 91, managers: 3, workers: 1)
        let reply = try #require(swarm.docker(.info, via: "w1"))
        let id = try #require(swarm.nodeObject("w1")?.id)
        #expect(reply.error == nil)
        #expect(reply.output == """
             Swarm: active
              NodeID: \(id)
              Is Manager: false
              Node Address: w1
              Manager Addresses:
               m1:2377
               m2:2377
               m3:2377
            """)
    }

    @Test func aNodeOutsideTheSwarmIsInactive() throws {
        let swarm = EngineHarness(seed: 92, managers: 1, workers: 1, spares: ["spare"])
        #expect(try #require(swarm.docker(.info, via: "spare")).output == " Swarm: inactive")
        _ = swarm.leave("w1", force: false)
        let left = try #require(swarm.docker(.info, via: "w1"))
        #expect(left.error == nil && left.output == " Swarm: inactive")
        // Other commands still need a manager.
        #expect(try #require(swarm.docker(.nodeList(), via: "spare")).error == SwarmNode.notInSwarmMessage)
    }

    @Test func aManagerListsManagerAddressesWithThePort() throws {
        let swarm = EngineHarness(seed: 93, managers: 1, workers: 0)
        let output = try #require(swarm.docker(.info, via: "m1")).output
        #expect(output.contains("  Is Manager: true"))
        #expect(output.hasSuffix("  Node Address: m1\n  Manager Addresses:\n   m1:2377"))
    }
}
