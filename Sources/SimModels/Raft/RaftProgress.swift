// The leader's view of each follower (etcd `tracker.Progress`) and the role enum.

/// The role of a node, with the state only that role has: a follower cannot
/// hold replication progress, a leader cannot hold a vote tally.
public enum RaftRole: Sendable {
    case follower
    case preCandidate(RaftVoteTally)
    case candidate(RaftVoteTally)
    case leader(RaftLeaderState)

    public var kind: RaftRoleKind {
        switch self {
        case .follower: return .follower
        case .preCandidate: return .preCandidate
        case .candidate: return .candidate
        case .leader: return .leader
        }
    }
}

/// Votes received in the current (pre-)election.
public struct RaftVoteTally: Equatable, Sendable {
    /// (voter, granted) in the order the answers arrived; one answer per voter.
    public private(set) var answers: [(id: RaftNodeID, granted: Bool)] = []

    public static func == (lhs: RaftVoteTally, rhs: RaftVoteTally) -> Bool {
        lhs.answers.elementsEqual(rhs.answers) { $0.id == $1.id && $0.granted == $1.granted }
    }

    /// Records `id`'s answer unless it already answered.
    mutating func record(_ id: RaftNodeID, granted: Bool) {
        guard !answers.contains(where: { $0.id == id }) else { return }
        answers.append((id, granted))
    }

    enum Outcome { case won, lost, pending }

    struct Count {
        var granted: Int
        var rejected: Int
        var outcome: Outcome
    }

    /// The count among `voters` (answers from non-voters do not count): won with a
    /// majority of grants, lost once a majority can no longer be reached.
    func count(voters: [RaftNodeID]) -> Count {
        var granted = 0
        var rejected = 0
        for answer in answers where voters.contains(answer.id) {
            if answer.granted { granted += 1 } else { rejected += 1 }
        }
        let quorum = voters.count / 2 + 1
        let outcome: Outcome = granted >= quorum ? .won : (voters.count - rejected < quorum ? .lost : .pending)
        return Count(granted: granted, rejected: rejected, outcome: outcome)
    }
}

/// How the leader is sending to one follower (etcd `StateProbe`, `StateReplicate`,
/// `StateSnapshot`).
public enum RaftProgressState: Equatable, Sendable {
    /// One `MsgApp` at a time until the follower's position is found; `paused`
    /// while that message is unanswered (cleared by any heartbeat response).
    case probe(paused: Bool)
    /// Streaming optimistically, with at most `maxInflight` unacknowledged messages.
    case replicate
    /// A snapshot at `pendingIndex` was sent; waiting for the follower to install it.
    /// `elapsedTicks` counts ticks since (see `RaftNode.tickHeartbeat`).
    case snapshot(pendingIndex: RaftIndex, elapsedTicks: Int)

    public var name: String {
        switch self {
        case .probe: return "probe"
        case .replicate: return "replicate"
        case .snapshot: return "snapshot"
        }
    }
}

/// The last indexes of `MsgApp`s sent and not yet acknowledged (etcd `Inflights`).
struct RaftInflights: Equatable, Sendable {
    private var buffer: [RaftIndex] = []
    private var head = 0

    var count: Int { buffer.count - head }

    mutating func add(_ index: RaftIndex) { buffer.append(index) }

    /// Frees every message whose last index is ≤ `index`.
    mutating func free(through index: RaftIndex) {
        while head < buffer.count, buffer[head] <= index { head += 1 }
        compactIfNeeded()
    }

    mutating func freeFirst() {
        if head < buffer.count { head += 1 }
        compactIfNeeded()
    }

    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        head = 0
    }

    private mutating func compactIfNeeded() {
        if head == buffer.count {
            reset()
        } else if head >= 32, head * 2 >= buffer.count {
            buffer.removeSubrange(..<head)
            head = 0
        }
    }
}

/// The leader's record of one voter.
public struct RaftProgress: Equatable, Sendable {
    /// The highest index known to be replicated on the follower.
    public internal(set) var match: RaftIndex
    /// The next index to send.
    public internal(set) var next: RaftIndex
    public internal(set) var state: RaftProgressState
    /// Heard from since the last CheckQuorum (etcd `RecentActive`).
    public internal(set) var recentActive: Bool
    /// Leader ticks since the follower last answered anything.
    public internal(set) var ticksSinceHeard: Int
    var inflights = RaftInflights()

    init(match: RaftIndex, next: RaftIndex, recentActive: Bool) {
        self.match = match
        self.next = next
        self.state = .probe(paused: false)
        self.recentActive = recentActive
        self.ticksSinceHeard = 0
    }

    /// Whether sending must wait (etcd `IsPaused`).
    func isPaused(maxInflight: Int) -> Bool {
        switch state {
        case .probe(let paused): return paused
        case .replicate: return inflights.count >= maxInflight
        case .snapshot: return true
        }
    }

    mutating func becomeProbe() {
        if case .snapshot(let pending, _) = state {
            // The follower may have installed the snapshot: continue after it.
            next = max(match + 1, pending + 1)
        } else {
            next = match + 1
        }
        state = .probe(paused: false)
        inflights.reset()
    }

    mutating func becomeReplicate() {
        next = match + 1
        state = .replicate
        inflights.reset()
    }

    mutating func becomeSnapshot(_ index: RaftIndex) {
        state = .snapshot(pendingIndex: index, elapsedTicks: 0)
        inflights.reset()
    }

    /// Gives up on a snapshot whose fate is unknown (etcd `MsgSnapStatus` with
    /// reject): probe again from the last known match.
    mutating func abortSnapshot() {
        state = .probe(paused: false)
        next = match + 1
        inflights.reset()
    }

    /// An acknowledgement up to `index` (etcd `MaybeUpdate`). Returns whether
    /// `match` moved.
    mutating func maybeUpdate(_ index: RaftIndex) -> Bool {
        var updated = false
        if match < index {
            match = index
            updated = true
            if case .probe = state { state = .probe(paused: false) }
        }
        next = max(next, index + 1)
        return updated
    }

    /// A rejection of the append after `rejected` (etcd `MaybeDecrTo`). Returns
    /// false for a stale rejection.
    mutating func maybeDecrease(rejected: RaftIndex, matchHint: RaftIndex) -> Bool {
        if case .replicate = state {
            // Stale if it concerns an index we already know matches.
            if rejected <= match { return false }
            next = match + 1
            return true
        }
        // In probe state only the answer to the message just sent counts.
        if next == 0 || next - 1 != rejected { return false }
        next = max(min(rejected, matchHint + 1), match + 1)
        state = .probe(paused: false)
        return true
    }

    mutating func heard() {
        recentActive = true
        ticksSinceHeard = 0
    }
}

/// What only a leader has.
public struct RaftLeaderState: Sendable {
    /// One record per voter, the leader included.
    public internal(set) var progress: RaftPeerTable<RaftProgress>
    /// The member leadership is being handed to, if a transfer is under way.
    public internal(set) var leadTransferee: RaftNodeID?
    /// The index of the last configuration entry proposed: no other may be
    /// proposed until it is applied.
    public internal(set) var pendingConfIndex: RaftIndex

    init(progress: RaftPeerTable<RaftProgress>, pendingConfIndex: RaftIndex) {
        self.progress = progress
        self.leadTransferee = nil
        self.pendingConfIndex = pendingConfIndex
    }
}

/// A follower as the leader sees it, for UIs and the "Reachable/Unreachable" column.
public struct RaftPeerStatus: Equatable, Sendable {
    public var id: RaftNodeID
    public var match: RaftIndex
    public var next: RaftIndex
    public var state: RaftProgressState
    public var recentActive: Bool
    public var ticksSinceHeard: Int
}
