import Testing
@testable import SimEngine

/// A component with a life shorter than its host's, like a leader's dispatcher: it logs each
/// piece of its work that runs.
private final class Worker: HostComponent {
    let host: Host
    let name: String
    var isRunning = true
    var log: (String) -> Void

    init(host: Host, name: String, log: @escaping (String) -> Void) {
        self.host = host
        self.name = name
        self.log = log
    }
}

/// Host software that owns one worker at a time, and can replace it (a new leader term).
private final class Owner: HostSoftware {
    let host: Host
    var worker: Worker?

    init(host: Host) {
        self.host = host
    }

    func start() {}
    func receive(_ envelope: Envelope) {}
}

@Suite struct HostComponentTests {
    /// Work is dropped once its component stops, and a component released while its work is
    /// pending is kept alive by that work rather than read after it was freed (the crash of
    /// `Dispatcher.tasksChanged` after a step-down, with an `unowned` capture).
    @Test func workOfAStoppedOrReleasedComponentNeverRuns() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "m1") { Owner(host: $0) }
        host.powerOn()
        sim.run(until: .zero + .seconds(1))
        let owner = host.software as! Owner
        var first: Worker? = Worker(host: host, name: "first") { lines.append($0) }
        sim.schedule(after: .seconds(1), for: first!) { $0.log("\($0.name) ran") }
        sim.schedule(after: .seconds(2), for: first!) { $0.log("\($0.name) ran late") }
        first!.isRunning = false  // stopped: its pending work is dropped
        first = nil  // and released: the events still hold it, so nothing reads freed memory
        owner.worker = Worker(host: host, name: "second") { lines.append($0) }
        sim.schedule(after: .seconds(1), for: owner.worker!) { $0.log("\($0.name) ran") }
        sim.run(until: .zero + .seconds(5))
        #expect(lines == ["second ran"])
    }

    /// A crash ends the host's incarnation: the component's pending work is dropped, and the
    /// work of a component of the next incarnation runs.
    @Test func aCrashDropsEveryPendingPieceOfWork() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "w1") { Owner(host: $0) }
        host.powerOn()
        sim.run(until: .zero + .seconds(1))
        let before = Worker(host: host, name: "before") { lines.append($0) }
        for delay in 1...3 { sim.schedule(after: .seconds(Int64(delay)), for: before) { $0.log("\($0.name) \(delay)") } }
        sim.run(until: .zero + .milliseconds(2500))
        host.crash()
        host.boot(after: .seconds(1))
        sim.run(until: .zero + .seconds(4))
        let after = Worker(host: host, name: "after") { lines.append($0) }
        sim.schedule(after: .seconds(1), for: after) { $0.log("\($0.name) 1") }
        sim.run(until: .zero + .seconds(10))
        #expect(lines == ["before 1", "after 1"])
    }
}
