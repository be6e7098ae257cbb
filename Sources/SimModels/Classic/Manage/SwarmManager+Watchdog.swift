import SimEngine

// Rescheduling on node failure (`cluster/watchdog.go`, CLASSIC_SWARM_FACTS §5): the primary
// (1.2+ by default, 1.1.3 only with `--experimental`) answers an engine's disconnect by
// creating each of its `on-node-failure` containers elsewhere with the same config (same Swarm
// ID) and name, starting it if it ran; a container that cannot be placed goes back to the dead
// engine. When an engine reconnects, its containers whose Swarm ID now lives on another
// engine are removed (`rm -f`).

extension SwarmManager {
    var runsWatchdog: Bool { isPrimary && config.reschedules }

    /// `engine_disconnect`.
    func engineDisconnected(_ engine: ClassicEngine) {
        guard runsWatchdog else { return }
        for container in engine.containers where container.config.hasReschedulePolicy("on-node-failure") {
            reschedule(container, from: engine)
        }
    }

    private func reschedule(_ container: ClassicContainer, from engine: ClassicEngine) {
        if let index = cluster.engineIndex(id: engine.id) {
            cluster.engines[index].containers.removeAll { $0.id == container.id }
        }
        create(container.config, name: container.name) { [weak self] result in
            guard let self else { return }
            switch result {
            case .failure(let error):
                if let index = self.cluster.engineIndex(id: engine.id) { self.cluster.engines[index].containers.append(container) }
                self.log("Failed to reschedule container \(container.id): \(error.text)")
            case .success(let (id, address)):
                let target = self.cluster.engines.first { $0.address == address }?.name ?? address
                let finish = { self.log("Rescheduled container \(container.id) from \(engine.name) to \(target) as \(id)") }
                guard container.state.isRunning else { return finish() }
                self.callEngine(address, .start(id: id)) { _ in
                    self.refreshContainers(address: address, then: finish)
                }
            }
        }
    }

    /// `engine_reconnect`: duplicates of rescheduled containers are removed from the engine
    /// that came back.
    func engineReconnected(_ engine: ClassicEngine) {
        guard runsWatchdog else { return }
        for container in engine.containers {
            guard let swarmID = container.config.swarmID else { continue }
            let elsewhere = cluster.engines.first { other in
                other.id != engine.id && other.containers.contains { $0.config.swarmID == swarmID }
            }
            guard let elsewhere else { continue }
            log("container \(container.id) was rescheduled on node \(elsewhere.name), removing it")
            callEngine(engine.address, .remove(id: container.id, force: true)) { [weak self] _ in
                self?.refreshContainers(address: engine.address)
            }
        }
    }
}
