// Value types shared by the Raft state machine, its host and its observers.
//
// Modelled on etcd's raftpb (go.etcd.io/raft/v3), which SwarmKit vendors, but
// with Swift enums where etcd uses a type tag and optional fields.

/// A member's Raft id. SwarmKit draws random 64-bit ids and never reuses one.
public typealias RaftNodeID = UInt64
/// A position in the replicated log, starting at 1 (0 means "before the log").
public typealias RaftIndex = UInt64
/// An election term, starting at 1 (0 means "no term yet").
public typealias RaftTerm = UInt64

// MARK: - Log entries

/// What a log entry carries.
public enum RaftEntryPayload<Command: Equatable & Sendable>: Equatable, Sendable {
    /// The empty entry a new leader appends to commit entries of earlier terms (§5.4.2).
    case empty
    /// An application command (a store transaction in SwarmKit).
    case command(Command)
    /// A single-server membership change; it takes effect when the entry is applied.
    case confChange(RaftConfChange)
}

/// One entry of the replicated log.
public struct RaftEntry<Command: Equatable & Sendable>: Equatable, Sendable {
    public var index: RaftIndex
    public var term: RaftTerm
    public var payload: RaftEntryPayload<Command>

    public init(index: RaftIndex, term: RaftTerm, payload: RaftEntryPayload<Command>) {
        self.index = index
        self.term = term
        self.payload = payload
    }

    /// The configuration change this entry carries, if any.
    public var confChange: RaftConfChange? {
        if case .confChange(let change) = payload { return change }
        return nil
    }

    /// The command this entry carries, if any.
    public var command: Command? {
        if case .command(let command) = payload { return command }
        return nil
    }
}

extension RaftEntry: CustomStringConvertible {
    public var description: String {
        switch payload {
        case .empty: return "\(index)/\(term) empty"
        case .command(let command): return "\(index)/\(term) \(command)"
        case .confChange(let change): return "\(index)/\(term) \(change)"
        }
    }
}

// MARK: - Membership

/// A single-server configuration change (etcd `ConfChangeAddNode`, `ConfChangeRemoveNode`,
/// `ConfChangeUpdateNode`; SwarmKit stores the member's address in the change context).
public enum RaftConfChange: Equatable, Sendable, CustomStringConvertible {
    case addNode(RaftNodeID, address: String)
    case removeNode(RaftNodeID)
    case updateNode(RaftNodeID, address: String)

    /// The member the change is about.
    public var nodeID: RaftNodeID {
        switch self {
        case .addNode(let id, _), .removeNode(let id), .updateNode(let id, _): return id
        }
    }

    public var description: String {
        switch self {
        case .addNode(let id, let address): return "add \(RaftNodeIDFormat.hex(id)) at \(address)"
        case .removeNode(let id): return "remove \(RaftNodeIDFormat.hex(id))"
        case .updateNode(let id, let address): return "update \(RaftNodeIDFormat.hex(id)) to \(address)"
        }
    }
}

/// A voting member and the address its peers dial.
public struct RaftMember: Equatable, Sendable {
    public var id: RaftNodeID
    public var address: String

    public init(id: RaftNodeID, address: String) {
        self.id = id
        self.address = address
    }
}

/// The voters of the cluster and the ids that were removed (and may never return).
///
/// Members are kept sorted by id, so that visiting them is deterministic (etcd sorts
/// ids for the same reason). Clusters have a handful of managers, so lookups are
/// linear scans over a small array.
public struct RaftMembership: Equatable, Sendable {
    /// Voting members, sorted by id.
    public private(set) var members: [RaftMember]
    /// Ids that were removed, sorted. SwarmKit never reuses them.
    public private(set) var removed: [RaftNodeID]

    public init(members: [RaftMember] = [], removed: [RaftNodeID] = []) {
        self.members = members.sorted { $0.id < $1.id }
        self.removed = removed.sorted()
    }

    /// The voters' ids in ascending order.
    /// - Complexity: O(n)
    public var ids: [RaftNodeID] { members.map(\.id) }

    /// The number of votes that makes a majority.
    public var quorum: Int { members.count / 2 + 1 }

    /// - Complexity: O(n)
    public func contains(_ id: RaftNodeID) -> Bool { members.contains { $0.id == id } }

    /// - Complexity: O(n)
    public func isRemoved(_ id: RaftNodeID) -> Bool { removed.contains(id) }

    /// - Complexity: O(n)
    public func address(of id: RaftNodeID) -> String? { members.first { $0.id == id }?.address }

    /// What applying a change did.
    public enum ChangeOutcome: Equatable, Sendable, CustomStringConvertible {
        case added, removed, updated
        /// The change was a no-op, with the reason (e.g. the id had been removed before).
        case ignored(String)

        /// As Swift prints the case (`added`, `ignored("…")`), without going through reflection.
        public var description: String {
            switch self {
            case .added: "added"
            case .removed: "removed"
            case .updated: "updated"
            case let .ignored(reason): "ignored(\(String(reflecting: reason)))"
            }
        }
    }

    /// Applies one change. Removed ids never come back; adding a present member
    /// updates its address (SwarmKit turns such a join into `ConfChangeUpdateNode`).
    /// - Complexity: O(n)
    @discardableResult
    public mutating func apply(_ change: RaftConfChange) -> ChangeOutcome {
        switch change {
        case .addNode(let id, let address):
            if isRemoved(id) { return .ignored("\(RaftNodeIDFormat.hex(id)) was removed and cannot rejoin") }
            if let position = members.firstIndex(where: { $0.id == id }) {
                members[position].address = address
                return .updated
            }
            let position = members.firstIndex { $0.id > id } ?? members.endIndex
            members.insert(RaftMember(id: id, address: address), at: position)
            return .added
        case .removeNode(let id):
            let wasMember = contains(id)
            members.removeAll { $0.id == id }
            if !isRemoved(id) {
                let position = removed.firstIndex { $0 > id } ?? removed.endIndex
                removed.insert(id, at: position)
            }
            return wasMember ? .removed : .ignored("\(RaftNodeIDFormat.hex(id)) was not a member")
        case .updateNode(let id, let address):
            guard let position = members.firstIndex(where: { $0.id == id }) else {
                return .ignored("\(RaftNodeIDFormat.hex(id)) is not a member")
            }
            members[position].address = address
            return .updated
        }
    }
}

/// Formats ids as etcd's logs do (`%x`).
public enum RaftNodeIDFormat {
    public static func hex(_ id: RaftNodeID) -> String { String(id, radix: 16) }
}

// MARK: - Persistent and soft state

/// What must be on disk before any message is sent (etcd `HardState`).
public struct RaftHardState: Equatable, Sendable {
    public var term: RaftTerm
    /// The candidate voted for in `term`, if any.
    public var vote: RaftNodeID?
    public var commit: RaftIndex

    public init(term: RaftTerm = 0, vote: RaftNodeID? = nil, commit: RaftIndex = 0) {
        self.term = term
        self.vote = vote
        self.commit = commit
    }
}

/// The role without its payload, for observers.
public enum RaftRoleKind: String, Equatable, Sendable {
    case follower, preCandidate, candidate, leader
}

/// Volatile state observers care about (etcd `SoftState`).
public struct RaftSoftState: Equatable, Sendable {
    public var role: RaftRoleKind
    public var leaderID: RaftNodeID?

    public init(role: RaftRoleKind, leaderID: RaftNodeID?) {
        self.role = role
        self.leaderID = leaderID
    }
}

/// Where a snapshot sits in the log and the membership at that point.
public struct RaftSnapshotMetadata: Equatable, Sendable {
    public var index: RaftIndex
    public var term: RaftTerm
    public var membership: RaftMembership

    public init(index: RaftIndex, term: RaftTerm, membership: RaftMembership) {
        self.index = index
        self.term = term
        self.membership = membership
    }
}

/// The application's state as of `metadata.index`, opaque to Raft.
///
/// A value, kept in one shared immutable box: readies, messages and disks that carry a
/// snapshot copy a reference instead of the whole application state.
public struct RaftSnapshot<AppState: Sendable>: Sendable {
    private final class Contents: Sendable {
        let metadata: RaftSnapshotMetadata
        let state: AppState

        init(metadata: RaftSnapshotMetadata, state: AppState) {
            self.metadata = metadata
            self.state = state
        }
    }

    private var contents: Contents

    public init(metadata: RaftSnapshotMetadata, state: AppState) {
        contents = Contents(metadata: metadata, state: state)
    }

    public var metadata: RaftSnapshotMetadata {
        get { contents.metadata }
        set { contents = Contents(metadata: newValue, state: contents.state) }
    }

    public var state: AppState {
        get { contents.state }
        set { contents = Contents(metadata: contents.metadata, state: newValue) }
    }

    public var index: RaftIndex { metadata.index }
    public var term: RaftTerm { metadata.term }
}

extension RaftSnapshot: Equatable where AppState: Equatable {
    public static func == (a: RaftSnapshot, b: RaftSnapshot) -> Bool {
        a.contents === b.contents || (a.metadata == b.metadata && a.state == b.state)
    }
}

/// Everything a node keeps on disk: what `RaftNode.init(id:config:persisted:random:)`
/// restarts from. A host writes it piecemeal from each `RaftReady` and reads it back whole,
/// both through `RaftStorage` (SwarmKit keeps a WAL plus snapshot files).
public struct RaftPersistentState<Command: Equatable & Sendable, AppState: Sendable>: Sendable {
    public var hardState: RaftHardState
    public var snapshot: RaftSnapshot<AppState>?
    /// Contiguous entries. Entries at or below the snapshot's index are ignored on restart.
    public var entries: [RaftEntry<Command>]

    public init(hardState: RaftHardState = RaftHardState(), snapshot: RaftSnapshot<AppState>? = nil,
                entries: [RaftEntry<Command>] = []) {
        self.hardState = hardState
        self.snapshot = snapshot
        self.entries = entries
    }

    /// True for a node that never wrote anything (a joining member).
    public var isEmpty: Bool {
        hardState == RaftHardState() && snapshot == nil && entries.isEmpty
    }
}

// MARK: - Results and events

/// The answer to `propose(_:)` and `proposeConfChange(_:)`.
public enum RaftProposalResult: Equatable, Sendable {
    /// Appended to the leader's log at `index` in `term`; it commits later, or never.
    case accepted(index: RaftIndex, term: RaftTerm)
    /// Only the leader accepts proposals (SwarmKit drops forwarded `MsgProp`): the
    /// host forwards the request to `knownLeader` itself.
    case notLeader(knownLeader: RaftNodeID?)
    /// The leader is handing leadership over and accepts nothing meanwhile.
    case leadershipTransferInProgress(to: RaftNodeID)
    /// A configuration change is not yet applied; only one may be pending.
    case configurationChangePending(index: RaftIndex)
    /// The leader has not yet committed an entry of its own term; a configuration
    /// change before that could break safety (Ongaro, "bug in single-server
    /// membership changes", 2015).
    case noCommittedEntryInCurrentTerm
    /// The change makes no sense against the current membership.
    case invalidConfChange(String)

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}

/// The answer to `transferLeadership(to:)`.
public enum RaftTransferResult: Equatable, Sendable {
    case started
    case alreadyInProgress
    case notLeader(knownLeader: RaftNodeID?)
    case targetIsSelf
    case targetNotAMember
}

/// Something worth a line in a trace, with etcd's wording where etcd has one.
public struct RaftEvent: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        case becameFollower, becamePreCandidate, becameCandidate, becameLeader
        /// A leader stepped down; `text` says why.
        case steppedDown
        case electionStarted
        case voteIgnored
        /// This node granted a vote (or pre-vote); `text` as etcd logs it.
        case voteGranted
        /// This node refused a vote (or pre-vote); `text` says why.
        case voteRejected
        case leadershipTransfer
        case configurationChanged
        case snapshotRestored
        /// This node learned it was removed ("raft: member has been removed").
        case removedFromCluster
        case entriesDiscarded
    }

    public var kind: Kind
    public var term: RaftTerm
    public var text: String

    public init(kind: Kind, term: RaftTerm, text: String) {
        self.kind = kind
        self.term = term
        self.text = text
    }

    public var description: String { text }
}
