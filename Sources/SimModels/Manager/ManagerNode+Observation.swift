extension ManagerNode {
    // Read-only views of the Raft node for observers (checkers, expectations, summaries).
    // Reading `raft.node` from another module copies the whole state machine through
    // unspecialized generic code; these read single fields in place.

    /// The Raft node's current term.
    public var term: RaftTerm { raft.node.term }
    /// The Raft node's role.
    public var roleKind: RaftRoleKind { raft.node.roleKind }
    /// The leader the Raft node follows, if known.
    public var knownLeaderID: RaftNodeID? { raft.node.leaderID }
    /// The index of the last log entry.
    public var lastIndex: RaftIndex { raft.node.lastIndex }
    /// The term of the last log entry.
    public var lastTerm: RaftTerm { raft.node.lastTerm }
    /// The highest index known committed.
    public var commitIndex: RaftIndex { raft.node.commitIndex }
    /// The index of the latest snapshot.
    public var snapshotIndex: RaftIndex { raft.node.snapshotIndex }
    /// The Raft configuration in effect.
    public var members: [RaftMember] { raft.node.membership.members }
    /// Whether `id` is a member of the configuration in effect.
    public func hasMember(_ id: RaftNodeID) -> Bool { raft.node.membership.contains(id) }
    /// The Raft node's state for `RaftInvariantChecker`.
    public var raftObservation: RaftNodeObservation<StoreProposal> {
        var observation = raft.node.observation
        observation.commitIndex = min(observation.commitIndex, raft.durableLastIndex)
        return observation
    }
}
