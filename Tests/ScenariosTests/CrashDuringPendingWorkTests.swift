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
}
