import Testing
@testable import Scenarios
import SimEngine

/// Walkthroughs from real clusters (Docker's swarm tutorial and SwarmKit's behaviour),
/// reproduced end to end through the engine: CLI commands travel as messages, the leader's
/// components decide, agents run containers.
@Suite struct SwarmWalkthroughTests {
    /// Runs a scenario source and returns whether every expectation held, with details.
    private func check(_ source: String, seed: UInt64? = nil) throws -> (Bool, String) {
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: seed))
        let failed = result.expectations.filter { !$0.passed }.map { "\($0.text) -> \($0.detail)" } + result.failures.map(\.text)
        return (result.passed, failed.joined(separator: "\n") + (result.passed ? "" : "\n" + timeline))
    }

    @Test(arguments: [1, 2, 3])
    func scalingFromOneToFiveOnThreeNodesSpreadsTwoTwoOne(seed: Int) throws {
        let (passed, why) = try check("""
        scenario: scale 1 to 5
        duration: 40s
        cluster: {managers: 1, workers: 2}
        timeline:
          - at 5s: docker service create --name nginx --replicas 1 nginx:1.25
          - at 15s: docker service scale nginx=5
        expect:
          - at 12s: service nginx is 1/1
          - at end: service nginx is 5/5
          - at end: node m1 has at least 1 tasks
          - at end: node w1 has at least 1 tasks
          - at end: node w2 has at least 1 tasks
          - at end: node m1 has at most 2 tasks
          - at end: node w1 has at most 2 tasks
          - at end: node w2 has at most 2 tasks
        """, seed: UInt64(seed))
        #expect(passed, "\(why)")
    }

    @Test func aKilledContainerIsReplacedAfterTheRestartDelay() throws {
        let (passed, why) = try check("""
        scenario: docker rm -f of one container
        duration: 40s
        cluster: {managers: 1, workers: 2}
        timeline:
          - at 5s: docker service create --name nginx --replicas 5 nginx:1.25
          - at 20s: kill nginx.4
        expect:
          - at 19s: service nginx has 5 running tasks
          - at 20s: service nginx has 4 running tasks
          - from 20s to 24s: service nginx has 4 running tasks
          - by 27s: service nginx has 5 running tasks
          - at end: service nginx is 5/5
        """)
        #expect(passed, "\(why)")
    }

    @Test func aGlobalServiceRunsOneTaskOnEveryNode() throws {
        let (passed, why) = try check("""
        scenario: global mode
        duration: 30s
        cluster: {managers: 1, workers: 3}
        timeline:
          - at 5s: docker service create --name agent --mode global example/agent:1
        expect:
          - at end: service agent is 4/4
          - at end: node m1 has 1 tasks of agent
          - at end: node w1 has 1 tasks of agent
          - at end: node w2 has 1 tasks of agent
          - at end: node w3 has 1 tasks of agent
        """)
        #expect(passed, "\(why)")
    }

    @Test func aHostnameConstraintPutsEveryReplicaOnThatNode() throws {
        let (passed, why) = try check("""
        scenario: constraint on the hostname
        duration: 30s
        cluster: {managers: 1, workers: 3}
        timeline:
          - at 5s: docker service create --name web --replicas 4 --constraint node.hostname==w2 nginx:1.25
        expect:
          - at end: node w2 has 4 tasks of web
          - at end: service web is 4/4
          - always: node w1 has 0 tasks
          - always: node w3 has 0 tasks
        """)
        #expect(passed, "\(why)")
    }

    @Test func aWorkerCutOffKeepsItsContainersAndStopsTheStaleOnesWhenItReturns() throws {
        let (passed, why) = try check("""
        scenario: a worker cut off from the managers
        duration: 100s
        cluster: {managers: 1, workers: 2}
        services:
          web:
            image: nginx:1.25
            deploy:
              replicas: 4
              placement:
                constraints: [node.role == worker]
        timeline:
          - at 20s: isolate w1
          - at 70s: heal
        expect:
          - at 19s: node w1 has 2 tasks
          - by 45s: node w1 is down
          - at 60s: node w1 has 2 tasks
          - at 60s: node w2 has 4 tasks
          - at 60s: service web has 6 running tasks
          - by 85s: node w1 has 0 tasks
          - at end: service web has 4 running tasks
          - at end: node w1 is ready
        """)
        #expect(passed, "\(why)")
    }

    @Test func aNodeGoesDownThreeHeartbeatPeriodsAfterItsLastHeartbeat() throws {
        // w1 is cut off at 30 s; its last heartbeat reached the leader within the 5.5 s before,
        // and the leader marks it Down 13.5–16.5 s after that heartbeat: 8–16.5 s after the cut.
        let (passed, why) = try check("""
        scenario: heartbeat failure
        duration: 60s
        cluster: {managers: 1, workers: 1}
        timeline:
          - at 30s: isolate w1
        expect:
          - from 30s to 38s: node w1 is ready
          - by 46.5s: node w1 is down
        """)
        #expect(passed, "\(why)")
    }
}
