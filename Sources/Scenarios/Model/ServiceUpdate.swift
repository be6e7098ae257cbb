import SimModels

/// What `docker service update` asks of one service.
public struct ServiceUpdate: Equatable, Sendable {
    /// The service's name.
    public var service: String
    /// The flags' changes, in the order written.
    public var changes: [ServiceChange]
    /// `--force`: update every task even if nothing changed.
    public var force: Bool
    /// `--rollback`: go back to the previous spec (no other change may be given).
    public var rollback: Bool

    /// An update request.
    public init(service: String, changes: [ServiceChange] = [], force: Bool = false, rollback: Bool = false) {
        self.service = service
        self.changes = changes
        self.force = force
        self.rollback = rollback
    }

    /// `spec` with every change applied in order, and `forceUpdate` bumped for `--force`.
    /// (`--rollback` is the runner's: it needs the previous spec.)
    /// - Throws: Docker's error when a change does not fit the spec.
    public func applied(to spec: ServiceSpec) throws(DockerCommandError) -> ServiceSpec {
        var result = spec
        for change in changes { try change.apply(to: &result) }
        if force { result.task.forceUpdate += 1 }
        return result
    }
}
