import Testing
@testable import SimEngine

private let note = DiskKey<String>("note")

/// Software whose one timer records when it fired.
private final class Sleeper: HostSoftware, HostComponent {
    let host: Host
    var isRunning: Bool { true }
    var firedAt: [SimInstant] = []

    init(host: Host) {
        self.host = host
    }

    func start() {}
    func receive(_ envelope: Envelope) {}

    func sleep(_ delay: SimDuration) {
        host.simulationForTests.schedule(after: delay, for: self) { $0.firedAt.append($0.host.simulationForTests.now) }
    }
}

extension Host {
    fileprivate var simulationForTests: Simulation { simulation }
}

/// A machine's clock (`clock NODE +2s | rate 1.05`) and a lost disk (`disk NODE wipe`).
@Suite struct HostClockTests {
    @Test func aJumpMovesTheWallClockOnly() {
        var clock = HostClock()
        #expect(clock.wall(at: .zero + .seconds(5)) == .zero + .seconds(5))
        clock.jump(by: .seconds(2), at: .zero + .seconds(5))
        #expect(clock.wall(at: .zero + .seconds(6)) == .zero + .seconds(8))
        clock.jump(by: .milliseconds(-500), at: .zero + .seconds(6))
        #expect(clock.wall(at: .zero + .seconds(6)) == .zero + .milliseconds(7_500))
        #expect(clock.simulatedDelay(for: .seconds(10)) == .seconds(10))
    }

    @Test func aRateMovesTimestampsAndTimers() {
        var clock = HostClock()
        clock.setRate(1.25, at: .zero + .seconds(4))
        #expect(clock.wall(at: .zero + .seconds(8)) == .zero + .seconds(9))
        #expect(clock.simulatedDelay(for: .seconds(10)) == .seconds(8))
        clock.setRate(1, at: .zero + .seconds(8))
        #expect(clock.wall(at: .zero + .seconds(10)) == .zero + .seconds(11))
    }

    /// A host whose clock runs 25% fast fires a 10 s timer after 8 s; the others keep time, and
    /// the host keeps time again once its rate is back to 1.
    @Test func timersOfAFastHostFireSooner() throws {
        let sim = Simulation(seed: 1)
        var sleepers: [Sleeper] = []
        for name in ["a", "b"] {
            let host = sim.addHost(named: name) { host in
                let sleeper = Sleeper(host: host)
                sleepers.append(sleeper)
                return sleeper
            }
            host.powerOn()
        }
        sim.hosts[0].setClockRate(1.25)
        for sleeper in sleepers { sleeper.sleep(.seconds(10)) }
        sim.run(for: .seconds(20))
        #expect(sleepers[0].firedAt == [.zero + .seconds(8)])
        #expect(sleepers[1].firedAt == [.zero + .seconds(10)])
        sim.hosts[0].setClockRate(1)
        sleepers[0].sleep(.seconds(10))
        sim.run(for: .seconds(20))
        #expect(sleepers[0].firedAt.last == .zero + .seconds(30))
    }

    /// A wiped disk keeps serving the running software; the next boot starts empty.
    @Test func aWipedDiskIsEmptyAtTheNextBoot() {
        let sim = Simulation(seed: 1)
        let host = sim.addHost(named: "m1") { Sleeper(host: $0) }
        host.powerOn()
        host.disk.put("kept", at: note)
        host.disk.sync {}
        sim.run(for: .seconds(1))
        host.wipesDiskAtNextBoot = true
        #expect(host.disk.value(note) == "kept")
        host.crash()
        host.boot()
        sim.run(for: .seconds(5))
        #expect(host.isUp)
        #expect(host.disk.value(note) == nil)
        host.crash()
        host.boot()
        sim.run(for: .seconds(5))
        #expect(host.disk.value(note) == nil)
    }
}
