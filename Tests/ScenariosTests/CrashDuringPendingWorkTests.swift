import Testing
@testable import Scenarios

/// Hosts crash and restart while every kind of work is pending: the dispatcher's 100 ms status
/// and assignment batches, the scheduler's 50 ms debounce, a rolling update's workers, the role
/// manager's reconciliation of a promotion, agents' status flushes and image pulls. Each variant
/// moves the faults by 37 ms, so that across them a crash lands inside each of those windows.
/// No run may crash the process, stop making progress or break an invariant.
@Suite struct CrashDuringPendingWorkTests {
    static func source(offset: Int) -> String {
        let ms = { (base: Int) in "\(base + 37 * offset)ms" }
        return """
            scenario: crashes during pending work
            duration: 100s
            cluster:
              managers: 3
              workers: 3
            services:
              web:
                image: nginx:1.25
                deploy:
                  replicas: 6
                  update_config: {parallelism: 2, delay: 1s, order: start-first}
              api:
                image: example/api:1.0
                deploy:
                  replicas: 3
            timeline:
              - at 10s: docker service update --image nginx:1.26 web
              - at \(ms(10_000)): crash leader
              - at \(ms(10_450)): crash w1
              - at 20s: docker node promote w2
              - at \(ms(20_050)): crash w2
              - at 25s: docker service scale api=5
              - at \(ms(25_020)): crash leader
              - at \(ms(26_000)): restart m1
              - at \(ms(26_100)): restart m2
              - at \(ms(26_200)): restart m3
              - at \(ms(27_000)): restart w1
              - at \(ms(27_500)): restart w2
              - at 40s: docker node update --availability drain w3
              - at \(ms(40_100)): stop w3
              - at 50s: restart w3
            """
    }

    @Test(arguments: 0..<12)
    func noCrashNoStallNoViolation(_ offset: Int) throws {
        let scenario = try #require(ScenarioTestSupport.scenario(Self.source(offset: offset)))
        let result = ScenarioRunner.run(scenario, options: RunOptions(statistics: false))
        #expect(result.failures.map(\.text) == [], "offset \(offset)")
        #expect(result.summary.duration == scenario.duration)
    }

    /// A replacement task waits out the 5 s restart delay in READY with its container created;
    /// the host crashes then and comes back without the container. When the task's desired state
    /// becomes RUNNING the agent must fail it ("No such container", as dockerd answers a start of
    /// a container it does not have), so the orchestrator replaces it; it used to stay STARTING
    /// for ever. Found by `simrun explore` (plain.scn, seed 1).
    @Test func aReadyTaskWhoseContainerWasLostFailsAndIsReplaced() throws {
        let source = """
            scenario: a host restarts while its replacement task waits out the restart delay
            duration: 1m
            cluster:
              managers: 1
              workers: 1
            services:
              web:
                image: nginx:1.25
                deploy:
                  replicas: 1
                  placement: {constraints: [node.role == worker]}
            timeline:
              - at 10s: kill web.1
              - at 12s: crash w1
              - at 12500ms: restart w1
            expect:
              - at end: service web is converged
            """
        let (result, timeline) = try #require(ScenarioTestSupport.run(source, seed: 1))
        #expect(result.passed, "\(timeline)")
        #expect(timeline.contains("No such container"))
    }
}
