import SimEngine

/// The session a `ConsulLock` holds its key with.
public struct ConsulLockOptions: Equatable, Sendable {
    /// The session's TTL; Consul expires it 2 × TTL after the last renewal, and the lock's
    /// renewer renews it every TTL/2.
    public var sessionTTL: SimDuration
    /// The session's lock-delay; nil takes the server's default (15 s).
    public var lockDelay: SimDuration?

    public init(sessionTTL: SimDuration, lockDelay: SimDuration?) {
        self.sessionTTL = sessionTTL
        self.lockDelay = lockDelay
    }

    /// docker/libkv `NewLock` with a TTL: a session of TTL ttl/2 with lock-delay 1 ms
    /// ("virtually disable lock delay"), behavior release (CLASSIC_SWARM_FACTS §0).
    public static func libkv(ttl: SimDuration) -> ConsulLockOptions {
        ConsulLockOptions(sessionTTL: ttl / 2, lockDelay: .milliseconds(1))
    }

    /// hashicorp/consul `api/lock.go` with no session given: its own session, TTL
    /// `DefaultLockSessionTTL` 15 s, no lock-delay set, so the server's 15 s applies
    /// (classic Swarm 1.1.3's `--replication-ttl 15s`, CLASSIC_SWARM_FACTS §0).
    public static let consulAPIDefault = ConsulLockOptions(sessionTTL: .seconds(15), lockDelay: nil)
}
