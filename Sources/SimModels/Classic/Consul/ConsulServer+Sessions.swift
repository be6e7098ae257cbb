import SimEngine

// Sessions on the leader (hashicorp/consul `consul/session_endpoint.go` Apply and Renew,
// `consul/session_ttl.go`): the leader alone holds a timer per TTL session, TTL × 2 from the
// last renewal; when it fires the leader destroys the session through Raft. A new leader
// re-arms every session's timer in full; a server that loses leadership drops its timers.

extension ConsulServer {
    /// `Session.Apply` create: TTL within [`session_ttl_min`, max] or 0, lock-delay defaulted
    /// and capped, ID chosen by the leader; the timer starts once the entry is applied.
    func createSession(ttl: SimDuration, lockDelay: SimDuration?, behavior: ConsulSessionBehavior,
                       reply: @escaping (ConsulResponse) -> Void) {
        if ttl != .zero, ttl < timings.sessionTTLMin || ttl > timings.sessionTTLMax {
            reply(.failure("Invalid Session TTL '\(ttl.nanoseconds)', must be between [\(timings.sessionTTLMin)=\(timings.sessionTTLMax)]"))
            return
        }
        let delay = min(lockDelay ?? timings.defaultLockDelay, timings.maxLockDelay)
        let session = ConsulSession(id: newSessionID(), ttl: ttl, lockDelay: delay, behavior: behavior)
        propose(.sessionCreate(session)) { [unowned self] outcome in
            if outcome != nil, ttl != .zero, self.isLeader { self.resetSessionTimer(session.id, ttl: ttl) }
            reply(Self.response(to: outcome))
        }
    }

    /// `Session.Renew`: an unknown session is a 404; a known one restarts its timer.
    func renewSession(_ id: String, reply: @escaping (ConsulResponse) -> Void) {
        guard let session = store.sessions[id] else {
            reply(ConsulResponse(status: 404, index: store.sessionsIndex, body: .error("Session id '\(id)' not found")))
            return
        }
        if session.ttl != .zero { resetSessionTimer(id, ttl: session.ttl) }
        reply(ConsulResponse(status: 200, index: store.sessionsIndex, body: .session(session)))
    }

    /// `resetSessionTimer`: (re)arms the session's timer for TTL × `SessionTTLMultiplier`.
    func resetSessionTimer(_ id: String, ttl: SimDuration) {
        if let timer = sessionTimers[id] { simulation.cancel(timer) }
        sessionTimers[id] = simulation.schedule(after: timings.sessionTimer(ttl: ttl), for: self) { server in
            server.invalidateSession(id, attempt: 1)
        }
    }

    /// `initializeSessionTimers`: every TTL session gets a full timer (new leader).
    func initializeSessionTimers() {
        for id in store.sessions.keys.sorted() {
            if let ttl = store.sessions[id]?.ttl, ttl != .zero { resetSessionTimer(id, ttl: ttl) }
        }
    }

    /// `clearAllSessionTimers` (leadership lost).
    func clearAllSessionTimers() {
        for id in sessionTimers.keys.sorted() {
            if let timer = sessionTimers[id] { simulation.cancel(timer) }
        }
        sessionTimers.removeAll()
    }

    /// `invalidateSession`: destroys the expired session through Raft; a failed attempt is
    /// retried `invalidateRetryBase` × attempt later, up to `maxInvalidateAttempts`, while
    /// this server still leads (a new leader re-arms the timer itself).
    func invalidateSession(_ id: String, attempt: Int) {
        sessionTimers[id] = nil
        guard isLeader, store.sessions[id] != nil else { return }
        simulation.emit(node: host.name, component: "consul", kind: "consul.session.expired",
                        "session \(id): TTL timer fired on the leader, destroying it")
        propose(.sessionDestroy(id: id)) { [unowned self] outcome in
            guard outcome == nil, attempt < self.timings.maxInvalidateAttempts else { return }
            self.simulation.schedule(after: self.timings.invalidateRetryBase * attempt, for: self) { server in
                server.invalidateSession(id, attempt: attempt + 1)
            }
        }
    }

    /// A UUID-shaped ID from the server's own random stream (Consul's `generateUUID`).
    private func newSessionID() -> String {
        let high = random.next(), low = random.next()
        let hex = String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
