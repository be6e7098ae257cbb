import Testing
@testable import SimModels
import SimEngine

/// `docker swarm join-token` and `docker swarm join --token`, through the engine: the CA on the
/// leader gives a joining node the role of its token and refuses any other token at once.
@Suite struct MembershipTokenTests {
    private func join(_ swarm: EngineHarness, _ name: String, token: String, availability: NodeAvailability = .active)
        -> (Result<NodeRole, SwarmNodeError>, SimDuration)? {
        var outcome: Result<NodeRole, SwarmNodeError>?
        let start = swarm.simulation.now
        swarm.node(name)?.join(token: token, availability: availability, via: swarm.host("m1").id) { outcome = $0 }
        let deadline = start + .seconds(30)
        while outcome == nil && swarm.simulation.now < deadline { swarm.simulation.run(for: .milliseconds(10)) }
        return outcome.map { ($0, swarm.simulation.now - start) }
    }

    private func token(_ swarm: EngineHarness, _ role: NodeRole) throws -> String {
        let reply = try #require(swarm.docker(.joinToken(role: role, rotate: false, quiet: true), via: "m1"))
        #expect(reply.error == nil)
        return reply.output
    }

    @Test func theTokenDecidesTheRole() throws {
        let swarm = EngineHarness(seed: 81, managers: 1, workers: 0, spares: ["a", "b"])
        let manager = try token(swarm, .manager), worker = try token(swarm, .worker)
        #expect(manager != worker && manager.hasPrefix("SWMTKN-1-") && worker.hasPrefix("SWMTKN-1-"))
        #expect(try #require(join(swarm, "a", token: manager)).0 == .success(.manager))
        #expect(try #require(join(swarm, "b", token: worker)).0 == .success(.worker))
        swarm.run(for: .seconds(5))
        #expect(swarm.raftMembers == ["a", "m1"])
        #expect(swarm.nodeObject("b")?.role == .worker)
    }

    @Test func aWrongTokenIsRefusedAtOnceWithDockersText() throws {
        let swarm = EngineHarness(seed: 82, managers: 1, workers: 0, spares: ["a"])
        let worker = try #require(JoinToken(parsing: try token(swarm, .worker)))
        let wrongSecret = JoinToken(digest: worker.digest, secret: String(repeating: "z", count: 25))
        let (refused, took) = try #require(join(swarm, "a", token: wrongSecret.description))
        #expect(refused == .failure(.refused("rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster")))
        #expect(took < .seconds(1), "no retries until the join timeout")
        let wrongCA = JoinToken(digest: String(repeating: "1", count: 50), secret: worker.secret)
        let (mismatch, _) = try #require(join(swarm, "a", token: wrongCA.description))
        #expect(mismatch == .failure(.refused("remote CA does not match fingerprint. Expected: \(wrongCA.digestHex)")))
        let (malformed, instant) = try #require(join(swarm, "a", token: "worker"))
        #expect(malformed == .failure(.refused("invalid join token")) && instant == .zero)
        #expect(swarm.nodeObject("a") == nil)
    }

    @Test func rotatingATokenRetiresTheOldOne() throws {
        let swarm = EngineHarness(seed: 83, managers: 1, workers: 0, spares: ["a", "b"])
        let old = try token(swarm, .worker)
        let rotated = try #require(swarm.docker(.joinToken(role: .worker, rotate: true, quiet: false), via: "m1"))
        let new = try token(swarm, .worker)
        #expect(new != old)
        #expect(JoinToken(parsing: new)?.digest == JoinToken(parsing: old)?.digest, "the same CA")
        #expect(rotated.output == """
            Successfully rotated worker join token.

            To add a worker to this swarm, run the following command:

                docker swarm join --token \(new) m1:2377
            """)
        #expect(try #require(join(swarm, "a", token: old)).0
                == .failure(.refused("rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster")))
        #expect(try #require(join(swarm, "b", token: new)).0 == .success(.worker))
    }

    @Test func joinTokenPrintsDockersInstructions() throws {
        let swarm = EngineHarness(seed: 84, managers: 1, workers: 1)
        let token = try token(swarm, .manager)
        let reply = try #require(swarm.docker(.joinToken(role: .manager, rotate: false, quiet: false), via: "m1"))
        #expect(reply.output == "To add a manager to this swarm, run the following command:\n\n    docker swarm join --token \(token) m1:2377")
        let onWorker = try #require(swarm.docker(.joinToken(role: .worker, rotate: false, quiet: true), via: "w1"))
        #expect(onWorker.error == SwarmNode.workerMessage)
    }

    @Test func swarmInitPrintsTheWorkerJoinCommand() throws {
        let swarm = EngineHarness(seed: 85, managers: 1, workers: 0)
        let m1 = try #require(swarm.node("m1"))
        let worker = try token(swarm, .worker)
        #expect(m1.swarmInitOutput == """
            Swarm initialized: current node (\(m1.identity!.nodeID)) is now a manager.

            To add a worker to this swarm, run the following command:

                docker swarm join --token \(worker) m1:2377

            To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.
            """)
    }

    @Test func aNodeJoinsDrainedWithAvailabilityDrain() throws {
        let swarm = EngineHarness(seed: 86, managers: 1, workers: 0, spares: ["a"])
        #expect(try #require(join(swarm, "a", token: try token(swarm, .worker), availability: .drain)).0 == .success(.worker))
        swarm.run(for: .seconds(2))
        #expect(swarm.nodeObject("a")?.spec.availability == .drain)
    }
}
