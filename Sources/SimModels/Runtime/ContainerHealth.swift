import SimEngine

/// A container's health status under its health check (moby `daemon/health.go`): `starting`
/// until the first probe passes, `healthy` after a pass, `unhealthy` after `retries`
/// consecutive failures, where failures inside the start period do not count.
public struct ContainerHealth: Equatable, Sendable {
    public enum Status: String, Sendable {
        case starting
        case healthy
        case unhealthy
    }

    public private(set) var status = Status.starting
    public private(set) var failingStreak = 0

    /// `--health-start-interval`'s default since Docker 27 (`c514952`): the probe interval
    /// during a non-zero start period (NETWORK_FACTS §4).
    public static let startInterval = SimDuration.seconds(5)

    /// The first probe runs one interval after the container starts (the start interval
    /// inside a non-zero start period).
    static func firstProbeDelay(_ check: Healthcheck) -> SimDuration {
        check.startPeriod > .zero ? startInterval : check.interval
    }

    /// The wait before the next probe: the start interval while inside a start period.
    static func nextProbeDelay(_ check: Healthcheck, sinceStart: SimDuration) -> SimDuration {
        sinceStart < check.startPeriod ? startInterval : check.interval
    }

    /// Records a probe; returns true when the container just became healthy, false when it
    /// just became unhealthy, nil when the status that matters did not change.
    mutating func record(passed: Bool, inStartPeriod: Bool, retries: Int) -> Bool? {
        if passed {
            failingStreak = 0
            guard status != .healthy else { return nil }
            status = .healthy
            return true
        }
        if inStartPeriod && status != .healthy { return nil }
        failingStreak += 1
        guard failingStreak >= max(1, retries), status != .unhealthy else { return nil }
        status = .unhealthy
        return false
    }
}
