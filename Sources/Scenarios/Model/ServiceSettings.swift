import SimEngine
import SimModels

/// One field of a restart policy.
public enum RestartSetting: Equatable, Sendable {
    /// `condition` / `--restart-condition`.
    case condition(RestartPolicy.Condition)
    /// `delay` / `--*-delay`.
    case delay(SimDuration)
    /// `max_attempts` / `--restart-max-attempts` (0: unlimited).
    case maxAttempts(Int)
    /// `window` / `--restart-window` (0: unbounded).
    case window(SimDuration)

    /// Sets the field in `policy`.
    public func apply(to policy: inout RestartPolicy) {
        switch self {
        case .condition(let value): policy.condition = value
        case .delay(let value): policy.delay = value
        case .maxAttempts(let value): policy.maxAttempts = value
        case .window(let value): policy.window = value
        }
    }
}

/// One field of an update or rollback config.
public enum UpdateSetting: Equatable, Sendable {
    /// `parallelism` (0: all at once).
    case parallelism(Int)
    /// `delay` / `--*-delay`.
    case delay(SimDuration)
    /// `failure_action`.
    case failureAction(UpdateConfig.FailureAction)
    /// `monitor`.
    case monitor(SimDuration)
    /// `max_failure_ratio`, in [0, 1].
    case maxFailureRatio(Double)
    /// `order`.
    case order(UpdateConfig.Order)

    /// Sets the field in `config`.
    public func apply(to config: inout UpdateConfig) {
        switch self {
        case .parallelism(let value): config.parallelism = value
        case .delay(let value): config.delay = value
        case .failureAction(let value): config.failureAction = value
        case .monitor(let value): config.monitor = value
        case .maxFailureRatio(let value): config.maxFailureRatio = value
        case .order(let value): config.order = value
        }
    }
}

/// One field of a health check, or turning it off.
public enum HealthSetting: Equatable, Sendable {
    /// `--health-cmd`: the test, as `["CMD-SHELL", command]`.
    case test([String])
    /// `--health-interval`.
    case interval(SimDuration)
    /// `--health-timeout`.
    case timeout(SimDuration)
    /// `--health-retries`.
    case retries(Int)
    /// `--health-start-period`.
    case startPeriod(SimDuration)
    /// `--no-healthcheck`.
    case disable

    /// Sets the field in `healthcheck`, creating a default one first when there is none.
    public func apply(to healthcheck: inout Healthcheck?) {
        if case .disable = self {
            healthcheck = nil
            return
        }
        var check = healthcheck ?? Healthcheck()
        switch self {
        case .test(let value): check.test = value
        case .interval(let value): check.interval = value
        case .timeout(let value): check.timeout = value
        case .retries(let value): check.retries = value
        case .startPeriod(let value): check.startPeriod = value
        case .disable: break
        }
        healthcheck = check
    }
}

/// One field of a simulated container's behaviour (`x-sim`, `--x-sim-*`).
public enum SimulationSetting: Equatable, Sendable {
    /// `pull`: image pull time on a node that lacks the image.
    case pull(SimDuration)
    /// `start`: time from create to running.
    case start(SimDuration)
    /// `stop`: time to exit after SIGTERM.
    case stop(SimDuration)
    /// `fail_after`: the container exits on its own after running this long.
    case failAfter(SimDuration)
    /// `exit_code`: the code it then exits with.
    case exitCode(Int)
    /// `boot`: the app refuses connections this long after its container starts.
    case boot(SimDuration)
    /// `serve`: the time to answer one request.
    case serve(SimDuration)
    /// `sick_after`: the app fails its health check and every request this long after start.
    case sickAfter(SimDuration)

    /// Sets the field in `behaviour`.
    public func apply(to behaviour: inout ContainerBehaviour) {
        switch self {
        case .pull(let value): behaviour.pull = value
        case .start(let value): behaviour.start = value
        case .stop(let value): behaviour.stop = value
        case .failAfter(let value): behaviour.failAfter = value
        case .exitCode(let value): behaviour.exitCode = value
        case .boot(let value): behaviour.boot = value
        case .serve(let value): behaviour.serve = value
        case .sickAfter(let value): behaviour.sickAfter = value
        }
    }
}
