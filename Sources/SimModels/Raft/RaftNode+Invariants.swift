// Structural invariants of a node, checked after every public mutation in debug
// builds (like swift-collections' `Heap+Invariants.swift`).

extension RaftNode {
    /// Cheap structural checks, run after every public mutation in debug builds
    /// (like swift-collections' `_checkInvariants`).
    func checkInvariants() {
        assert(log.applied <= log.committed, "applied \(log.applied) > committed \(log.committed)")
        assert(log.committed <= log.lastIndex, "committed \(log.committed) > last \(log.lastIndex)")
        assert(log.snapshot == nil || log.firstIndex - 1 <= log.snapshotIndex, "compacted past the snapshot")
        switch role {
        case .leader(let state):
            assert(leaderID == id, "a leader follows itself")
            assert(state.progress[id] != nil || !membership.contains(id), "leader without its own progress")
            assert(state.progress[id].map { $0.match == log.lastIndex } ?? true, "leader's match is its last index")
            assert(Set(state.progress.keys) == Set(membership.ids), "one progress record per voter")
        case .candidate:
            assert(vote == id && leaderID == nil, "a candidate votes for itself and has no leader")
        case .preCandidate, .follower:
            break
        }
    }
}
