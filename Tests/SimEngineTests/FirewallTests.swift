import Testing
@testable import SimEngine

/// A message to a chosen port.
private struct Probe: NetworkMessage {
    var tag: Int
    var port: NetworkPort
}

/// A message type that names no port (as every model's message did before ports existed).
private struct Portless: NetworkMessage {}

/// Software that records the tags it receives.
private final class Inbox: HostSoftware {
    var tags: [Int] = []
    var portless = 0
    func start() {}
    func receive(_ envelope: Envelope) {
        if let probe = envelope.message as? Probe { tags.append(probe.tag) } else { portless += 1 }
    }
}

/// `count` hosts, each running an `Inbox`, 1 ms apart.
private func makeHosts(_ count: Int) -> (Simulation, [Inbox]) {
    let sim = Simulation(seed: 7)
    sim.network.defaults = LinkParameters(latency: .milliseconds(1))
    let inboxes = (0..<count).map { _ in Inbox() }
    for (index, inbox) in inboxes.enumerated() { sim.addHost(named: "h\(index)") { _ in inbox }.powerOn() }
    return (sim, inboxes)
}

private let gossipUDP = NetworkPort(7946, .udp)
private let gossipTCP = NetworkPort(7946, .tcp)
private let raft = NetworkPort(2377, .tcp)

@Suite struct FirewallTests {
    @Test func noRuleDeliversEveryPort() {
        let (sim, inboxes) = makeHosts(2)
        for (tag, port) in [gossipUDP, gossipTCP, raft, .ephemeral].enumerated() {
            sim.network.send(Probe(tag: tag, port: port), from: 0, to: 1)
        }
        sim.network.send(Portless(), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [0, 1, 2, 3])
        #expect(inboxes[1].portless == 1)
        #expect(sim.network.dropped == 0)
        #expect(sim.network.firewall.ruleCount == 0)
    }

    @Test func denyDropsBothTransportsOfThatPortOnThatHostOnly() {
        let (sim, inboxes) = makeHosts(3)
        sim.network.deny(7946, on: 1)
        for (tag, port) in [gossipUDP, gossipTCP, raft, .ephemeral].enumerated() {
            sim.network.send(Probe(tag: tag, port: port), from: 0, to: 1)
            sim.network.send(Probe(tag: tag, port: port), from: 0, to: 2)
        }
        sim.network.send(Portless(), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [2, 3])  // 2377 and replies on the host's own connections pass
        #expect(inboxes[1].portless == 1)
        #expect(inboxes[2].tags == [0, 1, 2, 3])
        #expect(sim.network.dropped == 2)
        #expect(sim.hosts[1].isUp)
    }

    @Test func denyOfOneTransportLeavesTheOther() {
        let (sim, inboxes) = makeHosts(2)
        sim.network.deny(7946, .udp, on: 1)
        sim.network.send(Probe(tag: 0, port: gossipUDP), from: 0, to: 1)
        sim.network.send(Probe(tag: 1, port: gossipTCP), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [1])
    }

    @Test func allowRestoresAndPartialAllowKeepsTheRest() {
        let (sim, inboxes) = makeHosts(2)
        sim.network.deny(7946, on: 1)
        sim.network.allow(7946, .udp, on: 1)
        sim.network.send(Probe(tag: 0, port: gossipUDP), from: 0, to: 1)
        sim.network.send(Probe(tag: 1, port: gossipTCP), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [0])
        sim.network.allow(7946, on: 1)
        #expect(sim.network.firewall.ruleCount == 0)
        sim.network.send(Probe(tag: 2, port: gossipTCP), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [0, 2])
    }

    @Test func ruleAppliesOnArrivalToPacketsInFlight() {
        let (sim, inboxes) = makeHosts(2)
        sim.network.defaults = LinkParameters(latency: .milliseconds(100))
        sim.network.send(Probe(tag: 0, port: gossipUDP), from: 0, to: 1)
        sim.schedule(after: .milliseconds(50)) { sim.network.deny(7946, on: 1) }
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags.isEmpty)
        #expect(sim.network.dropped == 1)
    }

    @Test func loopbackIsNotFiltered() {
        let (sim, inboxes) = makeHosts(2)
        sim.network.deny(7946, on: 1)
        sim.network.send(Probe(tag: 0, port: gossipUDP), from: 1, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [0])
    }

    @Test func exemptSenderPasses() {
        let (sim, inboxes) = makeHosts(2)
        sim.network.exemptFromFaults(0)
        sim.network.deny(2377, on: 1)
        sim.network.send(Probe(tag: 0, port: raft), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].tags == [0])
    }
}
