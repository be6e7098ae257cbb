import SimModels

/// The services that ever had a start-first update or rollback order, read from the entries the
/// managers apply.
///
/// A start-first update runs a slot's new task beside the old one until the new one is up. When
/// the update is interrupted, both stay desired RUNNING until the next update reaches the slot,
/// and by then the service's spec may say stop-first: SwarmKit's automatic rollback sets `spec =
/// previousSpec` and `previousSpec = nil` (`manager/orchestrator/update/updater.go`,
/// `rollbackUpdate`), and the rollback's own worker only reconciles the slot when its turn comes
/// (`useExistingTask`). So the slot check asks this history, not the current spec, whether a
/// start-first replacement can explain a slot's pair.
struct StartFirstHistory {
    /// In the order seen; a scenario has a handful of services, and this is read only for the
    /// rare slot holding several tasks desired RUNNING.
    private var services: [ServiceID] = []
    /// Per swarm (by the monitor's swarm index), the highest log index read: every manager
    /// applies the same entries, and each is read once.
    private var readThrough: [RaftIndex] = []

    /// Notes the specs `entry` creates or replaces, the first time its index is applied in `swarm`.
    mutating func record(_ entry: RaftEntry<StoreProposal>, swarm: Int) {
        while readThrough.count <= swarm { readThrough.append(0) }
        guard entry.index > readThrough[swarm] else { return }
        readThrough[swarm] = entry.index
        guard let proposal = entry.command else { return }
        for action in proposal.actions {
            switch action {
            case let .createService(service), let .updateService(service):
                if Self.isStartFirst(service.spec), !services.contains(service.id) { services.append(service.id) }
            default:
                continue
            }
        }
    }

    /// Whether `service`, as it is now, or any spec of it applied so far, replaces tasks start-first.
    func explains(_ service: ServiceObject) -> Bool {
        Self.isStartFirst(service.spec) || service.previousSpec.map(Self.isStartFirst) == true || contains(service.id)
    }

    func contains(_ id: ServiceID) -> Bool { services.contains(id) }

    private static func isStartFirst(_ spec: ServiceSpec) -> Bool {
        spec.update.order == .startFirst || spec.rollback.order == .startFirst
    }
}
