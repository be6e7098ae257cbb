import Testing
@testable import Scenarios
import SimEngine

/// Join tokens from a timeline (seeds 001, 003, 004): `docker swarm init` and `docker swarm
/// join-token` print Docker's instructions with a `SWMTKN-1-` token, `--token worker|manager`
/// joins with the token printed at that instant, and a wrong token fails with Docker's text.
@Suite struct JoinTokenWalkthroughTests {
    private let source = """
        scenario: join tokens
        duration: 40s
        cluster: {managers: 1}
        nodes:
          a: {role: worker, joined: false}
          b: {role: worker, joined: false}
          c: {role: worker, joined: false}
        timeline:
          - at 5s: docker swarm join-token worker
          - at 6s: docker swarm join-token -q manager
          - at 7s: docker swarm join --token SWMTKN-1-00000000000000000000000000000000000000000000000000-0000000000000000000000000 m1:2377
            via: a
            expect: error "remote CA does not match fingerprint"
          - at 8s: docker swarm join --token not-a-token m1
            via: a
            expect: error "invalid join token"
          - at 9s: docker swarm join --token manager m1:2377
            via: a
            expect: ok
          - at 12s: docker swarm join-token --rotate worker
          - at 13s: docker swarm join --token worker --availability drain m1
            via: b
            expect: ok
        expect:
          - at end: node a is reachable
          - at end: node b is drain
          - at end: node b is ready
        """

    @Test func tokensJoinWithTheirRoleAndWrongOnesFailWithDockersText() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: 2))
        #expect(result.passed, "\(timeline)")
        #expect(timeline.contains("To add a worker to this swarm, run the following command:"))
        #expect(timeline.contains("    docker swarm join --token SWMTKN-1-"))
        #expect(timeline.contains("Successfully rotated worker join token."))
        #expect(timeline.contains("Error response from daemon: remote CA does not match fingerprint. Expected: " + String(repeating: "0", count: 64)))
        #expect(timeline.contains("Error response from daemon: invalid join token"))
        #expect(timeline.contains("This node joined a swarm as a manager."))
    }

    @Test func aKnownFormatTokenOfAnotherSecretIsRefusedByTheCA() throws {
        // The digest is this swarm's (taken from its own worker token), the secret is not.
        let (first, timeline) = try #require(ScenarioTestSupport.run(source, seed: 2))
        #expect(first.passed)
        let line = try #require(timeline.split(separator: "\n").first { $0.hasSuffix("m1:2377") && $0.contains("    docker swarm join --token SWMTKN-1-") && !$0.contains("$") })
        let token = try #require(line.split(separator: " ").first { $0.hasPrefix("SWMTKN-1-") })
        let forged = token.dropLast(25) + String(repeating: "q", count: 25)
        let (result, forgedTimeline) = try #require(ScenarioTestSupport.run("""
            scenario: a forged token
            duration: 20s
            cluster: {managers: 1}
            nodes:
              a: {role: worker, joined: false}
            timeline:
              - at 7s: docker swarm join --token \(forged) m1:2377
                via: a
                expect: error "A valid join token is necessary to join this cluster"
            """, seed: 2))
        #expect(result.passed, "\(forgedTimeline)")
        #expect(forgedTimeline.contains("Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster"))
    }
}

/// A command dockerd refuses at run time fails as that command, with Docker's text, so that
/// `expect: error "..."` asserts it (seed 001's malformed `--constraint`).
@Suite struct RunTimeRefusalWalkthroughTests {
    @Test func aMalformedConstraintFailsTheCommandWithSwarmKitsText() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: a malformed constraint
            duration: 20s
            cluster: {managers: 1, workers: 1}
            timeline:
              - at 5s: docker service create --name web --constraint node.labels.storage=ssd nginx
                expect: error "constraint expected one operator from ==, !="
              - at 6s: docker service create --name web --constraint "node.labels.storage == ssd" nginx
                expect: ok
              - at 7s: docker service update --constraint-add "node.labels.a b==c" web
                expect: error "key 'node.labels.a b' is invalid"
            expect:
              - at end: service web is 0/1
            """))
        #expect(result.passed, "\(timeline)")
        #expect(timeline.contains("Error response from daemon: rpc error: code = InvalidArgument desc = constraint expected one operator from ==, !="))
    }
}
