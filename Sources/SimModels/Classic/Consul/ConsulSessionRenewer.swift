import SimEngine

/// hashicorp/consul `api/session.go` `RenewPeriodic`: renews a session every TTL/2; after a
/// failed renewal it tries again every second, and gives up once a whole TTL has passed
/// since the last success. A renewal answered "not found" means the session is gone, which
/// ends the loop too. Stopping it destroys the session (the `doneCh` branch).
final class ConsulSessionRenewer {
    private let client: ConsulHTTPClient
    let session: String
    private var ttl: SimDuration
    private var lastRenewal: SimInstant
    private var stopped = false
    private let onEnd: () -> Void

    init(session: String, ttl: SimDuration, client: ConsulHTTPClient, onEnd: @escaping () -> Void) {
        self.session = session
        self.ttl = ttl
        self.client = client
        self.onEnd = onEnd
        lastRenewal = client.simulation.now
        schedule(after: ttl / 2)
    }

    private func schedule(after delay: SimDuration) {
        client.simulation.schedule(after: delay, for: client) { [self] _ in renew() }
    }

    private func renew() {
        guard !stopped else { return }
        if client.simulation.now - lastRenewal > ttl {
            stopped = true
            onEnd()
            return
        }
        client.call(.sessionRenew(id: session)) { [self] result in
            guard !stopped else { return }
            switch result {
            case .success(let response) where response.status == 200:
                if case .session(let entry) = response.body, entry.ttl > .zero { ttl = entry.ttl }
                lastRenewal = client.simulation.now
                schedule(after: ttl / 2)
            case .success(let response) where response.status == 404:
                stopped = true
                onEnd()
            default:
                schedule(after: .seconds(1))
            }
        }
    }

    /// Stops renewing and destroys the session.
    func stop() {
        guard !stopped else { return }
        stopped = true
        client.call(.sessionDestroy(id: session)) { _ in }
    }
}
