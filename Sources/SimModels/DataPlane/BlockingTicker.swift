import SimEngine

/// A Go `time.Ticker` driving work that may block (a join waits up to 10 s for TCP, a bulk sync
/// 30 s for its answer): a tick that comes while the work runs is kept, one at most, and the
/// work runs again as soon as it finished; further ticks are lost. This is how libnetwork's
/// `triggerFunc` loops behave (moby libnetwork `networkdb/cluster.go`).
final class BlockingTicker<Component: HostComponent> {
    let interval: SimDuration
    /// The work; it calls its second argument when it finished.
    private let work: (Component, @escaping () -> Void) -> Void
    private var busy = false
    private var missed = false

    init(every interval: SimDuration, _ work: @escaping (Component, @escaping () -> Void) -> Void) {
        self.interval = interval
        self.work = work
    }

    /// Ticks from one interval after now, for as long as `component` runs.
    func start(for component: Component, on simulation: Simulation) {
        simulation.schedule(after: interval, for: component) { [self] component in
            tick(component, on: simulation)
        }
    }

    private func tick(_ component: Component, on simulation: Simulation) {
        if busy { missed = true } else { run(component) }
        start(for: component, on: simulation)
    }

    private func run(_ component: Component) {
        busy = true
        work(component) { [self] in
            busy = false
            if missed {
                missed = false
                run(component)
            }
        }
    }
}
