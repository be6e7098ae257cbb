import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// Every docker command of SCENARIO_FORMAT §5 parses, with long, short and `=` flag forms.
@Suite struct CommandLineTests {
    typealias T = LoaderTestSupport

    // MARK: - Tokenizer

    @Test func tokenizerSplitsLikeAShell() throws {
        let tokens = try CommandTokenizer.tokenize(#"a 'b c' "d \"e\" \\f" g\ h "" x|y"#)
        #expect(tokens.map(\.text) == ["a", "b c", #"d "e" \f"#, "g h", "", "x", "|", "y"])
        #expect(tokens[1].start == 2 && tokens[1].end == 7)
        #expect(tokens[1].isQuoted && !tokens[0].isQuoted)
    }

    @Test func tokenizerRejectsUnterminatedQuotes() {
        #expect(throws: CommandTokenizer.Failure(message: "unterminated quote (')", offset: 2)) {
            try CommandTokenizer.tokenize("a 'b")
        }
        #expect(throws: CommandTokenizer.Failure(message: "unterminated quote (\")", offset: 0)) {
            try CommandTokenizer.tokenize("\"b")
        }
        #expect(throws: CommandTokenizer.Failure.self) { try CommandTokenizer.tokenize("a \\") }
    }

    // MARK: - docker swarm

    @Test func swarmCommands() {
        #expect(T.command("docker swarm init") == .swarmInit(forceNewCluster: false))
        #expect(T.command("docker swarm init --force-new-cluster") == .swarmInit(forceNewCluster: true))
        #expect(T.command("docker swarm init --force-new-cluster=true") == .swarmInit(forceNewCluster: true))
        #expect(T.command("docker swarm init --force-new-cluster=false") == .swarmInit(forceNewCluster: false))
        #expect(T.command("docker swarm init --advertise-addr 10.0.0.1") == .swarmInit(forceNewCluster: false))
        #expect(T.command("docker swarm join --token worker") == .swarmJoin(SwarmJoin(token: .current(.worker))))
        #expect(T.command("docker swarm join --token=manager m2:2377") == .swarmJoin(SwarmJoin(token: .current(.manager), manager: .named("m2"))))
        #expect(T.command("docker swarm join --token worker m1") == .swarmJoin(SwarmJoin(token: .current(.worker), manager: .named("m1"))))
        #expect(T.command("docker swarm join --token worker leader") == .swarmJoin(SwarmJoin(token: .current(.worker), manager: .leader)))
        let token = "SWMTKN-1-" + String(repeating: "a", count: 50) + "-" + String(repeating: "b", count: 25)
        #expect(T.command("docker swarm join --token \(token) m1:2377") == .swarmJoin(SwarmJoin(token: .literal(token), manager: .named("m1"))))
        #expect(T.command("docker swarm join --token bogus --availability drain m1")
                == .swarmJoin(SwarmJoin(token: .literal("bogus"), manager: .named("m1"), availability: .drain)))
        #expect(T.command("docker swarm join-token worker") == .swarmJoinToken(role: .worker, rotate: false, quiet: false))
        #expect(T.command("docker swarm join-token -q --rotate manager") == .swarmJoinToken(role: .manager, rotate: true, quiet: true))
        #expect(T.command("docker swarm leave") == .swarmLeave(force: false))
        #expect(T.command("docker swarm leave --force") == .swarmLeave(force: true))
        #expect(T.command("docker swarm leave -f") == .swarmLeave(force: true))
    }

    // MARK: - docker node

    @Test func nodeCommands() {
        #expect(T.command("docker node update --availability drain w1")
                == .nodeUpdate(NodeUpdate(node: .named("w1"), availability: .drain)))
        #expect(T.command("docker node update --availability=pause leader")
                == .nodeUpdate(NodeUpdate(node: .leader, availability: .pause)))
        #expect(T.command("docker node update --label-add zone=east --label-add ssd --label-rm old w2")
                == .nodeUpdate(NodeUpdate(node: .named("w2"), labelsToAdd: [Label("zone", "east"), Label("ssd", "")],
                                          labelsToRemove: ["old"])))
        #expect(T.command("docker node update --role manager w3") == .nodeUpdate(NodeUpdate(node: .named("w3"), role: .manager)))
        #expect(T.command("docker node promote w1 w2") == .nodePromote([.named("w1"), .named("w2")]))
        #expect(T.command("docker node demote m2") == .nodeDemote([.named("m2")]))
        #expect(T.command("docker node rm w4") == .nodeRemove([.named("w4")], force: false))
        #expect(T.command("docker node rm --force w4 w3") == .nodeRemove([.named("w4"), .named("w3")], force: true))
        #expect(T.command("docker node remove -f w4") == .nodeRemove([.named("w4")], force: true))
        #expect(T.command("docker node ls") == .nodeList())
        #expect(T.command("docker node list") == .nodeList())
    }

    // MARK: - docker service

    @Test func serviceCreateWithEveryFlag() throws {
        let line = "docker service create --name api --replicas 4 --mode replicated -p 8080:80 --publish=9000:9000/udp "
            + "--constraint node.role==worker --placement-pref spread=node.labels.zone --reserve-cpu 0.5 --reserve-memory 256MiB "
            + "--limit-cpu=2 --limit-memory 1GiB --restart-condition none --restart-delay 1s --restart-max-attempts 2 "
            + "--restart-window 30s --update-parallelism 3 --update-delay 2s --update-failure-action continue "
            + "--update-monitor 1s --update-max-failure-ratio 0.1 --update-order start-first --rollback-parallelism 2 "
            + "--rollback-delay 1s --rollback-failure-action continue --rollback-monitor 3s --rollback-max-failure-ratio 0.3 "
            + "--rollback-order start-first --network backend --replicas-max-per-node 2 --stop-grace-period 15s "
            + "-e A=1 --env B=2 -l team=x --detach -q --health-cmd 'curl -f localhost' --health-interval 5s "
            + "--health-timeout 1s --health-retries 2 --health-start-period 3s "
            + "--x-sim-pull 1s --x-sim-start 2s --x-sim-stop 3s --x-sim-fail-after 4s --x-sim-exit-code 5 "
            + "example/api:1 serve --port 80"
        guard case .serviceCreate(let spec)? = T.command(line) else {
            Issue.record("not a service create")
            return
        }
        var expected = ServiceSpec(name: "api", image: "example/api:1")
        expected.mode = .replicated(replicas: 4)
        expected.task.command = ["serve", "--port", "80"]
        expected.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080), PortConfig(targetPort: 9000, publishedPort: 9000, proto: "udp")]
        expected.task.placement.constraints = ["node.role==worker"]
        expected.task.placement.spreadOver = ["node.labels.zone"]
        expected.task.placement.maxReplicasPerNode = 2
        expected.task.reservations = Resources(nanoCPUs: 500_000_000, memoryBytes: 256 << 20)
        expected.task.limits = Resources(nanoCPUs: 2_000_000_000, memoryBytes: 1 << 30)
        expected.task.restartPolicy.condition = RestartPolicy.Condition.none
        expected.task.restartPolicy.delay = .seconds(1)
        expected.task.restartPolicy.maxAttempts = 2
        expected.task.restartPolicy.window = .seconds(30)
        expected.update.parallelism = 3
        expected.update.delay = .seconds(2)
        expected.update.failureAction = .continue
        expected.update.monitor = .seconds(1)
        expected.update.maxFailureRatio = 0.1
        expected.update.order = .startFirst
        expected.rollback.parallelism = 2
        expected.rollback.delay = .seconds(1)
        expected.rollback.failureAction = .continue
        expected.rollback.monitor = .seconds(3)
        expected.rollback.maxFailureRatio = 0.3
        expected.rollback.order = .startFirst
        expected.networks = ["backend"]
        expected.task.stopGracePeriod = .seconds(15)
        var check = Healthcheck()
        check.test = ["CMD-SHELL", "curl -f localhost"]
        check.interval = .seconds(5)
        check.timeout = .seconds(1)
        check.retries = 2
        check.startPeriod = .seconds(3)
        expected.task.healthcheck = check
        expected.task.behaviour.pull = .seconds(1)
        expected.task.behaviour.start = .seconds(2)
        expected.task.behaviour.stop = .seconds(3)
        expected.task.behaviour.failAfter = .seconds(4)
        expected.task.behaviour.exitCode = 5
        #expect(spec == expected)
    }

    @Test func serviceCreateFlagsAfterTheImageBelongToTheCommand() {
        guard case .serviceCreate(let spec)? = T.command("docker service create --name=x busybox sh -c 'sleep 1' --replicas 3") else {
            Issue.record("not a service create")
            return
        }
        #expect(spec.task.command == ["sh", "-c", "sleep 1", "--replicas", "3"])
        #expect(spec.mode == .replicated(replicas: 1))
    }

    @Test func serviceCreateGlobalAndLongPublish() {
        guard case .serviceCreate(let spec)? = T.command(
            "docker service create --name mon --mode=global --publish mode=host,target=9100,published=9101,protocol=tcp exporter"
        ) else {
            Issue.record("not a service create")
            return
        }
        #expect(spec.mode == .global)
        #expect(spec.endpoint.ports == [PortConfig(targetPort: 9100, publishedPort: 9101, publishMode: .host)])
    }

    @Test func serviceUpdateKeepsItsChanges() {
        #expect(T.command("docker service update --image nginx:1.26 web")
                == .serviceUpdate(ServiceUpdate(service: "web", changes: [.image("nginx:1.26")])))
        #expect(T.command("docker service update --force web") == .serviceUpdate(ServiceUpdate(service: "web", force: true)))
        #expect(T.command("docker service update --rollback -d web") == .serviceUpdate(ServiceUpdate(service: "web", rollback: true)))
        #expect(T.command("docker service update --replicas=5 --constraint-add node.labels.zone==a --constraint-rm node.role==worker "
                          + "--placement-pref-add spread=node.labels.rack --placement-pref-rm spread=node.labels.zone "
                          + "--publish-add 443:443 --publish-rm 80 --network-add front --network-rm back --args 'run fast' "
                          + "--env-add X=1 --label-add a=b --no-healthcheck web")
                == .serviceUpdate(ServiceUpdate(service: "web", changes: [
                    .replicas(5), .addConstraint("node.labels.zone==a"), .removeConstraint("node.role==worker"),
                    .addSpreadPreference("node.labels.rack"), .removeSpreadPreference("node.labels.zone"),
                    .addPort(PortConfig(targetPort: 443, publishedPort: 443)), .removePort(targetPort: 80, proto: "tcp"),
                    .addNetwork("front"), .removeNetwork("back"), .command(["run", "fast"]), .health(.disable),
                ])))
    }

    @Test func serviceScaleRemoveListTasksRollback() {
        #expect(T.command("docker service scale web=8")
                == .serviceScale([ServiceScale(service: "web", replicas: 8)]))
        #expect(T.command("docker service scale web=0 app=2 -d")
                == .serviceScale([ServiceScale(service: "web", replicas: 0), ServiceScale(service: "app", replicas: 2)]))
        #expect(T.command("docker service rm web app") == .serviceRemove(["web", "app"]))
        #expect(T.command("docker service remove web") == .serviceRemove(["web"]))
        #expect(T.command("docker service ls") == .serviceList())
        #expect(T.command("docker service ps web") == .serviceTasks(["web"]))
        #expect(T.command("docker service inspect --pretty web") == .serviceInspect(["web"]))
        #expect(T.command("docker node ps") == .nodeTasks([]))
        #expect(T.command("docker node ls -q") == .nodeList(ListFormat(quiet: true)))
        #expect(T.command("docker service ls --quiet") == .serviceList(ListFormat(quiet: true)))
        #expect(T.command("docker service ps --no-trunc -q web") == .serviceTasks(["web"], ListFormat(quiet: true, noTrunc: true)))
        #expect(T.command("docker node ps --no-trunc w1") == .nodeTasks([.named("w1")], ListFormat(noTrunc: true)))
        #expect(T.command("docker node ps w1 m1.id:4") == .nodeTasks([.named("w1"), .id(of: "m1", prefix: 4)]))
        #expect(T.command("docker service rollback web") == .serviceRollback(service: "web"))
        #expect(T.command("docker info") == .info)
    }

    @Test func networkCreate() {
        #expect(T.command("docker network create -d overlay front") == .networkCreate(NetworkCreation(name: "front")))
        #expect(T.command("docker network create --driver=overlay --subnet 10.0.9.0/24 --attachable back")
                == .networkCreate(NetworkCreation(name: "back", subnet: "10.0.9.0/24", attachable: true)))
        #expect(T.command("docker network create -doverlay x") == .networkCreate(NetworkCreation(name: "x")))
    }

    @Test func queriesAreMarked() {
        #expect(DockerCommand.nodeList().isQuery && DockerCommand.info.isQuery && DockerCommand.serviceTasks(["a"]).isQuery)
        #expect(!DockerCommand.swarmInit(forceNewCluster: false).isQuery)
        #expect(DockerCommand.serviceScale([]).name == "docker service scale")
    }

    @Test func serviceCreatedByTheTimelineIsKnownAfterwards() throws {
        let source = T.scenario(timeline: ["docker service create --name api busybox", "docker service scale api=2", "kill api.2"])
        let result = T.load(source)
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.timeline[2].action == .fault(.kill(.replica(service: "api", slot: 2))))
        // ...but not before it is created.
        let early = T.load(T.scenario(timeline: ["docker service scale api=2", "docker service create --name api busybox"]))
        #expect(early.diagnostics.map(\.message) == ["unknown service 'api' in 'docker service scale'"])
    }

    // MARK: - Entries

    @Test func viaAndExpectOfAnEntry() throws {
        let source = T.prelude + """
            timeline:
              - at 1s: docker node ls
                via: m2
              - at 2s: docker node ls
                via: leader
                expect: ok
              - at 3s: docker service rm web
                expect: error
              - at 4s: docker service rm web
                expect: 'error "no such service: web"'
              - at 5s: docker service rm web
                expect: "error 'it is gone'"
              - at 5s: crash m1

            """
        let result = T.load(source)
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        #expect(scenario.timeline.map(\.via) == [.named("m2"), .leader, nil, nil, nil, nil])
        #expect(scenario.timeline.map(\.expect) == [nil, .ok, .error(containing: nil), .error(containing: "no such service: web"),
                                                    .error(containing: "it is gone"), nil])
        #expect(scenario.timeline.map(\.time.nanoseconds) == [1, 2, 3, 4, 5, 5].map { Int64($0) * 1_000_000_000 })
    }
}
