import Testing
@testable import Scenarios
import SimEngine
import SimModels

/// A finished run frees its whole world: `check --seeds 1..N` must not keep N worlds alive.
@Suite struct RunTeardownTests {
    private final class WeakBox<T: AnyObject> {
        weak var value: T?
    }

    @Test func aFinishedRunFreesItsSimulationAndNodes() throws {
        let source = """
        scenario: teardown
        seed: 3
        duration: 40s
        cluster:
          managers: 3
          workers: 2
        services:
          web:
            image: nginx:1.25
            deploy:
              replicas: 3
        timeline:
          - at 10s: crash m1
          - at 20s: docker node ls
        expect:
          - at end: quorum is ok

        """
        let scenario = try #require(ScenarioTestSupport.scenario(source))
        let simulation = WeakBox<Simulation>()
        let node = WeakBox<SwarmNode>()
        let result = ScenarioRunner.run(scenario, options: RunOptions(), sinks: []) { _, truth in
            simulation.value = truth.cluster.simulation
            node.value = truth.liveManagers.first
        }
        #expect(result.passed)
        #expect(simulation.value == nil, "the simulation outlived its run")
        #expect(node.value == nil, "a node outlived its run")
    }
}
