import SimEngine

// Consistent reads (`?consistent`): the leader answers only after confirming it still leads a
// quorum (hashicorp/raft `VerifyLeader`, called by Consul's `consistentRead`).

extension ConsulServer {
    /// How recently a follower must have answered for the leader to count it: two heartbeat
    /// intervals. hashicorp/raft sends a fresh heartbeat round and waits for a quorum of
    /// answers; here the answers to the last rounds stand in for it (approximate: up to
    /// two heartbeat intervals staler).
    static var verifyWindowTicks: Int { 2 }

    /// Serves `request` once a quorum is confirmed; while it is not, the read waits, and it
    /// fails with `leadership lost while committing log` if the leader steps down first.
    func verifyLeader(_ request: ConsulRequest, reply: @escaping (ConsulResponse) -> Void) {
        if hasRecentQuorum {
            serveRead(request, reply: reply)
            return
        }
        pendingVerifies.append((request, reply))
        if verifyTimer == nil { scheduleVerify() }
    }

    /// Whether a quorum of voters (this leader included) answered within the window.
    var hasRecentQuorum: Bool {
        let node = raft.node
        let heard = node.peers.filter { $0.ticksSinceHeard <= Self.verifyWindowTicks }.count
        return heard + 1 >= node.membership.quorum
    }

    private func scheduleVerify() {
        verifyTimer = simulation.schedule(after: timings.tickInterval, for: self) { server in
            server.verifyTimer = nil
            guard server.isLeader, !server.pendingVerifies.isEmpty else { return }
            guard server.hasRecentQuorum else {
                server.scheduleVerify()
                return
            }
            let ready = server.pendingVerifies
            server.pendingVerifies.removeAll()
            for (request, reply) in ready { server.serveRead(request, reply: reply) }
        }
    }

    func failPendingVerifies() {
        if let verifyTimer { simulation.cancel(verifyTimer) }
        verifyTimer = nil
        let failed = pendingVerifies
        pendingVerifies.removeAll()
        for (_, reply) in failed { reply(.failure(ConsulErrorText.leadershipLost)) }
    }
}
