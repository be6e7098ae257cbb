import SimEngine

/// A distributed lock on one key (hashicorp/consul `api/lock.go` as docker/libkv's `NewLock`
/// and docker/leadership use it): a TTL session renewed every TTL/2, an acquire loop, and a
/// monitor that reports the lock lost.
///
/// - **Lock**: a consistent blocking read of the key (wait `DefaultLockWaitTime` 15 s); while
///   another session holds it, read again from the new index; when free, acquire
///   (`?acquire=`); if refused (lock-delay, or someone was quicker) wait
///   `DefaultLockRetryTime` 5 s and read again.
/// - **Held**: a consistent blocking read of the key in a loop; when the key is no longer held
///   by our session, or a read fails (`MonitorRetries` 0), the lock is lost.
/// - **Unlock**: release (`?release=`) and destroy the session.
public final class ConsulLock {
    /// `LockFlagValue`: the flags of a key used as a lock.
    public static let lockFlagValue: UInt64 = 0x2DDC_CBC0_58A5_0C18
    /// `DefaultLockWaitTime`.
    public static let waitTime: SimDuration = .seconds(15)
    /// `DefaultLockRetryTime`.
    public static let retryTime: SimDuration = .seconds(5)

    public let key: String
    public let value: String
    public let options: ConsulLockOptions
    private let client: ConsulHTTPClient
    /// The session holding (or trying to hold) the lock.
    public private(set) var session: String?
    public private(set) var isHeld = false
    private var renewer: ConsulSessionRenewer?
    private var attempt = 0
    private var onAcquired: () -> Void = {}
    private var onLost: () -> Void = {}
    private var onError: (ConsulStoreError) -> Void = { _ in }

    public init(key: String, value: String, options: ConsulLockOptions, client: ConsulHTTPClient) {
        self.key = key
        self.value = value
        self.options = options
        self.client = client
    }

    /// Starts acquiring. Exactly one of `onAcquired` then maybe `onLost`, or `onError`, follows
    /// for this attempt.
    public func lock(onAcquired: @escaping () -> Void, onLost: @escaping () -> Void,
                     onError: @escaping (ConsulStoreError) -> Void) {
        attempt += 1
        self.onAcquired = onAcquired
        self.onLost = onLost
        self.onError = onError
        campaign(attempt: attempt)
    }

    /// Waits for the key with the session, creating one first when there is none (the first
    /// attempt, or the last session ended: its renewals failed for a whole TTL or it was gone).
    private func campaign(attempt current: Int) {
        guard session == nil else { return wait(index: 0, attempt: current) }
        client.call(.sessionCreate(ttl: options.sessionTTL, lockDelay: options.lockDelay, behavior: .release)) { [self] result in
            guard current == attempt else { return }
            guard case .success(let response) = result, response.status == 200, case .sessionID(let created) = response.body else {
                return fail(result)
            }
            session = created
            renewer = ConsulSessionRenewer(session: created, ttl: options.sessionTTL, client: client, onEnd: { [weak self] in
                self?.sessionEnded(created)
            })
            wait(index: 0, attempt: current)
        }
    }

    /// The renewer gave up on the session: the next attempt needs a new one (a held lock is
    /// lost through the monitor, which sees the key released when Consul invalidates it).
    private func sessionEnded(_ id: String) {
        guard session == id else { return }
        session = nil
        renewer = nil
    }

    /// Releases the lock and destroys its session (a resigning holder).
    public func unlock() {
        attempt += 1
        if isHeld, let session {
            client.call(.kvPut(pair, .release(session: session))) { _ in }
        }
        isHeld = false
        renewer?.stop()
        renewer = nil
        session = nil
    }

    private var pair: ConsulKVPair { ConsulKVPair(key: key, value: value, flags: Self.lockFlagValue) }

    private func fail(_ result: Result<ConsulResponse, ConsulClientError>) {
        switch result {
        case .failure(let error): onError(.client(error))
        case .success(let response): onError(.client(ConsulKV.unexpected(response)))
        }
    }

    private func wait(index: UInt64, attempt current: Int) {
        let options = ConsulQueryOptions(consistency: .consistent, waitIndex: index, waitTime: Self.waitTime)
        client.call(.kvGet(key: key, options)) { [self] result in
            guard current == attempt else { return }
            guard let session else { return campaign(attempt: current) }
            switch ConsulKV.pairs(result) {
            case .failure(let error):
                onError(error)
            case .success(let (pairs, newIndex)):
                let existing = pairs.first
                if let existing, existing.flags != Self.lockFlagValue { return onError(.lockConflict) }
                if existing?.session == session { return held(attempt: current) }
                if existing?.session != nil { return wait(index: newIndex, attempt: current) }
                acquire(session: session, attempt: current)
            }
        }
    }

    private func acquire(session: String, attempt current: Int) {
        client.call(.kvPut(pair, .acquire(session: session))) { [self] result in
            guard current == attempt else { return }
            switch ConsulKV.bool(result) {
            case .failure(let error): onError(error)
            case .success(true): held(attempt: current)
            case .success(false):
                client.simulation.schedule(after: Self.retryTime, for: client) { [self] _ in
                    guard current == attempt else { return }
                    campaign(attempt: current)
                }
            }
        }
    }

    private func held(attempt current: Int) {
        isHeld = true
        onAcquired()
        monitor(index: 0, attempt: current)
    }

    /// `monitorLock`: consistent blocking reads with the server's default wait.
    private func monitor(index: UInt64, attempt current: Int) {
        client.call(.kvGet(key: key, ConsulQueryOptions(consistency: .consistent, waitIndex: index))) { [self] result in
            guard current == attempt, isHeld else { return }
            if case .success(let (pairs, newIndex)) = ConsulKV.pairs(result), let session, pairs.first?.session == session {
                return monitor(index: newIndex, attempt: current)
            }
            isHeld = false
            onLost()
        }
    }
}
