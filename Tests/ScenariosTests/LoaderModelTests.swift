import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// The big example of SCENARIO_FORMAT §3 and the other fixtures load to the expected model.
@Suite struct LoaderModelTests {
    @Test func formatExampleLoadsToTheExpectedModel() throws {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture("format-example.scn"), file: "example.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")

        #expect(scenario.file == "example.scn")
        #expect(scenario.title == "leader failover")
        #expect(scenario.description == "Three managers; the leader crashes; a new one is elected.")
        #expect(scenario.seed == 7)
        #expect(scenario.duration == .minutes(2))

        let cluster = ClusterSettings(
            managers: 3, workers: 4,
            raft: RaftSettings(tick: .seconds(1), electionTick: 10, heartbeatTick: 1),
            dispatcher: DispatcherSettings(heartbeatPeriod: .seconds(5)),
            network: LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500), loss: 0)
        )
        #expect(scenario.cluster == cluster)

        #expect(scenario.nodeNames == ["m1", "m2", "m3", "w1", "w2", "w3", "w4", "w5", "w6"])
        #expect(scenario.node(named: "m1") == NodeDefinition(name: "m1", role: .manager))
        #expect(scenario.node(named: "w1") == NodeDefinition(
            name: "w1", role: .worker, nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30,
            labels: [Label("storage", "ssd"), Label("zone", "east")]
        ))
        #expect(scenario.node(named: "w5") == NodeDefinition(name: "w5", role: .worker, labels: [Label("zone", "west")]))
        #expect(scenario.node(named: "w6") == NodeDefinition(name: "w6", role: .worker, joined: false))

        var web = ServiceSpec(name: "web", image: "nginx:1.25")
        web.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 80)]
        web.mode = .replicated(replicas: 6)
        web.task.placement.constraints = ["node.role == worker"]
        #expect(scenario.services == [web])

        #expect(scenario.timeline.count == 2)
        #expect(scenario.timeline[0] == TimelineEntry(
            time: SimInstant(nanoseconds: 30_000_000_000), action: .fault(.crash(.named("m1"))),
            text: "crash m1", location: SourceLocation(line: 36, column: 5)
        ))
        #expect(scenario.timeline[1] == TimelineEntry(
            time: SimInstant(nanoseconds: 50_000_000_000),
            action: .docker(.serviceScale([ServiceScale(service: "web", replicas: 8)])),
            via: .named("m2"), expect: .error(containing: nil),
            text: "docker service scale web=8", location: SourceLocation(line: 37, column: 5)
        ))

        #expect(scenario.expectations == [
            ScenarioExpectation(window: .by(SimInstant(nanoseconds: 50_000_000_000)), condition: .leader(.oneOf(["m2", "m3"])),
                        text: "by 50s: leader is one of m2, m3", location: SourceLocation(line: 42, column: 5)),
            ScenarioExpectation(window: .atEnd, condition: .serviceReplicas(service: "web", running: 8, desired: 8),
                        text: "at end: service web is 8/8", location: SourceLocation(line: 43, column: 5)),
        ])
    }

    @Test func minimalScenarioGetsTheDefaults() throws {
        let scenario = try #require(LoaderTestSupport.load("scenario: minimal\n").scenario)
        #expect(scenario.seed == 1)
        #expect(scenario.duration == .seconds(60))
        #expect(scenario.description == nil)
        #expect(scenario.cluster == ClusterSettings())
        #expect(scenario.cluster.raft == RaftSettings(tick: .seconds(1), electionTick: 10, heartbeatTick: 1))
        #expect(scenario.cluster.dispatcher.heartbeatPeriod == .seconds(5))
        #expect(scenario.cluster.network == LinkParameters(latency: .milliseconds(1), jitter: .microseconds(500), loss: 0))
        #expect(scenario.nodes == [NodeDefinition(name: "m1", role: .manager, nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30)])
        #expect(scenario.services.isEmpty && scenario.timeline.isEmpty && scenario.expectations.isEmpty)
    }

    @Test func emptySectionsAreAllowed() throws {
        let source = "scenario: t\ndescription:\ncluster:\nnodes:\nservices:\ntimeline:\nexpect:\n"
        let result = LoaderTestSupport.load(source)
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.description == nil && scenario.nodeNames == ["m1"])
        let service = try #require(LoaderTestSupport.load("scenario: t\nservices:\n  web:\n    image: x\n    deploy:\n    x-sim:\n").scenario)
        #expect(service.services == [ServiceSpec(name: "web", image: "x")])
    }

    @Test func repeatedLabelsKeepTheLast() throws {
        let source = "scenario: t\ncluster: {workers: 1}\nnodes:\n  w1: {labels: [zone=a, disk=ssd, zone=b, empty]}\n"
        let scenario = try #require(LoaderTestSupport.load(source).scenario)
        #expect(scenario.node(named: "w1")?.labels == [Label("disk", "ssd"), Label("empty", ""), Label("zone", "b")])
    }

    @Test func electionTickDefaultsToTenHeartbeats() throws {
        let scenario = try #require(LoaderTestSupport.load("scenario: t\ncluster:\n  raft: {heartbeat_tick: 3}\n").scenario)
        #expect(scenario.cluster.raft.heartbeatTick == 3)
        #expect(scenario.cluster.raft.electionTick == 30)
    }

    @Test func composeServiceKeysLoad() throws {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture("rolling-update.scn"), file: "r.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        let api = try #require(scenario.service(named: "api"))

        var expected = ServiceSpec(name: "api", image: "example/api:1.0")
        expected.mode = .replicated(replicas: 6)
        expected.task.command = ["serve", "--port", "8080"]
        expected.endpoint.ports = [
            PortConfig(targetPort: 8080, publishedPort: 8080),
            PortConfig(targetPort: 9090, publishedPort: 9090, proto: "udp", publishMode: .host),
        ]
        expected.networks = ["backend"]
        var check = Healthcheck()
        check.test = ["CMD", "curl", "-f", "http://localhost:8080/health"]
        check.interval = .seconds(10)
        check.timeout = .seconds(2)
        check.retries = 3
        check.startPeriod = .seconds(5)
        expected.task.healthcheck = check
        expected.task.stopGracePeriod = .seconds(20)
        expected.task.reservations = Resources(nanoCPUs: 250_000_000, memoryBytes: 128 << 20)
        expected.task.limits = Resources(nanoCPUs: 500_000_000, memoryBytes: 256 << 20)
        expected.task.restartPolicy.condition = .onFailure
        expected.task.restartPolicy.delay = .seconds(2)
        expected.task.restartPolicy.maxAttempts = 3
        expected.task.restartPolicy.window = .minutes(1)
        expected.update.parallelism = 2
        expected.update.delay = .seconds(10)
        expected.update.failureAction = .rollback
        expected.update.monitor = .seconds(30)
        expected.update.maxFailureRatio = 0.25
        expected.update.order = .startFirst
        expected.rollback.parallelism = 0
        expected.rollback.failureAction = .pause
        expected.rollback.order = .stopFirst
        expected.task.behaviour.pull = .seconds(3)
        expected.task.behaviour.start = .milliseconds(250)
        expected.task.behaviour.stop = .milliseconds(500)
        #expect(api == expected)

        #expect(scenario.description == "Six replicas of api are updated two at a time to a version that crashes\nafter 20 seconds; the update rolls back.")
        guard case .docker(.serviceUpdate(let update)) = scenario.timeline[1].action else {
            Issue.record("expected a service update")
            return
        }
        #expect(update == ServiceUpdate(service: "api", changes: [
            .image("example/api:2.0"), .simulation(.failAfter(.seconds(20))), .simulation(.exitCode(3)),
        ]))
        #expect(scenario.timeline[1].expect == .ok)
    }

    @Test func globalServicesPlacementAndLabels() throws {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture("global-and-drain.scn"), file: "g.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.service(named: "agent")?.mode == .global)
        #expect(scenario.service(named: "agent")?.task.placement.constraints == ["node.role != manager"])
        let web = try #require(scenario.service(named: "web"))
        #expect(web.task.placement.spreadOver == ["node.labels.zone"])
        #expect(web.task.placement.maxReplicasPerNode == 2)
        #expect(web.endpoint.ports == [PortConfig(targetPort: 80, publishedPort: nil)])
        #expect(scenario.node(named: "w3")?.labels == [Label("disk", "hdd"), Label("zone", "c")])
        #expect(scenario.services.map(\.name) == ["agent", "web"])
    }

    @Test func extraNodesKeepFileOrderAfterGeneratedOnes() throws {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture("join-and-leave.scn"), file: "j.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.nodeNames == ["m1", "w1", "w2", "extra", "spare"])
        #expect(scenario.node(named: "extra") == NodeDefinition(name: "extra", role: .worker, nanoCPUs: 2_000_000_000,
                                                                memoryBytes: 4 << 30, joined: false))
        #expect(scenario.node(named: "spare")?.role == .manager)
        #expect(scenario.timeline[0].action == .docker(.swarmJoin(SwarmJoin(token: .current(.worker), manager: .named("m1")))))
        #expect(scenario.timeline[0].via == .named("extra"))
        #expect(scenario.timeline[7].via == .leader)
    }

    @Test func servicesCreatedInTheTimelineCanBeReferredToLater() throws {
        let result = ScenarioLoader.load(source: LoaderTestSupport.fixture("cli-created-services.scn"), file: "c.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.services.isEmpty)
        #expect(scenario.timeline.count == 7)
        #expect(scenario.expectations.count == 3)
    }
}
