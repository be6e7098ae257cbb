/// What an observer can see of one live node at an instant.
public struct RaftNodeObservation<Command: Equatable & Sendable>: Sendable {
    public var id: RaftNodeID
    public var term: RaftTerm
    public var role: RaftRoleKind
    public var leaderID: RaftNodeID?
    public var commitIndex: RaftIndex
    public var appliedIndex: RaftIndex
    public var snapshotIndex: RaftIndex
    /// The index and term of the entry just before `entries` (the compaction point).
    public var baseIndex: RaftIndex
    public var baseTerm: RaftTerm
    /// The contiguous log entries in memory, starting at `baseIndex + 1`.
    public var entries: [RaftEntry<Command>]

    public init(id: RaftNodeID, term: RaftTerm, role: RaftRoleKind, leaderID: RaftNodeID?, commitIndex: RaftIndex,
                appliedIndex: RaftIndex, snapshotIndex: RaftIndex = 0, baseIndex: RaftIndex = 0,
                baseTerm: RaftTerm = 0, entries: [RaftEntry<Command>]) {
        self.id = id
        self.term = term
        self.role = role
        self.leaderID = leaderID
        self.commitIndex = commitIndex
        self.appliedIndex = appliedIndex
        self.snapshotIndex = snapshotIndex
        self.baseIndex = baseIndex
        self.baseTerm = baseTerm
        self.entries = entries
    }

    public var lastIndex: RaftIndex { baseIndex + RaftIndex(entries.count) }

    func entry(at index: RaftIndex) -> RaftEntry<Command>? {
        guard index > baseIndex, index <= lastIndex else { return nil }
        return entries[Int(index - baseIndex - 1)]
    }

    func term(at index: RaftIndex) -> RaftTerm? {
        if index == baseIndex { return baseTerm }
        return entry(at: index)?.term
    }
}

extension RaftNode {
    /// This node's observable state, for `RaftInvariantChecker`. The entries
    /// array is shared, not copied; drop the observation before mutating the
    /// node again, or the node's next append copies its log.
    public var observation: RaftNodeObservation<Command> {
        RaftNodeObservation(id: id, term: term, role: role.kind, leaderID: leaderID, commitIndex: log.committed,
                            appliedIndex: log.applied, snapshotIndex: log.snapshotIndex, baseIndex: log.firstIndex - 1,
                            baseTerm: log.term(at: log.firstIndex - 1) ?? 0, entries: log.entries)
    }
}
