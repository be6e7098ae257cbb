import SimEngine

/// A Raft consensus participant as a pure state machine, in the style of etcd's
/// raft library (go.etcd.io/raft/v3, vendored by SwarmKit): no I/O, no clock, no
/// threads. The host drives it:
///
/// - `tick()` every tick interval (1 s in SwarmKit);
/// - `step(_:)` for every message that arrives from a peer;
/// - `propose(_:)`, `proposeConfChange(_:)`, `transferLeadership(to:)`,
///   `campaign()` for requests;
/// - then `takeReady()` until it returns nil, handling each `RaftReady` as its
///   documentation says (persist → sync → send → apply).
///
/// Randomness (the election timeout) comes from the node's own `RandomStream`.
/// Peers are always visited in ascending id order, so runs replay exactly.
///
/// Configuration changes take effect when their entry is applied, as in etcd
/// (the application calls `ApplyConfChange` after applying the entry). Here
/// `takeReady()` hands committed entries to the host and counts them as applied
/// at that moment, so a change takes effect when its entry is handed over.
public struct RaftNode<Command: Equatable & Sendable, AppState: Sendable>: Sendable {
    public typealias Message = RaftMessage<Command, AppState>
    public typealias Entry = RaftEntry<Command>
    public typealias Snapshot = RaftSnapshot<AppState>
    public typealias Ready = RaftReady<Command, AppState>
    public typealias PersistentState = RaftPersistentState<Command, AppState>

    // MARK: - State

    public let id: RaftNodeID
    public let config: RaftConfig
    /// The current term (persisted).
    public internal(set) var term: RaftTerm = 0
    /// The candidate voted for in `term` (persisted).
    public internal(set) var vote: RaftNodeID?
    /// The role, carrying the state only that role has.
    public internal(set) var role: RaftRole = .follower
    /// The leader this node currently follows (itself when leader).
    public internal(set) var leaderID: RaftNodeID?
    /// The configuration in effect: snapshot's, plus every applied configuration entry.
    public internal(set) var membership: RaftMembership
    /// True once this node learned it was removed; it never campaigns again.
    public internal(set) var isRemoved = false
    /// The election timeout currently drawn, in `[electionTick, 2*electionTick-1]`.
    public internal(set) var randomizedElectionTimeout = 0
    /// Ticks in a row without a known leader (SwarmKit's `ticksWithNoLeader`).
    public internal(set) var ticksWithoutLeader = 0

    var log: RaftLog<Command, AppState>
    /// Configuration entries up to this index are reflected in `membership`.
    var configIndex: RaftIndex
    var electionElapsed = 0
    var heartbeatElapsed = 0
    var random: RandomStream

    var outbox: [Message] = []
    var pendingEvents: [RaftEvent] = []
    var reportedHardState: RaftHardState
    var reportedSoftState: RaftSoftState
    var snapshotToPersist: Snapshot?
    var snapshotNeedsRestore = false

    // MARK: - Creating nodes

    /// A node restarted from what it persisted, or — with an empty state — a new
    /// node waiting to be added to a cluster (it campaigns only once it is a member).
    ///
    /// Recovers term, vote and log; the membership from the snapshot plus the
    /// configuration entries up to the persisted commit index. The first
    /// `takeReady()` re-delivers the committed entries after the snapshot so that
    /// the host rebuilds its state machine (after restoring the snapshot).
    public init(id: RaftNodeID, config: RaftConfig = RaftConfig(), persisted: PersistentState = PersistentState(),
                random: RandomStream) {
        self.id = id
        self.config = config
        self.random = random
        let hardState = persisted.hardState
        log = RaftLog(snapshot: persisted.snapshot, entries: persisted.entries, commit: hardState.commit)
        term = hardState.term
        vote = hardState.vote
        membership = persisted.snapshot?.metadata.membership ?? RaftMembership()
        configIndex = log.snapshotIndex
        reportedHardState = hardState
        reportedSoftState = RaftSoftState(role: .follower, leaderID: nil)
        if membership.isRemoved(id) { isRemoved = true }
        recoverMembership(through: log.committed)
        resetRandomizedElectionTimeout()
    }

    /// The first node(s) of a new cluster (etcd `StartNode` with peers): the log
    /// starts with one committed `addNode` entry per member, at term 1. SwarmKit's
    /// `swarm init` bootstraps a single member and then calls `campaign()`.
    public static func bootstrap(id: RaftNodeID, members: [RaftMember], config: RaftConfig = RaftConfig(),
                                 random: RandomStream) -> RaftNode {
        precondition(!members.isEmpty, "a new cluster needs at least one member")
        var node = RaftNode(id: id, config: config, random: random)
        node.becomeFollower(term: 1, leader: nil)
        let entries = members.enumerated().map { offset, member in
            Entry(index: RaftIndex(offset + 1), term: 1, payload: .confChange(.addNode(member.id, address: member.address)))
        }
        node.log.append(entries)
        node.log.commit(to: RaftIndex(entries.count))
        node.recoverMembership(through: node.log.committed)
        return node
    }

    // MARK: - Observation

    public var roleKind: RaftRoleKind { role.kind }
    public var isLeader: Bool { if case .leader = role { return true } else { return false } }
    public var commitIndex: RaftIndex { log.committed }
    /// The last index handed to the host to apply.
    public var appliedIndex: RaftIndex { log.applied }
    public var firstIndex: RaftIndex { log.firstIndex }
    public var lastIndex: RaftIndex { log.lastIndex }
    public var lastTerm: RaftTerm { log.lastTerm }
    public var snapshotIndex: RaftIndex { log.snapshotIndex }
    public var snapshotTerm: RaftTerm { log.snapshotTerm }
    /// The latest snapshot (taken locally or installed).
    public var snapshot: Snapshot? { log.snapshot }
    /// The entries still in memory (`firstIndex...lastIndex`).
    public var logEntries: [Entry] { log.entries }
    /// - Complexity: O(1)
    public func entry(at index: RaftIndex) -> Entry? { log.entry(at: index) }
    /// The term of the entry at `index` (the snapshot's term at its index), or nil.
    public func term(at index: RaftIndex) -> RaftTerm? { log.term(at: index) }
    public var hardState: RaftHardState { RaftHardState(term: term, vote: vote, commit: log.committed) }
    public var softState: RaftSoftState { RaftSoftState(role: role.kind, leaderID: leaderID) }

    /// The member leadership is being transferred to, if any (leader only).
    public var leadTransferee: RaftNodeID? {
        if case .leader(let state) = role { return state.leadTransferee }
        return nil
    }

    /// The leader's view of every other voter, sorted by id; empty unless leader.
    public var peers: [RaftPeerStatus] {
        guard case .leader(let state) = role else { return [] }
        return state.progress.keys.compactMap { peer in
            guard peer != id, let progress = state.progress[peer] else { return nil }
            return RaftPeerStatus(id: peer, match: progress.match, next: progress.next, state: progress.state,
                                  recentActive: progress.recentActive, ticksSinceHeard: progress.ticksSinceHeard)
        }
    }

    /// Whether enough was applied since the last snapshot that the host should
    /// take one (`applied - snapshotIndex >= snapshotInterval`, SwarmKit `raft.go`).
    public var needsSnapshot: Bool { log.applied - log.snapshotIndex >= config.snapshotInterval }

    /// SwarmKit's "no leader for too long" signal: proxied control API calls fail
    /// at once with "The swarm does not have a leader" once this is true.
    public var hasBeenLeaderlessTooLong: Bool { ticksWithoutLeader > config.lostQuorumTicks }

    /// Whether `takeReady()` has something to hand over.
    public var hasReady: Bool {
        log.isDirty || !outbox.isEmpty || !pendingEvents.isEmpty || snapshotToPersist != nil
            || log.committed > log.applied || hardState != reportedHardState || softState != reportedSoftState
    }

    /// Whether this node may campaign (etcd `promotable`): a voter, not removed,
    /// not in the middle of installing a snapshot.
    var isPromotable: Bool {
        !isRemoved && membership.contains(id) && !snapshotNeedsRestore
    }

    // MARK: - Role transitions

    mutating func resetRandomizedElectionTimeout() {
        randomizedElectionTimeout = config.electionTick + random.nextInt(below: config.electionTick)
    }

    /// etcd `reset`: a new term forgets the vote; timers restart.
    mutating func reset(term newTerm: RaftTerm) {
        if term != newTerm {
            term = newTerm
            vote = nil
        }
        leaderID = nil
        electionElapsed = 0
        heartbeatElapsed = 0
        resetRandomizedElectionTimeout()
    }

    mutating func becomeFollower(term newTerm: RaftTerm, leader: RaftNodeID?) {
        reset(term: newTerm)
        role = .follower
        leaderID = leader
        record(.becameFollower, "\(hexID) became follower at term \(term)")
    }

    mutating func becomePreCandidate() {
        precondition(!isLeader, "invalid transition [leader -> pre-candidate]")
        // Neither the term nor the vote changes: a pre-election disturbs nobody.
        var tally = RaftVoteTally()
        tally.record(id, granted: true)
        role = .preCandidate(tally)
        leaderID = nil
        record(.becamePreCandidate, "\(hexID) became pre-candidate at term \(term)")
    }

    mutating func becomeCandidate() {
        precondition(!isLeader, "invalid transition [leader -> candidate]")
        reset(term: term + 1)
        vote = id
        var tally = RaftVoteTally()
        tally.record(id, granted: true)
        role = .candidate(tally)
        record(.becameCandidate, "\(hexID) became candidate at term \(term)")
    }

    mutating func becomeLeader() {
        if case .follower = role { preconditionFailure("invalid transition [follower -> leader]") }
        reset(term: term)
        leaderID = id
        let last = log.lastIndex
        var progress = RaftPeerTable<RaftProgress>()
        for member in membership.ids {
            progress[member] = RaftProgress(match: 0, next: last + 1, recentActive: false)
        }
        var own = RaftProgress(match: last, next: last + 1, recentActive: true)
        own.becomeReplicate()
        progress[id] = own
        // Conservatively forbid configuration changes until everything in the log
        // so far is applied (etcd sets pendingConfIndex to the last index).
        role = .leader(RaftLeaderState(progress: progress, pendingConfIndex: last))
        record(.becameLeader, "\(hexID) became leader at term \(term)")
        // §5.4.2: an entry of the new term, so that earlier entries can be committed.
        appendAsLeader([.empty])
    }

    // MARK: - Helpers

    var hexID: String { RaftNodeIDFormat.hex(id) }

    mutating func record(_ kind: RaftEvent.Kind, _ text: String) {
        pendingEvents.append(RaftEvent(kind: kind, term: term, text: text))
    }

    mutating func send(to peer: RaftNodeID, _ body: Message.Body, term messageTerm: RaftTerm? = nil) {
        outbox.append(Message(from: id, to: peer, term: messageTerm ?? term, body: body))
    }

    /// Mutates the leader's state in place. The enum is emptied while `body` runs
    /// so that the state is uniquely referenced and not copied. `body` cannot
    /// touch `self` (the compiler enforces exclusive access).
    @discardableResult
    mutating func modifyLeaderState<R>(_ body: (inout RaftLeaderState) -> R) -> R? {
        guard case .leader(var state) = role else { return nil }
        role = .follower
        let result = body(&state)
        role = .leader(state)
        return result
    }

    /// A copy of the leader's record of `peer`.
    func progress(of peer: RaftNodeID) -> RaftProgress? {
        guard case .leader(let state) = role else { return nil }
        return state.progress[peer]
    }

    mutating func setProgress(_ progress: RaftProgress, of peer: RaftNodeID) {
        modifyLeaderState { $0.progress[peer] = progress }
    }

    /// Applies configuration entries in `(configIndex, index]` to the membership
    /// without side effects: used when the state is rebuilt (restart, bootstrap).
    mutating func recoverMembership(through index: RaftIndex) {
        guard index > configIndex else { return }
        var position = max(configIndex + 1, log.firstIndex)
        while position <= index, let entry = log.entry(at: position) {
            if let change = entry.confChange {
                membership.apply(change)
                if case .removeNode(let removed) = change, removed == id { isRemoved = true }
            }
            position += 1
        }
        configIndex = index
    }

    /// The membership as of `index` (≥ the snapshot's index), replayed from the
    /// snapshot's membership.
    func membership(at index: RaftIndex) -> RaftMembership {
        var result = log.snapshot?.metadata.membership ?? RaftMembership()
        var position = log.snapshotIndex + 1
        while position <= index, let entry = log.entry(at: position) {
            if let change = entry.confChange { result.apply(change) }
            position += 1
        }
        return result
    }

    /// Whether committed configuration entries wait to be applied (a node must not
    /// campaign then: it could win with a stale configuration).
    var hasUnappliedConfChanges: Bool {
        var position = max(log.applied, configIndex) + 1
        while position <= log.committed {
            if log.entry(at: position)?.confChange != nil { return true }
            position += 1
        }
        return false
    }
}
