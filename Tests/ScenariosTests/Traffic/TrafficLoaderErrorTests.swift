import Testing
@testable import Scenarios

/// Mistakes in SCENARIO_FORMAT §9's keys, actions and conditions are errors in the project's
/// style: where, what, and a hint.
@Suite struct TrafficLoaderErrorTests {
    static func errors(_ body: String) -> [String] {
        let result = TrafficLoaderTests.load(body)
        #expect(result.scenario == nil)
        return result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" + ($0.hint.map { " | " + $0 } ?? "") }
    }

    @Test func clientConditionsNeedAWindowOfRequests() {
        let errors = Self.errors("""
            clients:
              users: {target: web:8080}
            expect:
              - at 30s: client users has no failures
              - by 30s: client users success is 100%
              - never: client users has 3 refused

            """)
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("25:5: 'at 30s' cannot judge a client's requests | a client condition counts the requests started in a window"))
        #expect(errors[1].hasPrefix("26:5: 'by 30s' cannot judge"))
        #expect(errors[2].hasPrefix("27:5: 'never' cannot judge"))
    }

    @Test func badClients() {
        let errors = Self.errors("""
            clients:
              a: {target: nothing:8080}
              b: {target: web}
              c: {target: web:8080, rate: fast}
              d: {target: web:8080, trget: x}
              e: {from_service: db, target: web:80}
              f: {from_service: api, target: web:80, via: [w1]}
              g: {target: web:8080, start: 50s, stop: 20s}
              h: {target: web:8080, via: [w9]}
              curl: {target: web:8080}

            """)
        #expect(errors == [
            "23:15: unknown service or node 'nothing' in 'target' | services are web, api; nodes are m1, w1, w2, w3",
            "24:15: expected NAME:PORT for 'target', found 'web' | write SERVICE:PUBLISHED_PORT (such as web:8080) or NODE:PORT",
            "25:31: rate must be a whole number, got 'fast' | write a whole number from 1 to 100000",
            "26:25: unknown key 'trget' in client 'd' | did you mean 'target'?",
            "27:21: unknown service 'db' in 'from_service' | services are web, api",
            "28:47: 'via' is for a client from outside; a client with 'from_service' leaves from that service's tasks",
            "29:43: client 'g' stops before it starts | make 'stop' later than 'start'",
            "30:31: unknown node 'w9' in 'via' | nodes are m1, w1, w2, w3",
            "31:3: 'curl' names the timeline's curl actions in conditions; a client needs another name | name the client for its users, such as 'users'",
        ])
    }

    @Test func badActions() {
        let errors = Self.errors("""
            timeline:
              - at 1s: curl w9:8080
              - at 2s: curl w1
              - at 3s: curl w1:99999
              - at 4s: docker exec web.1 ping api
              - at 5s: docker exec web.1 wget api
              - at 6s: firewall w1 block 7946
              - at 7s: firewall w1 deny 4789/icmp
              - at 8s: fail web.x health
              - at 9s: docker service update --endpoint-mode rr web
              - at 10s: docker network rm

            """)
        #expect(errors.count == 10)
        #expect(errors[0] == "23:17: unknown node 'w9' in 'curl' | nodes are m1, w1, w2, w3")
        #expect(errors[1] == "24:17: expected NODE:PORT, found 'w1' | usage: curl NODE:PORT [--max-time 1s]")
        #expect(errors[2] == "25:20: port '99999' is too large | usage: curl NODE:PORT [--max-time 1s]")
        #expect(errors[3].hasPrefix("26:") && errors[3].contains("'ping' needs -c N"))
        #expect(errors[4] == "27:30: 'wget' is not simulated in 'docker exec' | usage: docker exec TASK ping -c N NAME, or docker exec TASK nslookup NAME")
        #expect(errors[5] == "28:24: expected deny or allow after 'firewall w1', found 'block' | usage: firewall NODE deny|allow PORT[/tcp|udp]")
        #expect(errors[6] == "29:29: invalid protocol 'icmp' in '4789/icmp' | a firewall rule names tcp or udp")
        #expect(errors[7] == "30:21: task slot must be a whole number, got 'x' | usage: fail NODE image-pull, or fail TASK health")
        #expect(errors[8].hasPrefix("31:") && errors[8].contains("invalid endpoint mode 'rr'"))
        #expect(errors[9].hasPrefix("32:") && errors[9].contains("'docker network rm' requires at least 1 argument"))
    }

    @Test func badConditionsAndKeys() {
        let errors = Self.errors("""
            clients:
              users: {target: web:8080}
            expect:
              - always: client usres success is 100%
              - always: client users success is 100.5%
              - always: client users success is 99.12345%
              - always: client users p95 latency is at most 1s
              - always: client users has 3 dropped
              - at 5s: port 8080 is open on w9
              - at 5s: backends of nginx on w1 is 2

            """)
        #expect(errors == [
            "25:20: unknown client 'usres' | did you mean 'users'?",
            "26:37: percentage '100.5%' is over 100% | write a percentage from 0% to 100%, such as 99.5% (at most four decimals)",
            "27:37: invalid percentage '99.12345%' | write a percentage from 0% to 100%, such as 99.5% (at most four decimals)",
            "28:26: expected one of success, has, p50, p90, p99, max after 'client users', found 'p95' | did you mean 'p90'?",
            "29:32: expected one of failures, failure, refused, timeout, reset, unresolved after 'client users has 3', found 'dropped'",
            "30:33: unknown node 'w9' in 'port 8080 is open on' | nodes are m1, w1, w2, w3",
            "31:24: unknown service 'nginx' in 'backends of' | services are web, api",
        ])
        let keyErrors = Self.errors("""
            networks:
              back: {driver: bridge, ipam: {config: [{subnet: 10.0.300.0/24}]}}

            """.replacingOccurrences(of: "networks:", with: "clients:\n  x: {target: web:8080, via: w1}\nnetworks2:"))
        #expect(keyErrors.first?.contains("unknown key 'networks2'") == true)
    }

    @Test func dnsrrWithIngressPortIsSwarmkitsError() {
        let result = ScenarioLoader.loadReadingUnwired(source: """
            scenario: x
            services:
              web: {image: nginx, ports: ["80:80"], deploy: {endpoint_mode: dnsrr}}
            """, file: "t.scn")
        #expect(result.diagnostics.map(\.message) == ["EndpointSpec: port published with ingress mode can't be used with dnsrr mode"])
    }

    @Test func undefinedNetworkOfAService() {
        let result = ScenarioLoader.loadReadingUnwired(source: """
            scenario: x
            networks: {front: {}}
            services:
              web: {image: nginx, networks: [back]}
            """, file: "t.scn")
        #expect(result.diagnostics.map(\.message) == ["service 'web' refers to undefined network back"])
    }
}
