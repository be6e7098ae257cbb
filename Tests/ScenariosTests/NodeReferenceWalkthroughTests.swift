import Testing
@testable import Scenarios
import SimEngine

/// Nodes named by ID (seed 004: "promote by node ID, since a rejoined hostname is ambiguous"),
/// engine labels for `engine.labels.*` constraints (seed 001), and `--availability drain` on join.
@Suite struct NodeReferenceWalkthroughTests {
    @Test func idsAndIDPrefixesNameNodesWhereAHostnameIsAmbiguous() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: node IDs
            duration: 60s
            cluster: {managers: 1, workers: 2}
            timeline:
              - at 5s: docker node update --availability pause w2.id
                expect: ok
              - at 6s: docker node update --label-add zone=east w1.id:10
                expect: ok
              - at 10s: docker swarm leave
                via: w1
              - at 12s: docker swarm join --token worker m1
                via: w1
                expect: ok
              - at 40s: docker node update --availability drain w1
                expect: error "node w1 is ambiguous (2 matches found)"
              - at 41s: docker node update --availability drain w1.id
                expect: ok
              - at 42s: docker node ls
            expect:
              - at 8s: node w2 is pause
              - at end: node w1 is drain
            """, seed: 4))
        #expect(result.passed, "\(timeline)")
    }

    @Test func engineLabelsMeetEngineLabelConstraints() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: engine labels
            duration: 30s
            cluster: {managers: 1, workers: 3}
            nodes:
              w2: {engine_labels: {com.example.storage: ssd}}
            timeline:
              - at 5s: docker service create --name frontend --replicas 3 --constraint engine.labels.com.example.storage==ssd nginx:1.25
            expect:
              - at end: node w2 has 3 tasks of frontend
              - at end: service frontend is 3/3
            """, seed: 3))
        #expect(result.passed, "\(timeline)")
    }

    @Test func nodeIDReferencesAreCheckedWhenLoaded() {
        let good = ScenarioLoader.load(source: "scenario: t\ncluster: {workers: 1}\ntimeline:\n  - at 1s: docker node promote w1.id m1.id:5\n", file: "t.scn")
        #expect(good.scenario?.timeline.first?.action == .docker(.nodePromote([.id(of: "w1", prefix: nil), .id(of: "m1", prefix: 5)])))
        for (action, message) in [("docker node rm w1.id:0", "invalid node ID reference 'w1.id:0'"),
                                  ("docker node rm w1.idx", "invalid node ID reference 'w1.idx'"),
                                  ("docker node rm w9.id", "unknown node 'w9' in 'docker node rm'")] {
            let result = ScenarioLoader.load(source: "scenario: t\ncluster: {workers: 1}\ntimeline:\n  - at 1s: \(action)\n", file: "t.scn")
            #expect(result.scenario == nil && result.renderedDiagnostics.contains(message), "\(result.renderedDiagnostics)")
        }
    }
}
