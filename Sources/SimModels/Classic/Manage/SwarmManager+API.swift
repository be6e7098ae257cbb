import SimEngine

// The Docker API on port 4000 (`api/server.go`, `api/primary.go`, `api/replica.go`,
// `api/handlers.go`): a replica answers `/info` itself and proxies everything else to the
// primary; the primary serves from its cluster and the engines.

extension SwarmManager {
    /// How long a replica's proxy waits for the primary: Go's dialer has no timeout of its own
    /// here; the model cuts the wait to this.
    static let proxyTimeout: SimDuration = .seconds(30)
    /// The kernel a manager's `docker info` reports (its own host's; the seed's CentOS 7).
    static let kernelVersion = "3.10.0-327.4.4.el7.x86_64"

    /// Serves one call; `reply` runs once.
    func serve(_ request: ClassicManagerRequest, reply: @escaping (ClassicManagerResponse) -> Void) {
        if config.replication && !isPrimary && !request.isServedByReplica {
            proxy(request, reply: reply)
            return
        }
        switch request {
        case .info:
            reply(.info(cluster.info(role: infoRole, name: name, kernelVersion: Self.kernelVersion)))
        case .ps(let all):
            reply(.ps(cluster.psRows(all: all)))
        case .run(let config, let name):
            run(config, name: name, reply: reply)
        case .remove(let reference, let force):
            guard let entry = cluster.container(reference), let address = address(ofEngine: entry.engineID) else {
                return reply(.error(status: 404, text: "Container \(reference) not found"))
            }
            containerCall(address, .remove(id: entry.container.id, force: force), reply: reply)
        case .stop(let reference), .start(let reference):
            guard let entry = cluster.container(reference), let engine = cluster.engine(id: entry.engineID) else {
                return reply(.error(status: 404, text: "No such container: \(reference)"))
            }
            guard engine.isHealthy else {
                return reply(.error(status: 500, text: "Container \(reference) running on unhealthy node \(engine.name)"))
            }
            let id = entry.container.id
            if case .stop = request { containerCall(engine.address, .stop(id: id), reply: reply) } else { containerCall(engine.address, .start(id: id), reply: reply) }
        }
    }

    func address(ofEngine id: String) -> String? { cluster.engine(id: id)?.address }

    /// `api/replica.go`: hijack-proxies to the primary; `No elected primary cluster manager`
    /// without one, `Unable to reach primary cluster manager (<err>): <primary>` when the
    /// dial fails; a connection the primary closes reaches the client as `EOF`.
    private func proxy(_ request: ClassicManagerRequest, reply: @escaping (ClassicManagerResponse) -> Void) {
        let primary = primaryAddress
        guard !primary.isEmpty else { return reply(.error(status: 500, text: "No elected primary cluster manager")) }
        guard let destination = environment.host(address: primary) else {
            return reply(.error(status: 500, text: "Unable to reach primary cluster manager (\(ClassicCallFailure.noRoute.dialText(primary))): \(primary)"))
        }
        http.call(.manager(request), to: destination, timeout: Self.proxyTimeout) { result in
            switch result {
            case .success(.manager(let response)): reply(response)
            case .failure(.closed): reply(.error(status: 0, text: "EOF"))
            case .failure(let failure):
                reply(.error(status: 500, text: "Unable to reach primary cluster manager (\(failure.dialText(primary))): \(primary)"))
            case .success: reply(.error(status: 500, text: "unexpected answer"))
            }
        }
    }

    /// A container operation on its engine, then the engine's containers refreshed.
    private func containerCall(_ address: String, _ request: EngineRequest, reply: @escaping (ClassicManagerResponse) -> Void) {
        callEngine(address, request) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                self.refreshContainers(address: address) { reply(.done) }
            case .failure(let failure):
                self.recordEngineCall(address: address, failure: failure)
                reply(.error(status: 500, text: failure.text))
            }
        }
    }

    // MARK: - run

    /// `docker run -d` through the manager (`cluster/swarm/cluster.go` `CreateContainer`):
    /// the config built for the release (env → labels), validated, placed by the scheduler,
    /// created on the chosen engine, refreshed, then started.
    private func run(_ requested: ClassicContainerConfig, name: String?, reply: @escaping (ClassicManagerResponse) -> Void) {
        let built = ClassicContainerConfig.build(requested, version: config.version, experimental: config.experimental)
        if let invalid = built.validate(version: config.version, experimental: config.experimental) {
            return reply(.error(status: 500, text: invalid))
        }
        create(built, name: name ?? "") { result in
            switch result {
            case .failure(let failure): reply(.error(status: 500, text: failure.text))
            case .success(let (id, address)):
                self.callEngine(address, .start(id: id)) { [weak self] started in
                    guard let self else { return }
                    if case .failure(let failure) = started {
                        self.recordEngineCall(address: address, failure: failure)
                        return reply(.error(status: 500, text: failure.text))
                    }
                    self.refreshContainers(address: address) { reply(.created(id: id)) }
                }
            }
        }
    }

    /// Places and creates a container: its engine ID and the engine's address, or the error
    /// text. The create stays counted on its engine until the engine's list has it.
    func create(_ config: ClassicContainerConfig, name: String, completion: @escaping (Result<(String, String), CreateFailure>) -> Void) {
        let placed = cluster.place(config, name: name, at: simulation.now, random: &random)
        guard case .success(let placement) = placed, let address = address(ofEngine: placement.engineID) else {
            if case .failure(let error) = placed { return completion(.failure(CreateFailure(error.message))) }
            return completion(.failure(CreateFailure("error creating container")))
        }
        let swarmID = placement.config.swarmID ?? ""
        callEngine(address, .create(placement.config, name: name.isEmpty ? nil : name)) { [weak self] result in
            guard let self, self.isRunning else { return }
            switch result {
            case .success(.created(let id)):
                self.refreshContainers(address: address) {
                    self.cluster.finishCreate(swarmID: swarmID)
                    completion(.success((id, address)))
                }
            case .failure(let failure):
                self.cluster.finishCreate(swarmID: swarmID)
                self.recordEngineCall(address: address, failure: failure)
                completion(.failure(CreateFailure(failure.text)))
            case .success:
                self.cluster.finishCreate(swarmID: swarmID)
                completion(.failure(CreateFailure("unexpected answer")))
            }
        }
    }

    /// Why a create failed: the text the client prints.
    public struct CreateFailure: Error, Equatable, Sendable {
        public var text: String
        init(_ text: String) { self.text = text }
    }
}
