import SimEngine

/// The simulated app inside a task's container (SCENARIO_FORMAT §9, the `x-sim` keys): it
/// refuses connections for `boot` after its container starts, answers each request in `serve`,
/// and from `sick_after` on fails its health check and every request. Once SIGTERM arrives it
/// accepts no new connection.
extension Container {
    /// True if the app would accept a new connection at `now`.
    public func appAccepts(at now: SimInstant) -> Bool {
        guard state == .running, let started = startedAt else { return false }
        let age = now - started
        if age < behaviour.boot { return false }
        if let sick = behaviour.sickAfter, age >= sick { return false }
        return true
    }
}
