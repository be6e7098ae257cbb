import SimEngine

// Replication (`cli/manage.go` `setupReplication`, `run`, `follow`; docker/leadership
// `candidate.go`, `follower.go`; CLASSIC_SWARM_FACTS §3).
//
// - The candidate campaigns for `docker/swarm/leader` with a `ConsulLock` whose value is the
//   advertise address. Acquired: primary (`Leader Election: Cluster leadership acquired`).
//   Lost (the monitor's consistent read failed or the key changed hands): replica
//   (`Leader Election: Cluster leadership lost`) and it campaigns again at once. An error ends
//   the candidate; it runs again after `defaultRecoverTime` (10 s).
// - The follower watches the key; each new value is logged (`New leader elected: <addr>`) and
//   becomes the replica's target (1.1.3: its own address makes the target ""). An error ends
//   it; it runs again after 10 s.
// - Nothing resigns: a dead primary's lock lives until its session expires.

extension SwarmManager {
    func runCandidate() {
        let lock = self.lock ?? ConsulLock(key: Self.leaderKey, value: advertise, options: config.leaderLockOptions, client: consul)
        self.lock = lock
        lock.lock(onAcquired: { [weak self] in
            guard let self, self.isRunning else { return }
            self.isPrimary = true
            self.log("Leader Election: Cluster leadership acquired")
        }, onLost: { [weak self] in
            guard let self, self.isRunning else { return }
            self.stepDown()
            self.runCandidate()
        }, onError: { [weak self] error in
            guard let self, self.isRunning else { return }
            self.stepDown()
            self.log("\(error)")
            self.simulation.schedule(after: Self.recoverTime, for: self) { manager in manager.runCandidate() }
        })
    }

    private func stepDown() {
        guard isPrimary else { return }
        isPrimary = false
        log("Leader Election: Cluster leadership lost")
    }

    func runFollower() {
        var previous = ""
        leaderWatch = ConsulWatch(.key(Self.leaderKey), client: consul, onChange: { [weak self] pairs in
            guard let self, self.isRunning, let value = pairs.first?.value, value != previous else { return }
            previous = value
            self.log("New leader elected: \(value)")
            self.lastLeaderValue = value
            self.primaryAddress = self.config.version == .v1_1_3 && value == self.advertise ? "" : value
        }, onEnd: { [weak self] error in
            guard let self, self.isRunning else { return }
            self.log("\(error)")
            self.simulation.schedule(after: Self.recoverTime, for: self) { manager in manager.runFollower() }
        })
    }
}
