/// The in-memory log of one node: the latest snapshot, the entries after the
/// compaction point, and the commit/apply/persist positions (etcd `raftLog` with
/// its `unstable` part folded into `unstableFrom`).
///
/// Entries live in one array: `entries[k]` has index `offset + 1 + k`.
/// `offset`/`offsetTerm` describe the entry just before the first one (the
/// compaction point), which is never after the snapshot's index.
struct RaftLog<Command: Equatable & Sendable, AppState: Sendable>: Sendable {
    /// The latest snapshot, taken locally or installed from the leader.
    var snapshot: RaftSnapshot<AppState>?
    private(set) var offset: RaftIndex = 0
    private(set) var offsetTerm: RaftTerm = 0
    private(set) var entries: [RaftEntry<Command>] = []
    /// The highest index known to be committed.
    private(set) var committed: RaftIndex = 0
    /// The highest index handed to the host for applying.
    var applied: RaftIndex = 0
    /// The first index the host's persisted log may not have yet (entries from
    /// here on were appended or replaced since the last hand-off).
    private(set) var unstableFrom: RaftIndex = 1
    /// Whether the log changed since the last hand-off (it may have been only truncated).
    private(set) var isDirty = false

    init() {}

    /// A log recovered from disk: the snapshot, then the entries that follow it.
    init(snapshot: RaftSnapshot<AppState>?, entries stored: [RaftEntry<Command>], commit: RaftIndex) {
        self.snapshot = snapshot
        offset = snapshot?.index ?? 0
        offsetTerm = snapshot?.term ?? 0
        var next = offset + 1
        for entry in stored where entry.index >= next {
            guard entry.index == next else { break }  // a gap: keep the contiguous prefix
            entries.append(entry)
            next += 1
        }
        committed = min(max(commit, offset), lastIndex)
        applied = offset
        unstableFrom = lastIndex + 1
    }

    // MARK: - Positions

    var firstIndex: RaftIndex { offset + 1 }
    var lastIndex: RaftIndex { offset + RaftIndex(entries.count) }
    var lastTerm: RaftTerm { term(at: lastIndex) ?? 0 }
    var snapshotIndex: RaftIndex { snapshot?.index ?? 0 }
    var snapshotTerm: RaftTerm { snapshot?.term ?? 0 }

    /// The term of the entry at `index`; nil when compacted away or beyond the log.
    /// - Complexity: O(1)
    func term(at index: RaftIndex) -> RaftTerm? {
        if index == offset { return offsetTerm }
        if index < offset || index > lastIndex { return nil }
        return entries[Int(index - offset - 1)].term
    }

    /// - Complexity: O(1)
    func entry(at index: RaftIndex) -> RaftEntry<Command>? {
        guard index > offset, index <= lastIndex else { return nil }
        return entries[Int(index - offset - 1)]
    }

    func matchTerm(_ index: RaftIndex, _ term: RaftTerm) -> Bool {
        self.term(at: index) == term
    }

    /// Entries in `from...through`, or nil if some were compacted away.
    /// - Complexity: O(n) in the number of entries returned.
    func entries(from: RaftIndex, through: RaftIndex) -> [RaftEntry<Command>]? {
        if from <= offset { return nil }
        let upper = min(through, lastIndex)
        if from > upper { return [] }
        return Array(entries[Int(from - offset - 1)...Int(upper - offset - 1)])
    }

    /// Up to `maxCount` entries from `from` on, or nil if `from` was compacted away.
    func entries(from: RaftIndex, maxCount: Int) -> [RaftEntry<Command>]? {
        entries(from: from, through: from &+ RaftIndex(maxCount) &- 1)
    }

    /// §5.4.1: is a log ending at (`index`, `term`) at least as up-to-date as ours?
    func isUpToDate(lastIndex index: RaftIndex, lastTerm term: RaftTerm) -> Bool {
        term > lastTerm || (term == lastTerm && index >= lastIndex)
    }

    // MARK: - Conflicts

    /// The index of the first of `newEntries` that is missing or has another term
    /// in our log, or 0 if all are present (etcd `findConflict`).
    func findConflict(_ newEntries: ArraySlice<RaftEntry<Command>>) -> RaftIndex {
        for entry in newEntries where !matchTerm(entry.index, entry.term) {
            return entry.index
        }
        return 0
    }

    /// The last index ≤ `index` whose term is ≤ `term`, with its term; used on both
    /// sides of a rejected append to skip a whole conflicting term. An unknown
    /// (compacted) term stops the search with term 0 (etcd `findConflictByTerm`).
    func findConflictByTerm(index: RaftIndex, term: RaftTerm) -> (index: RaftIndex, term: RaftTerm) {
        var index = min(index, lastIndex)
        while index > 0 {
            guard let ourTerm = self.term(at: index) else { return (index, 0) }
            if ourTerm <= term { return (index, ourTerm) }
            index -= 1
        }
        return (0, 0)
    }

    // MARK: - Changes

    /// Appends entries, first deleting ours from the first new index on.
    /// - Precondition: the new entries start after the commit index and no later
    ///   than just after our last entry.
    /// - Complexity: O(n) in the entries appended or removed.
    mutating func append<S: Collection>(_ newEntries: S) where S.Element == RaftEntry<Command> {
        guard let first = newEntries.first else { return }
        precondition(first.index > committed, "append at \(first.index) would overwrite committed entry \(committed)")
        precondition(first.index <= lastIndex + 1, "append at \(first.index) leaves a gap after \(lastIndex)")
        if first.index <= lastIndex {
            entries.removeSubrange(Int(first.index - offset - 1)...)
        }
        entries.append(contentsOf: newEntries)
        unstableFrom = min(unstableFrom, first.index)
        isDirty = true
    }

    /// The follower's side of AppendEntries (etcd `maybeAppend`): if our log has
    /// (`prevIndex`, `prevTerm`), append what is new, replacing a conflicting suffix
    /// but never truncating entries that match (a stale or duplicate message
    /// changes nothing), and advance the commit index. Returns the last index the
    /// message covers, or nil on a mismatch.
    mutating func maybeAppend(prevIndex: RaftIndex, prevTerm: RaftTerm, commit: RaftIndex,
                              entries newEntries: [RaftEntry<Command>]) -> RaftIndex? {
        guard matchTerm(prevIndex, prevTerm) else { return nil }
        let lastNew = prevIndex + RaftIndex(newEntries.count)
        let conflict = findConflict(newEntries[...])
        if conflict != 0 {
            precondition(conflict > committed, "entry \(conflict) conflicts with committed entry \(committed)")
            append(newEntries[Int(conflict - prevIndex - 1)...])
        }
        self.commit(to: min(commit, lastNew))
        return lastNew
    }

    /// Raises the commit index (never lowers it).
    mutating func commit(to index: RaftIndex) {
        guard index > committed else { return }
        precondition(index <= lastIndex, "commit \(index) is beyond the last index \(lastIndex)")
        committed = index
    }

    /// The leader's commit rule (§5.4.2): commit `index` only if its entry is of
    /// the leader's current term.
    mutating func maybeCommit(index: RaftIndex, term: RaftTerm) -> Bool {
        guard index > committed, self.term(at: index) == term else { return false }
        commit(to: index)
        return true
    }

    /// Replaces the whole log by a snapshot received from the leader.
    mutating func restore(_ snapshot: RaftSnapshot<AppState>) {
        self.snapshot = snapshot
        offset = snapshot.index
        offsetTerm = snapshot.term
        entries.removeAll()
        committed = snapshot.index
        unstableFrom = snapshot.index + 1
        isDirty = true
    }

    /// Records a snapshot taken locally and drops entries up to `keep` entries before it.
    mutating func compact(_ snapshot: RaftSnapshot<AppState>, keep: UInt64) {
        self.snapshot = snapshot
        guard snapshot.index > keep else { return }
        let compactIndex = snapshot.index - keep
        guard compactIndex > offset, let compactTerm = term(at: compactIndex) else { return }
        entries.removeSubrange(..<Int(compactIndex - offset))
        offset = compactIndex
        offsetTerm = compactTerm
    }

    /// Marks everything handed to the host as persisted.
    mutating func markStable() {
        unstableFrom = lastIndex + 1
        isDirty = false
    }

    /// Restarts tracking of unpersisted entries without touching the log (used when
    /// a node rewrites its log on purpose, as `--force-new-cluster` does).
    mutating func markDirty(from index: RaftIndex) {
        unstableFrom = min(unstableFrom, index)
        isDirty = true
    }

    /// Drops every entry after `index` (only uncommitted ones: `--force-new-cluster`).
    mutating func truncate(after index: RaftIndex) {
        precondition(index >= committed && index >= offset)
        guard index < lastIndex else { return }
        entries.removeSubrange(Int(index - offset)...)
        markDirty(from: index + 1)
    }
}
