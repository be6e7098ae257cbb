import SimEngine
import SimModels

/// Checks the Consul servers' Raft as the managers' Raft is checked in Swarm mode (SCENARIO_FORMAT
/// §8, §10): every running server's state after each instant, every entry it applies, and its
/// restarts, through the project's `RaftInvariantChecker`.
final class ConsulInvariantMonitor {
    private var checker = RaftInvariantChecker<ConsulCommand>()
    private var reported = 0
    /// Servers seen started, by Raft ID: a second start is a restart (its log checked afresh).
    private var started: Set<RaftNodeID> = []
    /// Violations found so far, in order.
    private(set) var failures: [RunFailure] = []

    /// Watches each Consul server the deployment starts.
    init(deployment: ClassicDeployment) {
        deployment.onConsulServer = { [unowned self] server in self.serverStarted(server) }
    }

    private func serverStarted(_ server: ConsulServer) {
        let id = server.raftID
        if !started.insert(id).inserted { checker.nodeCrashed(id) }
        let previous = server.onApply
        server.onApply = { [unowned self] entry in
            previous?(entry)
            _ = self.checker.recordApplied(entry, by: id)
        }
    }

    /// After every instant: observes the running servers and collects new violations.
    func check(_ servers: [ConsulServer], at now: SimInstant) {
        _ = checker.observe(servers.compactMap { $0.raft.map { $0.node.observation } })
        let all = checker.violations
        while reported < all.count {
            failures.append(RunFailure(kind: .invariant, time: now, text: "consul raft: " + all[reported].description))
            reported += 1
        }
    }
}
