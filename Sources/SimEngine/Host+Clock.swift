/// The faults of a machine's clock and disk (`clock NODE ...`, `disk NODE ...`).
extension Host {
    /// The host's wall clock now: what its software writes as a timestamp.
    public var wallClock: SimInstant { clock.wall(at: simulation.now) }

    /// Moves the wall clock by `offset` (`clock NODE +2s`); timers keep their deadlines.
    public func jumpClock(by offset: SimDuration) {
        clock.jump(by: offset, at: simulation.now)
    }

    /// Runs the host's clock, and with it every timer its software sets from now on, at `rate`
    /// (`clock NODE rate 1.05`; 1 is true). Timers already set keep their deadlines.
    public func setClockRate(_ rate: Double) {
        let wasSkewed = clock.rate != 1
        clock.setRate(rate, at: simulation.now)
        simulation.hostsWithSkewedClocks += (rate != 1 ? 1 : 0) - (wasSkewed ? 1 : 0)
    }

    /// At boot, a disk marked lost (`disk NODE wipe`) is replaced by an empty one.
    func replaceWipedDisk() {
        guard wipesDiskAtNextBoot else { return }
        wipesDiskAtNextBoot = false
        disk.wipe()
        disk.flush()
    }
}

extension Simulation {
    /// The simulated time a timer of `host` set for `delay` of the host's own time takes.
    @inlinable
    func timerDelay(_ delay: SimDuration, host: HostID?) -> SimDuration {
        guard hostsWithSkewedClocks > 0, let host else { return delay }
        return hosts[host].clock.simulatedDelay(for: delay)
    }
}
