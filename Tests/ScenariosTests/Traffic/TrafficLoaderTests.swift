import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// SCENARIO_FORMAT §9 is read into the model: networks, the services' data-plane keys, clients,
/// the traffic actions and the traffic conditions.
@Suite struct TrafficLoaderTests {
    static let header = """
        scenario: traffic
        duration: 2m
        cluster: {managers: 1, workers: 3}
        networks:
          front:
            driver: overlay
            attachable: true
            ipam: {config: [{subnet: 10.0.9.0/24}]}
        services:
          web:
            image: nginx:1.25
            networks: [front]
            ports: ["8080:80", {target: 81, published: 9090, mode: host}]
            healthcheck: {test: ["CMD", "curl", "-f", "http://localhost/"], interval: 5s, retries: 2, start_period: 3s}
            stop_grace_period: 20s
            deploy: {replicas: 3, endpoint_mode: vip}
            x-sim: {boot: 2s, serve: 5ms, sick_after: 90s}
          api:
            image: api:1
            networks: [front]
            deploy: {endpoint_mode: dnsrr}

        """

    static func load(_ body: String) -> ScenarioLoadResult {
        ScenarioLoader.loadReadingUnwired(source: header + body, file: "t.scn")
    }

    static func scenario(_ body: String) -> Scenario? {
        let result = load(body)
        if result.scenario == nil { print(result.renderedDiagnostics) }
        return result.scenario
    }

    @Test func networksAndServiceKeys() throws {
        let scenario = try #require(Self.scenario(""))
        #expect(scenario.networks == [NetworkCreation(name: "front", subnet: "10.0.9.0/24", attachable: true)])
        let web = try #require(scenario.service(named: "web"))
        #expect(web.networks == ["front"])
        #expect(web.endpoint.ports == [PortConfig(targetPort: 80, publishedPort: 8080),
                                       PortConfig(targetPort: 81, publishedPort: 9090, publishMode: .host)])
        #expect(web.endpoint.mode == .vip)
        #expect(web.task.healthcheck?.interval == .seconds(5))
        #expect(web.task.healthcheck?.retries == 2)
        #expect(web.task.healthcheck?.startPeriod == .seconds(3))
        #expect(web.task.stopGracePeriod == .seconds(20))
        #expect(web.task.behaviour.boot == .seconds(2))
        #expect(web.task.behaviour.serve == .milliseconds(5))
        #expect(web.task.behaviour.sickAfter == .seconds(90))
        #expect(scenario.service(named: "api")?.endpoint.mode == .dnsrr)
        #expect(scenario.service(named: "api")?.task.behaviour.serve == .milliseconds(2))
        #expect(!scenario.observesTraffic)
    }

    @Test func clients() throws {
        let scenario = try #require(Self.scenario("""
            clients:
              users: {target: web:8080, via: [w1, w2], rate: 20/s, timeout: 500ms, start: 10s, stop: 100s}
              one: {target: w3:8080}
              calls: {from_service: api, target: web:80, rate: 5/s}

            """))
        #expect(scenario.clients.map(\.name) == ["users", "one", "calls"])
        let users = scenario.clients[0]
        #expect(users.target == .service("web", port: 8080))
        #expect(users.via == ["w1", "w2"])
        #expect(users.rate == 20)
        #expect(users.spacing == .milliseconds(50))
        #expect(users.timeout == .milliseconds(500))
        #expect(users.start == .zero + .seconds(10))
        #expect(users.stop == .zero + .seconds(100))
        #expect(scenario.clients[1].target == .node("w3", port: 8080))
        #expect(scenario.clients[1].rate == 10)
        #expect(scenario.clients[1].timeout == .seconds(1))
        #expect(scenario.clients[1].start == nil)
        #expect(scenario.clients[2].target == .name("web", port: 80))
        #expect(scenario.clients[2].fromService == "api")
        #expect(scenario.observesTraffic)
    }

    @Test func trafficActions() throws {
        let scenario = try #require(Self.scenario("""
            timeline:
              - at 10s: curl w1:8080 --max-time 2s
              - at 11s: curl m1:8080
              - at 12s: docker exec web.1 ping -c 3 api
              - at 13s: docker exec web.2 nslookup tasks.web
              - at 14s: docker network ls
              - at 15s: docker network inspect front ingress
              - at 16s: docker network rm front
              - at 17s: docker service update --endpoint-mode dnsrr --x-sim-boot 1s --health-interval 2s --publish-add 9000:80 --network-add front api
              - at 18s: firewall w1 deny 7946
              - at 19s: firewall w2 deny 4789/udp
              - at 20s: firewall w2 allow 4789/udp
              - at 21s: fail web.2 health
              - at 22s: docker service create --name db --endpoint-mode dnsrr --network front --x-sim-sick-after 30s redis

            """))
        let actions = scenario.timeline.map(\.action)
        #expect(actions[0] == .traffic(.curl(node: .named("w1"), port: 8080, maxTime: .seconds(2))))
        #expect(actions[1] == .traffic(.curl(node: .named("m1"), port: 8080, maxTime: nil)))
        #expect(actions[2] == .traffic(.ping(from: .replica(service: "web", slot: 1), count: 3, name: "api")))
        #expect(actions[3] == .traffic(.nslookup(from: .replica(service: "web", slot: 2), name: "tasks.web")))
        #expect(actions[4] == .docker(.networkList))
        #expect(actions[5] == .docker(.networkInspect(["front", "ingress"])))
        #expect(actions[6] == .docker(.networkRemove(["front"])))
        guard case let .docker(.serviceUpdate(update)) = actions[7] else {
            Issue.record("not an update: \(actions[7])")
            return
        }
        #expect(update.changes.contains(.endpointMode(.dnsrr)))
        #expect(update.changes.contains(.simulation(.boot(.seconds(1)))))
        #expect(update.changes.contains(.health(.interval(.seconds(2)))))
        #expect(update.changes.contains(.addNetwork("front")))
        #expect(update.request.endpointMode == .dnsrr)
        #expect(update.request.behaviour.boot == .seconds(1))
        #expect(actions[8] == .fault(.firewall(.named("w1"), FirewallRule(deny: true, port: 7946, transport: nil))))
        #expect(actions[9] == .fault(.firewall(.named("w2"), FirewallRule(deny: true, port: 4789, transport: .udp))))
        #expect(actions[10] == .fault(.firewall(.named("w2"), FirewallRule(deny: false, port: 4789, transport: .udp))))
        #expect(actions[11] == .fault(.failHealth(.replica(service: "web", slot: 2))))
        guard case let .docker(.serviceCreate(db)) = actions[12] else {
            Issue.record("not a create: \(actions[12])")
            return
        }
        #expect(db.endpoint.mode == .dnsrr)
        #expect(db.networks == ["front"])
        #expect(db.task.behaviour.sickAfter == .seconds(30))
    }

    @Test func trafficConditions() throws {
        let scenario = try #require(Self.scenario("""
            clients:
              users: {target: web:8080}
            expect:
              - from 10s to 50s: client users success is 99.5%
              - always: client users success is at least 90%
              - at end: client users success is at most 100%
              - always: client users has no failures
              - always: client users has at most 3 failures
              - at end: client users has 2 timeout
              - at end: client users has no reset
              - at end: client curl has at least 1 refused
              - from 0s to 60s: client users p99 latency is at most 250ms
              - always: client users max latency is at least 1ms
              - at 30s: port 8080 is open on w1
              - at 30s: name tasks.web resolves on w2 to 3 addresses
              - by 30s: name web resolves on w2
              - at 30s: backends of web on m1 is at least 2

            """))
        let conditions = scenario.expectations.map(\.condition)
        #expect(conditions == [
            .client(ClientCondition(client: "users", measure: .success(.exactly(PercentValue(scaled: 995_000))))),
            .client(ClientCondition(client: "users", measure: .success(.atLeast(PercentValue(scaled: 900_000))))),
            .client(ClientCondition(client: "users", measure: .success(.atMost(PercentValue(scaled: 1_000_000))))),
            .client(ClientCondition(client: "users", measure: .failures(.exactly(0)))),
            .client(ClientCondition(client: "users", measure: .failures(.atMost(3)))),
            .client(ClientCondition(client: "users", measure: .outcome(.timeout, .exactly(2)))),
            .client(ClientCondition(client: "users", measure: .outcome(.reset, .exactly(0)))),
            .client(ClientCondition(client: "curl", measure: .outcome(.refused, .atLeast(1)))),
            .client(ClientCondition(client: "users", measure: .latency(.p99, .atMost(.milliseconds(250))))),
            .client(ClientCondition(client: "users", measure: .latency(.max, .atLeast(.milliseconds(1))))),
            .portOpen(port: 8080, node: "w1"),
            .nameResolves(name: "tasks.web", node: "w2", addresses: .exactly(3)),
            .nameResolves(name: "web", node: "w2", addresses: nil),
            .backends(service: "web", node: "m1", .atLeast(2)),
        ])
    }

    /// What the runner cannot drive through the model yet (the network queries) is refused (exit 2) rather than run as if nothing happened; clients,
    /// curl, nslookup, firewall and the traffic conditions load.
    @Test func unwiredDataPlaneIsRefusedNotFaked() {
        let body = """
            clients:
              users: {target: web:8080}
            timeline:
              - at 10s: curl w1:8080
              - at 11s: docker exec web.1 ping -c 1 api
              - at 12s: firewall w1 deny 7946
              - at 13s: fail web.1 health
              - at 14s: docker network ls
            expect:
              - at end: client users has no failures

            """
        let result = ScenarioLoader.load(source: Self.header + body, file: "t.scn")
        #expect(result.scenario == nil)
        #expect(result.diagnostics.map(\.message) == [
            "'docker network ls' cannot be simulated yet",
        ])
        #expect(ScenarioLoader.load(source: Self.header + body.components(separatedBy: "\n").filter {
            !$0.contains("network ls")
        }.joined(separator: "\n"), file: "t.scn").scenario != nil)
    }
}
