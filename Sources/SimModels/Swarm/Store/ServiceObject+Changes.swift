import SimEngine

extension ServiceObject {
    /// The service after `docker service update` (SwarmKit `controlapi.UpdateService`): the old spec
    /// becomes `previousSpec`, the spec version moves on and the update status is cleared, which
    /// also clears a PAUSED update. Put it in the store with `.updateService`.
    public func updated(to spec: ServiceSpec) -> ServiceObject {
        var service = self
        service.previousSpec = self.spec
        service.spec = spec
        service.specVersion += 1
        service.updateStatus = nil
        return service
    }

    /// The service after `docker service rollback`: spec and previous spec swap and the status is
    /// ROLLBACK_STARTED "manually requested rollback". Nil when there is no previous spec
    /// (the control API answers "service %s does not have a previous spec").
    public func rolledBackManually(at now: SimInstant) -> ServiceObject? {
        guard let previous = previousSpec else { return nil }
        var service = self
        service.previousSpec = spec
        service.spec = previous
        service.specVersion += 1
        service.updateStatus = UpdateStatus(state: .rollbackStarted, message: "manually requested rollback", startedAt: now)
        return service
    }
}
