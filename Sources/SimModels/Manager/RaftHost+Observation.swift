extension RaftHost {
    // Read-only views of the node for watchers in other modules (the Raft lab in
    // `Scenarios/Lab`, which runs `RaftHost<UInt64, [UInt64]>`). Reading `node` itself from
    // another module copies the whole state machine through unspecialized generic code, which
    // made `simrun sweep raft` several times slower; these read single fields in place, and
    // are specialized for the lab's types.

    /// The node's state for `RaftInvariantChecker`.
    @_specialize(where Command == UInt64, AppState == [UInt64])
    public func observation() -> RaftNodeObservation<Command> { node.observation }

    /// The node's current term.
    @_specialize(where Command == UInt64, AppState == [UInt64])
    public func currentTerm() -> RaftTerm { node.term }

    /// Whether the node leads.
    @_specialize(where Command == UInt64, AppState == [UInt64])
    public func leads() -> Bool { node.isLeader }

    /// The index of the last log entry, the highest index known committed, and the last
    /// index handed over to apply.
    @_specialize(where Command == UInt64, AppState == [UInt64])
    public func indexes() -> (last: RaftIndex, commit: RaftIndex, applied: RaftIndex) {
        (node.lastIndex, node.commitIndex, node.appliedIndex)
    }
}
