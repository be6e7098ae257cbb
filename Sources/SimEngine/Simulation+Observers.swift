/// Instant observers: code that runs after each instant of the simulation, once every event at
/// that instant has run (the scenario runner's checks, the swarm-is-up watcher, test probes).
extension Simulation {
    /// Calls `observer` after every instant at which something happened, once every event
    /// at that instant has run. Observers read state; they must not change it.
    public func afterEachInstant(_ observer: @escaping (SimInstant) -> Void) {
        add(.always(observer))
    }

    /// Like `afterEachInstant`, until `observer` returns true: it is then dropped, and costs
    /// nothing more at each instant.
    public func afterEachInstantUntilDone(_ observer: @escaping (SimInstant) -> Bool) {
        add(.untilDone(observer))
    }

    /// Like `afterEachInstant`, but only after instants at which `observedVersion` moved since
    /// the observer's last call, or at or after the instant its last call returned (`.zero`:
    /// after every instant). Most instants of a large run change nothing an observer reads (a
    /// heartbeat, a message passed on); this skips them without calling anything.
    public func afterEachInstantGated(_ observer: @escaping (SimInstant) -> SimInstant) {
        add(.gated(observer, Gate(version: observedVersion &- 1, due: .zero)))
    }

    /// Adds an observer; the gates' summary no longer holds.
    private func add(_ observer: InstantObserver) {
        instantObservers.append(observer)
        allGatesClosedUntil = Gate(version: -1, due: .zero)
    }

    /// Records a change that observers may read (see `observedVersion`).
    public func noteObservedChange() {
        observedVersion &+= 1
    }

    /// Calls the observers in the order they were added.
    func notifyObservers() {
        // Only gated observers, all closed: nothing to call (most instants of a large run).
        if allGatesClosedUntil.version == observedVersion && now < allGatesClosedUntil.due { return }
        var index = 0
        var closed = Gate(version: observedVersion, due: .distantFuture)
        while index < instantObservers.count {
            switch instantObservers[index] {
            case let .always(observer):
                observer(now)
                closed.due = .zero
            case let .untilDone(observer):
                if observer(now) {
                    instantObservers.remove(at: index)
                    continue
                }
                closed.due = .zero
            case let .gated(observer, gate):
                var gate = gate
                if gate.version != observedVersion || now >= gate.due {
                    gate = Gate(version: observedVersion, due: .zero)
                    gate.due = observer(now)
                    instantObservers[index] = .gated(observer, gate)
                }
                if gate.version != closed.version { closed.due = .zero }
                closed.due = min(closed.due, gate.due)
            }
            index += 1
        }
        // Every gate stays closed while the version is the one they saw (if an observer moved
        // it, some gate opens at the next instant) and before the earliest due.
        if closed.due == .zero || closed.version != observedVersion { closed.version = -1 }
        allGatesClosedUntil = closed
    }
}

/// Something called after each instant: for the whole run, until it says it is done, or
/// only when something observed changed or its due instant came.
enum InstantObserver {
    case always((SimInstant) -> Void)
    case untilDone((SimInstant) -> Bool)
    case gated((SimInstant) -> SimInstant, Gate)
}

/// When a gated observer runs next: once `observedVersion` is no longer `version`, or at `due`.
struct Gate {
    var version: Int
    var due: SimInstant
}
