/// Instant observers: code that runs after each instant of the simulation, once every event at
/// that instant has run (the scenario runner's checks, the swarm-is-up watcher, test probes).
///
/// The engine decides nothing about what an observer needs to look at: watchers learn what
/// changed from `EngineObserver` and the models' own reports, and skip instants themselves.
extension Simulation {
    /// Calls `observer` after every instant at which something happened, once every event
    /// at that instant has run. Observers read state; they must not change it.
    public func afterEachInstant(_ observer: @escaping (SimInstant) -> Void) {
        instantObservers.append(.always(observer))
    }

    /// Like `afterEachInstant`, until `observer` returns true: it is then dropped, and costs
    /// nothing more at each instant.
    public func afterEachInstantUntilDone(_ observer: @escaping (SimInstant) -> Bool) {
        instantObservers.append(.untilDone(observer))
    }

    /// Calls the observers in the order they were added.
    func notifyObservers() {
        var index = 0
        while index < instantObservers.count {
            switch instantObservers[index] {
            case let .always(observer):
                observer(now)
            case let .untilDone(observer):
                if observer(now) {
                    instantObservers.remove(at: index)
                    continue
                }
            }
            index += 1
        }
    }
}

/// Something called after each instant: for the whole run, or until it says it is done.
enum InstantObserver {
    case always((SimInstant) -> Void)
    case untilDone((SimInstant) -> Bool)
}
