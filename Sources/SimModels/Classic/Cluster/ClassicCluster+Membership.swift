import SimEngine

/// How a manager's cluster takes engines in and lets them go as discovery and the engines'
/// answers tell it (`cluster/swarm/cluster.go` `addEngine`, `validatePendingEngine`,
/// `removeEngine`, `monitorPendingEngines`). The manager process makes the calls (Info, Version,
/// the container and image lists) over the network and hands the outcome here.
extension ClassicCluster {
    /// What `validatePendingEngine` decided for an engine that answered.
    public enum ValidationOutcome: Equatable, Sendable {
        /// Moved to the validated engines, healthy (`Registered Engine <name> at <addr>`).
        case registered
        /// Another address already holds this ID: the engine stays pending with
        /// `ID duplicated. <ID> shared by this node <addr> and another node <other>`.
        case duplicateID(otherAddress: String)
        /// The same engine is already registered under this ID: the pending copy is dropped.
        case alreadyRegistered
        /// The address is no longer pending (removed meanwhile): nothing changes.
        case notPending
    }

    /// The engine, validated or pending, at `address` (`getEngineByAddr`).
    public func engine(address: String) -> ClassicEngine? {
        pendingEngines.first { $0.address == address } ?? engines.first { $0.address == address }
    }

    /// The index of the pending engine at `address`.
    public func pendingEngineIndex(address: String) -> Int? {
        pendingEngines.firstIndex { $0.address == address }
    }

    /// `addEngine`: a new address from discovery becomes a pending engine, to be validated; an
    /// address already known (pending or validated) is ignored. Returns whether it was added.
    @discardableResult
    public mutating func addEngine(address: String, at instant: SimInstant, overcommitRatio: Double = 0.05, failureRetry: Int = 3) -> Bool {
        guard engine(address: address) == nil else { return false }
        pendingEngines.append(ClassicEngine(address: address, at: instant, overcommitRatio: overcommitRatio, failureRetry: failureRetry))
        return true
    }

    /// The rest of `validatePendingEngine` once the engine answered: `connected` is the pending
    /// engine with its specs (`applySpecs`), containers and images filled in. Its ID must not be
    /// taken by an engine at another address.
    public mutating func finishValidation(of connected: ClassicEngine, at instant: SimInstant) -> ValidationOutcome {
        guard let index = pendingEngineIndex(address: connected.address) else { return .notPending }
        pendingEngines[index] = connected
        if let old = engine(id: connected.id) {
            if old.address != connected.address {
                pendingEngines[index].recordIDConflict(otherAddress: old.address, at: instant)
                return .duplicateID(otherAddress: old.address)
            }
            pendingEngines.remove(at: index)
            return .alreadyRegistered
        }
        var engine = pendingEngines.remove(at: index)
        engine.completeValidation()
        engines.append(engine)
        return .registered
    }

    /// `removeEngine`: the engine at `address` leaves (discovery no longer lists it), with its
    /// containers; returns it, or nil when the address was unknown.
    @discardableResult
    public mutating func removeEngine(address: String) -> ClassicEngine? {
        if let index = pendingEngineIndex(address: address) { return pendingEngines.remove(at: index) }
        if let index = engines.firstIndex(where: { $0.address == address }) { return engines.remove(at: index) }
        return nil
    }

    /// `monitorPendingEngines` (every 10 s): the addresses of the pending engines due for another
    /// validation (`TimeToValidate`).
    public func pendingEnginesDueForValidation(at instant: SimInstant) -> [String] {
        pendingEngines.filter { $0.isDueForValidation(at: instant) }.map(\.address)
    }
}
