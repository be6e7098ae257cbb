/// A known Raft bug planted on purpose (`cluster.raft.mutant`): a teaching and calibration
/// aid that shows what the invariant checkers and `simrun explore` catch. Every mutant is
/// one clearly marked switch in the Raft code (search for `RaftMutant`); with none set,
/// the code is etcd's raft.
///
/// The bugs are those the Raft paper (Ongaro and Ousterhout, "In Search of an
/// Understandable Consensus Algorithm", 2014) warns against, each at the place the paper
/// or etcd's raft states the rule it breaks.
public enum RaftMutant: String, CaseIterable, Equatable, Sendable {
    /// A voter grants its vote without checking that the candidate's log is at least as
    /// up-to-date as its own (breaks §5.4.1, the election restriction; etcd `raft.go`
    /// `Step`, `r.raftLog.isUpToDate`).
    case skipLogCheck = "skip-log-check"
    /// A leader commits an entry of an earlier term as soon as a majority stores it,
    /// instead of only entries of its own term (breaks §5.4.2; the paper's Figure 8;
    /// etcd `raftLog.maybeCommit` compares the entry's term with the leader's).
    case commitOldTerm = "commit-old-term"
    /// A vote for another node is never written to the hard state: the grant leaves, and
    /// a restart forgets it, so the node may vote again in the same term (breaks the
    /// persistence rule of Figure 2, "votedFor" is persistent state; etcd `Ready.HardState`
    /// is saved before `Ready.Messages` are sent).
    case forgetVote = "forget-vote"
    /// A follower acknowledges an append (`MsgAppResp`) as soon as the entries are written,
    /// before the disk sync makes them durable: a crash loses entries the leader counted
    /// (breaks Figure 2's "respond after entries are stored on stable storage"; etcd's
    /// `Ready` contract: persist, then send).
    case ackBeforeSync = "ack-before-sync"
    /// Followers keep the leader lease (they ignore a candidate's vote request for an election
    /// timeout after hearing from a leader) but the leader never checks its quorum, so nothing
    /// bounds the lease: a leader cut off from a majority stays leader, keeps the followers it
    /// still reaches in its lease, and those refuse the votes of the rest, which cannot elect
    /// anyone (breaks the pairing etcd states: the lease is `r.checkQuorum && r.lead != None
    /// && r.electionElapsed < r.electionTimeout` in raft.go `Step`, sound only because the
    /// same option makes `tickHeartbeat` step a leader down when `QuorumActive` is false; the
    /// Raft thesis §6.2 and §4.2.3 pair the two likewise).
    case leaseWithoutCheckQuorum = "lease-without-checkquorum"

    /// The mutants' names, in declaration order, for help texts and errors.
    public static var names: [String] { allCases.map(\.rawValue) }
}
