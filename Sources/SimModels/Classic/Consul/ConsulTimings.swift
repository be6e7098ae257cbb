import SimEngine

/// The Consul release a cluster runs and the timings that follow from it (CLASSIC_SWARM_FACTS
/// §0, SCENARIO_FORMAT §10): classic Swarm 1.1.3 ran with Consul 0.6, 1.2.9 with Consul 0.7.
public enum ConsulVersion: String, Sendable, CaseIterable {
    /// Consul 0.6: hashicorp/raft's timings unscaled (`consul/config.go` `DefaultConfig`).
    case v0_6 = "0.6"
    /// Consul 0.7: `raft_multiplier` 5 (`ScaleRaft`), 24 h session TTL ceiling, RPC hold.
    case v0_7 = "0.7"
}

/// Consul's timing defaults for one release, and how its Raft maps onto `RaftNode`.
///
/// Sources: hashicorp/consul `consul/config.go` (`DefaultConfig`: `HeartbeatTimeout` and
/// `ElectionTimeout` 1 s, `LeaderLeaseTimeout` 500 ms; 0.7's `ScaleRaft` multiplies them by
/// `raft_multiplier`, default 5; `SessionTTLMin` 10 s; `RPCHoldTimeout` 7 s in 0.7),
/// `consul/structs/structs.go` (`SessionTTLMax`, `SessionTTLMultiplier` 2, `MaxLockDelay` 60 s),
/// `consul/session_endpoint.go` (default lock-delay 15 s), `consul/rpc.go` (`maxQueryTime`
/// 600 s, `defaultQueryTime` 300 s, jitter `wait/16`).
public struct ConsulTimings: Equatable, Sendable {
    public var version: ConsulVersion
    /// hashicorp/raft `HeartbeatTimeout`: a follower that heard nothing for a random time in
    /// [T, 2T) campaigns; the leader heartbeats every T/10.
    public var heartbeatTimeout: SimDuration
    /// hashicorp/raft `ElectionTimeout`: a candidate's wait before a new election, in [E, 2E).
    public var electionTimeout: SimDuration
    /// hashicorp/raft `LeaderLeaseTimeout`: a leader that has not heard from a quorum within
    /// it steps down.
    public var leaderLease: SimDuration
    /// `SessionTTLMin` (`session_ttl_min`).
    public var sessionTTLMin: SimDuration = .seconds(10)
    /// `SessionTTLMax`: 3600 s up to 0.6, 24 h from 0.7.
    public var sessionTTLMax: SimDuration
    /// A session's timer runs for TTL × this (`SessionTTLMultiplier`).
    public var sessionTTLMultiplier: Int64 = 2
    /// The lock-delay of a session created without one.
    public var defaultLockDelay: SimDuration = .seconds(15)
    /// Longer lock-delays are cut to this (`MaxLockDelay`).
    public var maxLockDelay: SimDuration = .seconds(60)
    /// A blocking query without `wait` waits this long (`defaultQueryTime`; every release).
    public static let defaultQueryWait: SimDuration = .minutes(5)
    /// A blocking query never waits longer than this (`maxQueryTime`).
    public static let maxQueryWait: SimDuration = .minutes(10)
    /// How long a server holds an RPC while there is no leader before failing it with
    /// `No cluster leader` (`RPCHoldTimeout`, 0.7+; 0.6 fails at once).
    public var rpcHoldTimeout: SimDuration
    /// The leader retries a failed session invalidation this many times
    /// (`session_ttl.go` `maxInvalidateAttempts`), `invalidateRetryBase` × attempt apart.
    public var maxInvalidateAttempts = 6
    public var invalidateRetryBase: SimDuration = .seconds(10)

    public init(version: ConsulVersion) {
        self.version = version
        let multiplier: Int64 = version == .v0_6 ? 1 : 5
        heartbeatTimeout = .seconds(1) * multiplier
        electionTimeout = .seconds(1) * multiplier
        leaderLease = .milliseconds(500) * multiplier
        sessionTTLMax = version == .v0_6 ? .hours(1) : .hours(24)
        rpcHoldTimeout = version == .v0_6 ? .zero : .seconds(7)
    }

    // MARK: - hashicorp/raft on RaftNode

    /// One tick is a tenth of the heartbeat timeout, the leader's heartbeat interval
    /// (hashicorp/raft `replication.go` `heartbeat`: every `HeartbeatTimeout/10`).
    public var tickInterval: SimDuration { heartbeatTimeout / 10 }

    /// Consul's Raft expressed as `RaftNode`'s configuration. Sources: hashicorp/raft
    /// `config.go` (`HeartbeatTimeout`, `ElectionTimeout`, `LeaderLeaseTimeout`), `raft.go`
    /// (`runFollower`, `runCandidate`, `runLeader`, `checkLeaderLease`, `requestVote`),
    /// `replication.go` (`heartbeat`), `util.go` (`randomTimeout`: uniform in [T, 2T)).
    /// The mapping:
    ///
    /// - **Follower timeout.** hashicorp/raft `runFollower` arms `randomTimeout(HeartbeatTimeout)`,
    ///   uniform in [T, 2T), and campaigns when it fires without contact since the last one.
    ///   Here `electionTick` = 10 ticks of T/10, drawn in [10, 19] ticks counted from the last
    ///   contact, which falls between two ticks: [0.9T, 1.9T] after it, within [0.9T, 2T)
    ///   (measured over 20 seeds: 0.6 first leader 0.92–1.67 s, failover 0.92–3 s with split
    ///   votes). Approximate: hashicorp re-arms the random timer on
    ///   every expiry and checks `lastContact`, so its worst case after the last contact is a
    ///   little under 2T plus the previous timer's remainder; etcd's counter restarts on
    ///   contact.
    /// - **Candidate timeout.** `runCandidate` waits `randomTimeout(ElectionTimeout)`; Consul sets
    ///   `ElectionTimeout` = `HeartbeatTimeout`, so one `electionTick` serves both.
    /// - **Heartbeats.** every tick (`heartbeatTick` 1 = T/10).
    /// - **Votes refused while a leader is known.** `requestVote` rejects a candidate when the
    ///   node knows another leader ("Rejecting vote request ... since we have a leader"),
    ///   before looking at the term; a follower forgets its leader only when its own timeout
    ///   fires. etcd's lease (`checkQuorum`) ignores campaigns for `electionTick` after the last
    ///   contact: the same rule, except that the window is T rather than the follower's drawn
    ///   timeout.
    /// - **Leader lease.** `runLeader` → `checkLeaderLease`: step down when fewer than a quorum
    ///   were contacted within `LeaderLeaseTimeout` (T/2). Here `leaderLeaseTick` = 5 ticks:
    ///   each leader tick counts the voters heard from within the last 5 ticks, so the leader
    ///   steps down one lease after its last contact with a quorum, to within a tick
    ///   (measured over 20 seeds, crash of both followers → step-down: 0.6 0.41–0.50 s,
    ///   0.7 2.01–2.47 s; the last contact falls up to a tick before the crash).
    /// - **No pre-vote** (hashicorp/raft of 2016 had none).
    public var raftConfig: RaftConfig {
        RaftConfig(electionTick: 10, heartbeatTick: 1, checkQuorum: true, preVote: false,
                   leaderLeaseTick: Int(leaderLease.nanoseconds / tickInterval.nanoseconds))
    }

    /// The timer of a session with `ttl`: TTL × `SessionTTLMultiplier`
    /// (`session_ttl.go` `resetSessionTimer`).
    public func sessionTimer(ttl: SimDuration) -> SimDuration { ttl * sessionTTLMultiplier }
}
