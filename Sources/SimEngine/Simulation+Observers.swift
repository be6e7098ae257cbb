/// Instant observers: code that runs after each instant of the simulation, once every event at
/// that instant has run (the scenario runner's checks, the swarm-is-up watcher, test probes).
///
/// The engine decides nothing about what an observer needs to look at. A watcher that knows
/// when something it reads changed (the scenario layer learns it from `EngineObserver` and the
/// models' reports) registers with `afterWokenInstants` and calls `wakeObservers()` on each
/// change: most instants of a large run (a heartbeat, a message passed on) then cost no call.
extension Simulation {
    /// Calls `observer` after every instant at which something happened, once every event
    /// at that instant has run. Observers read state; they must not change it.
    public func afterEachInstant(_ observer: @escaping (SimInstant) -> Void) {
        instantObservers.append(.always(observer))
        observersDue = .zero
    }

    /// Like `afterEachInstant`, until `observer` returns true: it is then dropped, and costs
    /// nothing more at each instant.
    public func afterEachInstantUntilDone(_ observer: @escaping (SimInstant) -> Bool) {
        instantObservers.append(.untilDone(observer))
        observersDue = .zero
    }

    /// Like `afterEachInstant`, but only after instants at which `wakeObservers()` was called
    /// (since the observer's last call), and at or after the instant its last call returned
    /// (return `now` to be called after every instant, `.distantFuture` for never).
    public func afterWokenInstants(_ observer: @escaping (SimInstant) -> SimInstant) {
        instantObservers.append(.woken(observer, due: .zero))
        wakeObservers()
    }

    /// Something a woken observer reads changed: they all run after this instant (or, if they
    /// already ran at this instant, after the next one).
    public func wakeObservers() {
        observersWoken = true
    }

    /// Calls the observers in the order they were added.
    func notifyObservers() {
        // Only woken observers, none woken and none due: nothing to call.
        if !observersWoken && now < observersDue { return }
        let woken = observersWoken
        observersWoken = false
        var due = SimInstant.distantFuture
        var index = 0
        while index < instantObservers.count {
            switch instantObservers[index] {
            case let .always(observer):
                observer(now)
                due = now
            case let .untilDone(observer):
                if observer(now) {
                    instantObservers.remove(at: index)
                    continue
                }
                due = now
            case let .woken(observer, observerDue):
                var next = observerDue
                if woken || now >= observerDue {
                    next = observer(now)
                    instantObservers[index] = .woken(observer, due: next)
                }
                due = min(due, next)
            }
            index += 1
        }
        // An observer returning `now` asks for every instant: the next one is after now.
        observersDue = due <= now ? .zero : due
    }
}

/// Something called after each instant: for the whole run, until it says it is done, or when
/// woken or due.
enum InstantObserver {
    case always((SimInstant) -> Void)
    case untilDone((SimInstant) -> Bool)
    case woken((SimInstant) -> SimInstant, due: SimInstant)
}
