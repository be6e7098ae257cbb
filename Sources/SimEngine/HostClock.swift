/// A host's own clock: the wall clock its software reads for the timestamps it writes, and the
/// rate at which its timers run.
///
/// It starts true (the simulation's time, rate 1). A jump (`clock NODE +2s`) moves the wall clock
/// and not the timers: Go's timers and `time.Since` run on the monotonic clock, which a change of
/// the wall clock does not move (Go `time` package, "Monotonic Clocks"). A rate (`clock NODE rate
/// 1.05`) moves both: a crystal running fast makes every timer of the host fire sooner and its
/// timestamps run ahead. The clock is the machine's, so it survives crashes and restarts.
public struct HostClock: Equatable, Sendable {
    /// How many seconds of the host's time pass per second of simulated time.
    public private(set) var rate: Double = 1
    /// The simulated instant of the last change, and the host's wall clock then.
    private var anchor: SimInstant = .zero
    private var wallAtAnchor: SimInstant = .zero

    public init() {}

    /// The host's wall clock at simulated time `now`.
    public func wall(at now: SimInstant) -> SimInstant {
        wallAtAnchor + scaled(now - anchor, by: rate)
    }

    /// Moves the wall clock by `offset` (negative: back) at `now`; timers are unaffected.
    public mutating func jump(by offset: SimDuration, at now: SimInstant) {
        rebase(at: now)
        wallAtAnchor = wallAtAnchor + offset
    }

    /// From `now` on, the host's time runs at `rate` (1: true).
    public mutating func setRate(_ rate: Double, at now: SimInstant) {
        precondition(rate > 0, "a clock rate must be positive")
        rebase(at: now)
        self.rate = rate
    }

    /// The simulated time a timer of the host set for `delay` of its own time takes.
    public func simulatedDelay(for delay: SimDuration) -> SimDuration {
        rate == 1 ? delay : scaled(delay, by: 1 / rate)
    }

    private mutating func rebase(at now: SimInstant) {
        wallAtAnchor = wall(at: now)
        anchor = now
    }

    private func scaled(_ duration: SimDuration, by factor: Double) -> SimDuration {
        factor == 1 ? duration : SimDuration(nanoseconds: Int64((Double(duration.nanoseconds) * factor).rounded()))
    }
}
