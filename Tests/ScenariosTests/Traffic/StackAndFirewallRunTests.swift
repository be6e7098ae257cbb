import SimEngine
import Testing
@testable import Scenarios

/// What §9 adds that the control plane already simulates runs through the engine: the file's
/// networks are created before its services, and firewall rules drop a host's inbound packets.
@Suite struct StackAndFirewallRunTests {
    /// A service on a network of the file's `networks:` deploys: the network is created first.
    @Test func stackNetworksAreCreatedBeforeTheServices() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: stack network
            duration: 40s
            cluster: {managers: 1, workers: 2}
            networks:
              front: {driver: overlay, ipam: {config: [{subnet: 10.0.9.0/24}]}}
            services:
              web: {image: nginx, networks: [front], deploy: {replicas: 2}}
            expect:
              - at end: service web is 2/2
            """))
        #expect(timeline.contains("docker stack deploy: network front"))
        #expect(result.passed, "\(timeline)")
    }

    /// Blocking 2377 on the manager stops the workers' heartbeats reaching its dispatcher: it
    /// marks them down while their hosts run; `heal` removes the rule and they come back. The
    /// same rule on a worker changes nothing: a worker listens on no management port, and the
    /// answers to its own connections are not filtered.
    @Test func firewallOnTheManagementPortCutsAWorkerOffUntilHeal() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: firewall 2377
            duration: 2m
            cluster: {managers: 1, workers: 2}
            timeline:
              - at 5s: firewall w2 deny 2377
              - at 10s: firewall m1 deny 2377
              - at 60s: heal
            expect:
              - from 5s to 10s: node w1 is ready
              - from 5s to 10s: node w2 is ready
              - by 55s: node w1 is down
              - at 59s: node w2 is down
              - at 100s: node w1 is ready
              - at 100s: node w2 is ready
            """))
        #expect(result.passed, "\(timeline)")
    }

    /// A rule for the other transport does not touch the management traffic (tcp).
    @Test func firewallOnUDPLeavesTCPAlone() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: firewall 2377/udp
            duration: 1m
            cluster: {managers: 1, workers: 1}
            timeline:
              - at 10s: firewall w1 deny 2377/udp
            expect:
              - from 10s to 60s: node w1 is ready
            """))
        #expect(result.passed, "\(timeline)")
    }
}
