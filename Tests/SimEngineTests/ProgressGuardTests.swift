import Testing
@testable import SimEngine

/// A component whose timer re-arms itself `step` later: with a zero step, a livelock.
private final class Spinner: HostComponent, HostSoftware {
    let host: Host
    var isRunning: Bool { true }
    var step = SimDuration.zero
    var runs = 0

    init(host: Host) {
        self.host = host
    }

    func start() {}
    func receive(_ envelope: Envelope) {}

    func spin() {
        host.simulation.schedule(after: step, for: self) { spinner in
            spinner.runs += 1
            spinner.spin()
        }
    }
}

@Suite struct ProgressGuardTests {
    private func spinner(step: SimDuration, hosts: Int = 1) -> (Simulation, Spinner) {
        let sim = Simulation(seed: 1)
        for index in 0..<hosts { sim.addHost(named: "h\(index + 1)") { Spinner(host: $0) }.powerOn() }
        let spinner = sim.hosts[0].software as! Spinner
        spinner.step = step
        return (sim, spinner)
    }

    /// A timer that fires again at the same instant forever (the scheduler's debounce, when a
    /// batch took over a second to commit) stops the run instead of hanging it, and the report
    /// names the component and host that filled the instant.
    @Test func aTimerRearmedAtTheSameInstantStopsTheRun() {
        let (sim, spinner) = spinner(step: .zero, hosts: 5)
        sim.guardProgress()
        sim.schedule(after: .seconds(3)) { spinner.spin() }
        sim.run(until: .zero + .seconds(60))
        let stall = try! #require(sim.stall)
        #expect(stall.budget == .instant)
        #expect(stall.at == .zero + .seconds(3))
        #expect(stall.limit == 20_000 + 200 * 5)
        #expect(stall.sources == [StallReport.Source(name: "Spinner on h1", events: 10_000)])
        #expect(stall.summary.hasPrefix("the simulation stopped making progress at 3.000s: more than 21000 events in one instant"))
        #expect(sim.now == .zero + .seconds(3))  // the clock stops where progress did
    }

    /// Time that creeps forward by a nanosecond at a time is caught by the per-second budget.
    @Test func timeCreepingForwardIsCaughtBySecond() {
        let (sim, spinner) = spinner(step: .nanoseconds(1))
        sim.guardProgress()
        spinner.spin()
        sim.run(until: .zero + .seconds(60))
        let stall = try! #require(sim.stall)
        #expect(stall.budget == .second)
        #expect(stall.limit == 200_000 + 20_000)
        #expect(stall.at < .zero + .milliseconds(1))
    }

    /// A busy but progressing run is never stopped: 1,000 events a simulated second.
    @Test func aBusyRunThatProgressesIsNotStopped() {
        let (sim, spinner) = spinner(step: .milliseconds(1))
        sim.guardProgress()
        spinner.spin()
        sim.run(until: .zero + .seconds(60))
        #expect(sim.stall == nil)
        #expect(spinner.runs == 60_000)
    }

    /// Without the guard (the engine benchmark), nothing is counted or stopped.
    @Test func theGuardIsOffUnlessTurnedOn() {
        let (sim, spinner) = spinner(step: .nanoseconds(1))
        spinner.spin()
        sim.run(until: .zero + .microseconds(300))
        #expect(sim.stall == nil)
        #expect(spinner.runs == 300_000)
    }
}
