/// Tunables of a Raft node. Defaults are SwarmKit's (`raft.go` `DefaultNodeConfig`,
/// `DefaultRaftConfig`), see SWARM_FACTS §1.
public struct RaftConfig: Equatable, Sendable {
    /// Ticks without hearing from a leader before a follower campaigns; the actual
    /// timeout is drawn uniformly from `[electionTick, 2*electionTick-1]`.
    public var electionTick: Int = 10
    /// Ticks between a leader's heartbeats.
    public var heartbeatTick: Int = 1
    /// A leader steps down when a quorum was not active during an election timeout,
    /// and followers honour a leader lease (ignore disruptive votes).
    public var checkQuorum: Bool = true
    /// The PreVote phase (§9.6 of Ongaro's thesis). SwarmKit leaves it off.
    public var preVote: Bool = false
    /// Applied entries between snapshots; the host asks for a snapshot with
    /// `compact(snapshotAt:state:)` when `RaftNode.needsSnapshot` says so.
    public var snapshotInterval: UInt64 = 10_000
    /// Entries kept in the log before a snapshot, so that slow followers can still
    /// catch up from the log.
    public var logEntriesForSlowFollowers: UInt64 = 500
    /// Entries in one `MsgApp` (etcd limits bytes, `MaxSizePerMsg`; we count entries).
    public var maxEntriesPerMessage: Int = 64
    /// `MsgApp`s in flight to one follower in the replicate state.
    public var maxInflight: Int = 256
    /// Ticks without a leader after which SwarmKit fails proxied control API calls
    /// at once (`raft.go` `lostQuorumTimeout`).
    public var lostQuorumTicks: Int = 10
    /// A planted bug (`cluster.raft.mutant`), for teaching and calibration; nil (the
    /// default) runs etcd's raft unchanged. See `RaftMutant`.
    public var mutant: RaftMutant? = nil
    /// Records each vote decision as an event (`--trace raft`); off, elections build no text.
    public var recordsVotes = false
    /// hashicorp/raft's leader lease (`LeaderLeaseTimeout`, `raft.go` `checkLeaderLease`), in
    /// ticks: with `checkQuorum`, the leader steps down as soon as fewer than a quorum of
    /// voters (itself included) were heard from within the last `leaderLeaseTick` ticks,
    /// instead of etcd's check once per `electionTick`. Nil (the default, etcd's and
    /// SwarmKit's behaviour) keeps etcd's check.
    public var leaderLeaseTick: Int? = nil

    public init(electionTick: Int = 10, heartbeatTick: Int = 1, checkQuorum: Bool = true,
                preVote: Bool = false, snapshotInterval: UInt64 = 10_000,
                logEntriesForSlowFollowers: UInt64 = 500, maxEntriesPerMessage: Int = 64,
                maxInflight: Int = 256, lostQuorumTicks: Int = 10, mutant: RaftMutant? = nil,
                leaderLeaseTick: Int? = nil) {
        precondition(heartbeatTick > 0 && electionTick > heartbeatTick,
                     "electionTick must be greater than heartbeatTick")
        precondition(maxEntriesPerMessage > 0 && maxInflight > 0)
        precondition(leaderLeaseTick.map { $0 > 0 } ?? true, "leaderLeaseTick must be positive")
        self.electionTick = electionTick
        self.heartbeatTick = heartbeatTick
        self.checkQuorum = checkQuorum
        self.preVote = preVote
        self.snapshotInterval = snapshotInterval
        self.logEntriesForSlowFollowers = logEntriesForSlowFollowers
        self.maxEntriesPerMessage = maxEntriesPerMessage
        self.maxInflight = maxInflight
        self.lostQuorumTicks = lostQuorumTicks
        self.mutant = mutant
        self.leaderLeaseTick = leaderLeaseTick
    }
}
