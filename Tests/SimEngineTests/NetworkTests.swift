import Testing
@testable import SimEngine

private struct Numbered: NetworkMessage {
    var number: Int
}

/// Software that records every message it receives.
private final class Inbox: HostSoftware {
    var received: [(from: HostID, number: Int, at: SimInstant)] = []
    func start() {}
    func receive(_ envelope: Envelope) {
        received.append((envelope.from, (envelope.message as! Numbered).number, envelope.sentAt))
    }
}

/// A simulation with `count` hosts running `Inbox`.
private func makeCluster(_ count: Int, seed: UInt64 = 1) -> (Simulation, [Inbox]) {
    let sim = Simulation(seed: seed)
    var inboxes: [Inbox] = []
    for i in 0..<count {
        let inbox = Inbox()
        inboxes.append(inbox)
        sim.addHost(named: "h\(i)") { _ in inbox }
    }
    for host in sim.hosts { host.powerOn() }
    return (sim, inboxes)
}

@Suite struct NetworkTests {
    @Test func deliversAfterLatencyPlusJitter() {
        let (sim, inboxes) = makeCluster(2)
        sim.network.defaults = LinkParameters(latency: .milliseconds(10), jitter: .milliseconds(2))
        var arrivals: [Int64] = []
        sim.afterEachInstant { _ in arrivals.append(sim.now.nanoseconds) }
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.count == 1)
        #expect(arrivals.count == 1)
        #expect(arrivals[0] >= 10_000_000 && arrivals[0] <= 12_000_000)
    }

    @Test func eachLinkIsFIFOUnderJitter() {
        let (sim, inboxes) = makeCluster(3)
        sim.network.defaults = LinkParameters(latency: .milliseconds(1), jitter: .milliseconds(50))
        for round in 0..<500 {
            sim.schedule(after: .microseconds(Int64(round * 100))) {
                sim.network.send(Numbered(number: round), from: 0, to: 1)
                sim.network.send(Numbered(number: round), from: 2, to: 1)
            }
        }
        sim.run(for: .seconds(5))
        let fromZero = inboxes[1].received.filter { $0.from == 0 }.map(\.number)
        let fromTwo = inboxes[1].received.filter { $0.from == 2 }.map(\.number)
        #expect(fromZero == Array(0..<500))
        #expect(fromTwo == Array(0..<500))
        // Jitter of 50ms against 0.1ms spacing means the two links did interleave.
        #expect(inboxes[1].received.map(\.from) != Array(repeating: [0, 2], count: 500).flatMap { $0 })
    }

    @Test func partitionCutsBetweenGroupsAndHealRestores() {
        let (sim, inboxes) = makeCluster(4)
        sim.network.partition([[0, 1], [2]])  // host 3 is unlisted: a group of its own
        for from in 0..<4 { for to in 0..<4 where from != to { sim.network.send(Numbered(number: from * 10 + to), from: from, to: to) } }
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.map(\.from) == [0])
        #expect(inboxes[0].received.map(\.from) == [1])
        #expect(inboxes[2].received.isEmpty)
        #expect(inboxes[3].received.isEmpty)
        #expect(sim.network.dropped == 10)
        sim.network.heal()
        sim.network.send(Numbered(number: 99), from: 3, to: 2)
        sim.run(for: .seconds(1))
        #expect(inboxes[2].received.map(\.number) == [99])
    }

    @Test func isolateCutsOneHostFromAllOthers() {
        let (sim, inboxes) = makeCluster(3)
        sim.network.isolate(1)
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.network.send(Numbered(number: 2), from: 1, to: 2)
        sim.network.send(Numbered(number: 3), from: 0, to: 2)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.isEmpty)
        #expect(inboxes[2].received.map(\.number) == [3])
        #expect(sim.network.isCut(from: 2, to: 1))
        #expect(!sim.network.isCut(from: 2, to: 0))
    }

    @Test func oneWayDropLosesOnlyThatDirection() {
        let (sim, inboxes) = makeCluster(2)
        sim.network.dropOneWay(from: 0, to: 1)
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.network.send(Numbered(number: 2), from: 1, to: 0)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.isEmpty)
        #expect(inboxes[0].received.map(\.number) == [2])
        sim.network.heal()
        sim.network.send(Numbered(number: 3), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.map(\.number) == [3])
    }

    @Test func messagesInFlightOnALinkThatGetsCutAreLostEvenIfItHeals() {
        let (sim, inboxes) = makeCluster(2)
        sim.network.defaults = LinkParameters(latency: .milliseconds(10), jitter: .zero)
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.run(for: .milliseconds(3))
        sim.network.isolate(1)
        sim.run(for: .milliseconds(3))
        sim.network.heal()
        sim.network.send(Numbered(number: 2), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.map(\.number) == [2])
        #expect(sim.network.dropped == 1)
        #expect(sim.network.delivered == 1)
        #expect(sim.network.sent == 2)
    }

    @Test func lossOfTwentyPercentIsWithinOnePointOverAHundredThousandMessages() {
        let (sim, inboxes) = makeCluster(2, seed: 11)
        sim.network.setLink(from: 0, to: 1, LinkParameters(latency: .milliseconds(1), jitter: .zero, loss: 0.2))
        for _ in 0..<100_000 { sim.network.send(Numbered(number: 0), from: 0, to: 1) }
        sim.run(for: .seconds(1))
        let lossRate = Double(100_000 - inboxes[1].received.count) / 100_000
        #expect(abs(lossRate - 0.2) < 0.01, "loss rate \(lossRate)")
        #expect(sim.network.dropped + sim.network.delivered == 100_000)
    }

    @Test func messagesToACrashedOrRestartedHostAreLost() {
        let (sim, inboxes) = makeCluster(2)
        sim.network.defaults = LinkParameters(latency: .milliseconds(10), jitter: .zero)
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.run(for: .milliseconds(2))
        sim.hosts[1].crash()
        sim.hosts[1].boot(after: .milliseconds(1))  // back before the message would arrive
        sim.run(for: .seconds(1))
        #expect(sim.hosts[1].isUp)
        #expect(inboxes[1].received.isEmpty, "the connection belonged to the previous incarnation")
        sim.network.send(Numbered(number: 2), from: 0, to: 1)
        sim.run(for: .seconds(1))
        #expect(inboxes[1].received.map(\.number) == [2])
    }

    @Test func perLinkLatencyOverride() {
        let (sim, inboxes) = makeCluster(2)
        sim.network.setLink(from: 0, to: 1, LinkParameters(latency: .milliseconds(200), jitter: .zero))
        sim.network.send(Numbered(number: 1), from: 0, to: 1)
        sim.run(for: .milliseconds(199))
        #expect(inboxes[1].received.isEmpty)
        sim.run(for: .milliseconds(1))
        #expect(inboxes[1].received.count == 1)
        #expect(sim.network.link(from: 1, to: 0) == sim.network.defaults)
    }

    @Test func resetLinksDropsEveryOverrideAndSetsTheDefaults() {
        let (sim, _) = makeCluster(3)
        sim.network.setLink(from: 0, to: 1, LinkParameters(latency: .milliseconds(200), jitter: .zero, loss: 1))
        sim.network.defaults.loss = 0.5
        let settled = LinkParameters(latency: .milliseconds(7), jitter: .zero)
        sim.network.resetLinks(to: settled)
        #expect(sim.network.defaults == settled)
        #expect(sim.network.link(from: 0, to: 1) == settled)
        #expect(sim.network.link(from: 2, to: 0) == settled)
    }
}
