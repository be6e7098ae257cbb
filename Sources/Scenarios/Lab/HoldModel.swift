import SimEngine

/// The classic "hold" benchmark of event-queue performance, run on the real engine: a fixed
/// number of pending timers; each event, when it runs, schedules one new event at now plus
/// a random delay.
public final class HoldModel: EventHandler {
    public let simulation: Simulation
    private var random: RandomStream
    private let maxDelay: Int
    private let eventLimit: Int
    private var remaining: Int

    /// - Parameters:
    ///   - pending: timers kept in the queue.
    ///   - events: events to run in all.
    ///   - maxDelay: delays are uniform in `[1, maxDelay]` nanoseconds.
    public init(seed: UInt64, pending: Int, events: Int, maxDelay: Int = 1_000_000) {
        simulation = Simulation(seed: seed)
        random = simulation.stream(named: "hold")
        self.maxDelay = maxDelay
        eventLimit = events
        remaining = events
        for _ in 0..<pending { scheduleNext() }
    }

    public func handleEvent(token: Int) {
        remaining -= 1
        if remaining <= 0 {
            simulation.requestStop()
            return
        }
        scheduleNext()
    }

    @inline(__always)
    private func scheduleNext() {
        let delay = Int64(1 + random.nextInt(below: maxDelay))
        simulation.schedule(after: SimDuration(nanoseconds: delay), handler: self, token: 0, host: nil)
    }

    /// Runs the model to completion; returns the number of events run.
    @discardableResult
    public func run() -> Int {
        simulation.run(until: .distantFuture)
        return simulation.eventsProcessed
    }
}
