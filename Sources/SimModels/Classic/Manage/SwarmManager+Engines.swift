import SimEngine

// The manager's calls to its engines and what they tell it about their health
// (`cluster/engine.go` `ConnectWithClient`, `refreshLoop`, `CheckConnectionErr`;
// `cluster/swarm/cluster.go` `validatePendingEngine`, `monitorPendingEngines`).

extension SwarmManager {
    // MARK: - Calls

    /// One API call to the engine at `address`, its failure classified as `CheckConnectionErr`
    /// reads it (the texts are the Go clients' of each release).
    func callEngine(_ address: String, _ request: EngineRequest,
                    completion: @escaping (Result<EngineResponse, EngineCallFailure>) -> Void) {
        guard let destination = environment.host(address: address) else {
            completion(.failure(.noRouteToHost(ClassicCallFailure.noRoute.dialText(address))))
            return
        }
        http.call(.engine(request), to: destination, timeout: config.engineRequestTimeout) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(.engine(let response)):
                if case .error(_, let text) = response { completion(.failure(.other(text))) } else { completion(.success(response)) }
            case .success:
                completion(.failure(.other("unexpected answer")))
            case .failure(let failure):
                completion(.failure(self.engineFailure(failure, address: address)))
            }
        }
    }

    /// A transport failure as the release's engine client words it: 1.1.3's samalba/dockerclient
    /// (`Cannot connect to the docker engine endpoint` for a refused dial, Go's `i/o timeout`
    /// otherwise), 1.2's engine-api (`Cannot connect to the Docker daemon...` for both).
    func engineFailure(_ failure: ClassicCallFailure, address: String) -> EngineCallFailure {
        let v113 = config.version == .v1_1_3
        switch failure {
        case .refused:
            return .connectionRefused(v113 ? "Cannot connect to the docker engine endpoint"
                                           : "Cannot connect to the Docker daemon. Is the docker daemon running on this host?")
        case .timedOut:
            return .timedOut(v113 ? failure.dialText(address)
                                  : "Cannot connect to the Docker daemon. Is the docker daemon running on this host?")
        case .noRoute:
            return .noRouteToHost(failure.dialText(address))
        case .closed:
            return .other(failure.dialText(address))
        }
    }

    // MARK: - Validation

    /// `validatePendingEngine`: Info (specs and images), then the containers; then the cluster
    /// decides (registered, duplicate ID, already registered). A failed call stays pending with
    /// its error and a failure counted.
    func validate(address: String) {
        callEngine(address, .info) { [weak self] result in
            guard let self, self.isRunning, let index = self.cluster.pendingEngineIndex(address: address) else { return }
            var engine = self.cluster.pendingEngines[index]
            switch result {
            case .failure(let failure):
                _ = self.cluster.pendingEngines[index].recordCall(failure: failure, at: self.simulation.now, version: self.config.version)
            case .success(.info(let specs, let images)):
                if let refused = engine.applySpecs(specs) {
                    engine.setError(refused, at: self.simulation.now)
                    self.cluster.pendingEngines[index] = engine
                    return
                }
                engine.images = images
                self.cluster.pendingEngines[index] = engine
                self.finishValidation(address: address)
            case .success:
                break
            }
        }
    }

    private func finishValidation(address: String) {
        callEngine(address, .containers) { [weak self] result in
            guard let self, self.isRunning, let index = self.cluster.pendingEngineIndex(address: address) else { return }
            var engine = self.cluster.pendingEngines[index]
            guard case .success(.containers(let containers)) = result else {
                if case .failure(let failure) = result {
                    _ = self.cluster.pendingEngines[index].recordCall(failure: failure, at: self.simulation.now, version: self.config.version)
                }
                return
            }
            engine.containers = containers
            engine.setError("", at: self.simulation.now)
            switch self.cluster.finishValidation(of: engine, at: self.simulation.now) {
            case .registered:
                self.log("Registered Engine \(engine.name) at \(address)")
                self.scheduleRefresh(address: address)
            case .duplicateID(let other):
                self.log("ID duplicated. \(engine.id) shared by this node \(address) and another node \(other)")
            case .alreadyRegistered, .notPending:
                break
            }
        }
    }

    /// `monitorPendingEngines`: every 10 s, the pending engines due for another try.
    func schedulePendingCheck() {
        simulation.schedule(after: Self.pendingCheckInterval, for: self) { manager in
            for address in manager.cluster.pendingEnginesDueForValidation(at: manager.simulation.now) {
                manager.validate(address: address)
            }
            manager.schedulePendingCheck()
        }
    }

    // MARK: - Refresh loop

    /// `refreshLoop`'s wait: min × (1 + max(0, failures − retry)) (the factor at most 1000),
    /// plus a random part of (max − min).
    func refreshDelay(failures: Int) -> SimDuration {
        let factor = Int64(min(1000, 1 + max(0, failures - config.engineFailureRetry)))
        let spread = (config.engineRefreshMax - config.engineRefreshMin).nanoseconds
        let jitter = spread > 0 ? SimDuration.nanoseconds(Int64(random.nextInt(below: Int(spread)))) : .zero
        return config.engineRefreshMin * factor + jitter
    }

    func scheduleRefresh(address: String) {
        let failures = cluster.engines.first { $0.address == address }?.failureCount ?? 0
        refreshTimers[address] = simulation.schedule(after: refreshDelay(failures: failures), for: self) { manager in
            manager.refresh(address: address)
        }
    }

    /// One pass of the loop: the container list, and the engine's health from the outcome.
    private func refresh(address: String) {
        refreshTimers[address] = nil
        guard cluster.engines.contains(where: { $0.address == address }) else { return }
        refreshContainers(address: address) { [weak self] in
            guard let self, self.cluster.engines.contains(where: { $0.address == address }) else { return }
            self.scheduleRefresh(address: address)
        }
    }

    /// `CheckConnectionErr` on a validated engine, then `update` on success; logs and answers
    /// the health change (`Flagging engine as unhealthy...`, `Engine came back to life...`).
    func recordEngineCall(address: String, failure: EngineCallFailure?, update: (inout ClassicEngine) -> Void = { _ in }) {
        guard let index = cluster.engines.firstIndex(where: { $0.address == address }) else { return }
        let failuresBefore = cluster.engines[index].failureCount
        let event = cluster.engines[index].recordCall(failure: failure, at: simulation.now, version: config.version)
        if failure == nil { update(&cluster.engines[index]) }
        let engine = cluster.engines[index]
        switch event {
        case .disconnect:
            log("Flagging engine as unhealthy. Connect failed \(engine.failureCount) times  id=\(engine.id) name=\(engine.name)")
            engineDisconnected(engine)
        case .reconnect:
            log("Engine came back to life after \(failuresBefore) retries. Hooray!  id=\(engine.id) name=\(engine.name)")
            engineReconnected(engine)
        case nil:
            break
        }
    }

    /// After a container operation the manager refreshes that engine's containers
    /// (`RefreshContainers` after create, start, stop, remove).
    func refreshContainers(address: String, then done: @escaping () -> Void = {}) {
        callEngine(address, .containers) { [weak self] result in
            guard let self, self.isRunning else { return }
            switch result {
            case .success(.containers(let containers)):
                self.recordEngineCall(address: address, failure: nil) { $0.containers = containers }
            case .failure(let failure):
                self.recordEngineCall(address: address, failure: failure)
            case .success:
                break
            }
            done()
        }
    }
}
