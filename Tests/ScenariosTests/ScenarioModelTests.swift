import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// The model's own behaviour: applying changes, matching outcomes, counts, defaults.
@Suite struct ScenarioModelTests {
    @Test func commandExpectationMatchesOutcomes() {
        #expect(CommandExpectation.ok.isMatched(byError: nil))
        #expect(!CommandExpectation.ok.isMatched(byError: "boom"))
        #expect(CommandExpectation.error(containing: nil).isMatched(byError: "boom"))
        #expect(!CommandExpectation.error(containing: nil).isMatched(byError: nil))
        #expect(CommandExpectation.error(containing: "no leader").isMatched(byError: "the swarm has no leader here"))
        #expect(!CommandExpectation.error(containing: "no leader").isMatched(byError: "boom"))
        #expect(CommandExpectation.error(containing: "x").description == "error \"x\"")
    }

    @Test func countRequirements() {
        #expect(CountRequirement.exactly(3).isSatisfied(by: 3) && !CountRequirement.exactly(3).isSatisfied(by: 4))
        #expect(CountRequirement.atLeast(3).isSatisfied(by: 4) && !CountRequirement.atLeast(3).isSatisfied(by: 2))
        #expect(CountRequirement.atMost(3).isSatisfied(by: 0) && !CountRequirement.atMost(3).isSatisfied(by: 4))
        #expect(CountRequirement.atLeast(2).description == "at least 2")
    }

    @Test func serviceUpdateAppliesChangesInOrder() throws {
        var spec = ServiceSpec(name: "web", image: "nginx:1")
        spec.task.placement.constraints = ["node.role==worker"]
        let update = ServiceUpdate(service: "web", changes: [
            .image("nginx:2"), .replicas(4), .removeConstraint("node.role==worker"), .addConstraint("node.labels.a==b"),
            .addPort(PortConfig(targetPort: 80, publishedPort: 8080)), .update(.parallelism(2)), .rollback(.order(.startFirst)),
            .restart(.condition(.none)), .health(.retries(7)), .simulation(.failAfter(.seconds(3))),
        ], force: true)
        let updated = try update.applied(to: spec)
        #expect(updated.task.image == "nginx:2")
        #expect(updated.mode == .replicated(replicas: 4))
        #expect(updated.task.placement.constraints == ["node.labels.a==b"])
        #expect(updated.endpoint.ports == [PortConfig(targetPort: 80, publishedPort: 8080)])
        #expect(updated.update.parallelism == 2 && updated.rollback.order == .startFirst)
        #expect(updated.task.restartPolicy.condition == RestartPolicy.Condition.none)
        #expect(updated.task.healthcheck?.retries == 7)
        #expect(updated.task.behaviour.failAfter == .seconds(3))
        #expect(updated.task.forceUpdate == 1)
        let removed = try ServiceUpdate(service: "web", changes: [.removePort(targetPort: 80, proto: "tcp"), .health(.disable)])
            .applied(to: updated)
        #expect(removed.endpoint.ports.isEmpty && removed.task.healthcheck == nil)
    }

    @Test func replicasOnAGlobalServiceIsDockersError() {
        var spec = ServiceSpec(name: "agent", image: "x")
        spec.mode = .global
        #expect(throws: DockerCommandError("replicas can only be used with replicated or replicated-job mode")) {
            try ServiceUpdate(service: "agent", changes: [.replicas(2)]).applied(to: spec)
        }
    }

    @Test func nodeUpdateLabels() throws {
        let update = NodeUpdate(node: .named("w1"), labelsToAdd: [Label("zone", "b"), Label("a", "1")], labelsToRemove: ["old"])
        #expect(try update.applied(to: [Label("old", "x"), Label("zone", "a")]) == [Label("a", "1"), Label("zone", "b")])
        #expect(throws: DockerCommandError("key old doesn't exist in node's labels")) {
            try update.applied(to: [])
        }
    }

    @Test func generatedNodesAndDefaults() {
        let cluster = ClusterSettings(managers: 2, workers: 2)
        #expect(cluster.generatedNodes().map(\.name) == ["m1", "m2", "w1", "w2"])
        #expect(cluster.generatedNodes().map(\.role) == [.manager, .manager, .worker, .worker])
        let node = NodeDefinition(name: "x", role: .worker, labels: [Label("b", "2"), Label("a", "1")])
        #expect(node.labels.map(\.key) == ["a", "b"])
        #expect(node.nanoCPUs == 4_000_000_000 && node.memoryBytes == 8 << 30 && node.joined)
        let scenario = Scenario(file: "f", title: "t", cluster: cluster)
        #expect(scenario.nodeNames == ["m1", "m2", "w1", "w2"])
        #expect(scenario.seed == 1 && scenario.duration == .seconds(60))
    }

    @Test func referencesPrintAsWritten() {
        #expect(NodeReference.leader.description == "leader")
        #expect(NodeReference.named("w1").description == "w1")
        #expect(TaskReference.replica(service: "web", slot: 2).description == "web.2")
    }

    @Test func nameSummaryShortensRuns() {
        #expect(NameBook.summary(of: ["m1", "m2", "m3", "w1", "w2", "w3", "w4"]) == "m1, m2, m3, w1, w2, w3, w4")
        let many = (1...3).map { "m\($0)" } + (1...20).map { "w\($0)" } + ["db", "x1"]
        #expect(NameBook.summary(of: many) == "m1..m3, w1..w20, db, x1")
    }
}
