import SimEngine

// `monitorDiscovery` (`cluster/swarm/cluster.go`) over `pkg/discovery/kv`'s Watch: a libkv
// WatchTree of `docker/swarm/nodes`; every change delivers the whole list, which the manager
// diffs against the last one, removing engines first, then adding. A watch error is logged,
// and the watch starts again after `--heartbeat`, keeping the current engines meanwhile.

extension SwarmManager {
    func watchDiscovery() {
        discoveryWatch = ConsulWatch(.tree(prefix: SwarmJoinAgent.nodesPrefix), client: consul, onChange: { [weak self] pairs in
            self?.discoveryChanged(pairs.map(\.value).filter { !$0.isEmpty })
        }, onEnd: { [weak self] _ in
            guard let self, self.isRunning else { return }
            self.log("Discovery error: Unexpected watch error")
            self.simulation.schedule(after: self.config.heartbeat, for: self) { manager in manager.watchDiscovery() }
        })
    }

    private func discoveryChanged(_ addresses: [String]) {
        guard isRunning else { return }
        let removed = discovered.filter { !addresses.contains($0) }
        let added = addresses.filter { !discovered.contains($0) }
        discovered = addresses
        for address in removed { removeEngine(address: address) }
        for address in added where cluster.addEngine(address: address, at: simulation.now, failureRetry: config.engineFailureRetry) {
            validate(address: address)
        }
    }

    /// `removeEngine`: the engine leaves with its containers; a healthy one disconnects
    /// (`engine_disconnect`), which the watchdog answers.
    func removeEngine(address: String) {
        if let timer = refreshTimers.removeValue(forKey: address) { simulation.cancel(timer) }
        guard let engine = cluster.removeEngine(address: address) else { return }
        log("Removed Engine \(engine.name.isEmpty ? address : engine.name)")
        if engine.isHealthy { engineDisconnected(engine) }
    }
}
