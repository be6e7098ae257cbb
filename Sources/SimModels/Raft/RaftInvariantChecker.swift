// Raft's safety properties (Figure 3 of the paper) checked from the outside.

/// A broken safety property, described for a human.
public struct RaftViolation: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// Two leaders in one term (§5.2).
        case electionSafety = "election safety"
        /// Two logs share an entry's index and term but differ before or at it (§5.3).
        case logMatching = "log matching"
        /// A leader lacks an entry committed in an earlier term (§5.4).
        case leaderCompleteness = "leader completeness"
        /// Two different entries committed or applied at one index (§5.4.3).
        case stateMachineSafety = "state machine safety"
        /// An entry a client was told is committed was lost or replaced.
        case durability = "durability"
    }

    public var kind: Kind
    public var nodes: [RaftNodeID]
    public var term: RaftTerm?
    public var index: RaftIndex?
    public var details: String

    public var description: String { "\(kind.rawValue) violated: \(details)" }
}

/// An observer that checks Raft's safety properties over a whole run, from what
/// is observable: each live node's state after every instant, the entries hosts
/// apply, and the proposals clients were told are committed. It never changes
/// the nodes, never prints and never stops the run: violations are values.
///
/// - Election safety: it remembers the leader of every term ever seen.
/// - Log matching: every (index, term) ever seen maps to one payload and one
///   preceding term; by induction, logs sharing an entry agree up to it.
/// - State machine safety: an index once committed (a node's commit index
///   reached it, a host applied it, or a client was acknowledged) holds that one
///   entry in every node's committed prefix and in every host's applied state.
/// - Leader completeness and durability: a leader of a term later than the one
///   an entry was known committed in must hold the entry (or a snapshot past it).
///
/// The host reports crashes (`nodeCrashed`), after which the node's log is
/// checked again from scratch when it comes back.
///
/// Cost: each observation re-checks a node's log from the last index whose term
/// is unchanged since the previous observation (logs change by replacing a
/// suffix), so steady-state cost is proportional to what changed.
public struct RaftInvariantChecker<Command: Equatable & Sendable>: Sendable {
    private struct Committed: Sendable {
        var entry: RaftEntry<Command>
        /// A term at or after the one the entry was committed in.
        var commitTerm: RaftTerm
        var acknowledged: Bool
        var witness: RaftNodeID?
    }

    private struct IndexTerm: Hashable, Sendable {
        var index: RaftIndex
        var term: RaftTerm
    }

    private struct Known: Sendable {
        var payload: RaftEntryPayload<Command>
        var previousTerm: RaftTerm
        var node: RaftNodeID
    }

    private struct NodeTrack: Sendable {
        var baseIndex: RaftIndex
        var terms: [RaftTerm] = []
        var checkedCommit: RaftIndex = 0
        var appliedThrough: RaftIndex?
        var lastIndex: RaftIndex { baseIndex + RaftIndex(terms.count) }
        func term(at index: RaftIndex) -> RaftTerm? {
            guard index > baseIndex, index <= lastIndex else { return nil }
            return terms[Int(index - baseIndex - 1)]
        }
    }

    private var leaders: [RaftTerm: RaftNodeID] = [:]
    /// `committed[i - 1]` is the entry committed at index `i`, once known.
    private var committed: [Committed?] = []
    private var known: [IndexTerm: Known] = [:]
    private var tracks = RaftPeerTable<NodeTrack>()
    private var reportedKeys: Set<String> = []
    /// Every violation found so far, in the order found.
    public private(set) var violations: [RaftViolation] = []

    public init() {}

    // MARK: - Feeding the checker

    // `@_specialize`: the scenario runner (another module) calls these with `StoreProposal`
    // after every instant, and the Raft lab (`Scenarios/Lab`) with `UInt64`; without it they
    // run as unspecialized generic code (metadata lookups and value-witness calls for every
    // entry: `simrun sweep raft` ran 6.6 times slower once the lab left this module).

    /// Checks the state of every live node at one instant. Returns the violations
    /// found by this call.
    @_specialize(where Command == StoreProposal)
    @_specialize(where Command == UInt64)
    @discardableResult
    public mutating func observe(_ nodes: [RaftNodeObservation<Command>]) -> [RaftViolation] {
        let before = violations.count
        // Callers usually pass nodes in ID order already: no need to copy them into a sorted array.
        let inOrder = zip(nodes, nodes.dropFirst()).allSatisfy { $0.id < $1.id }
        for node in inOrder ? nodes : nodes.sorted(by: { $0.id < $1.id }) {
            checkElectionSafety(node)
            checkLog(node)
            checkCommitted(node)
        }
        return Array(violations[before...])
    }

    /// `node`'s host applied `entries` (in order) to its state machine.
    @_specialize(where Command == StoreProposal)
    @_specialize(where Command == UInt64)
    @discardableResult
    public mutating func recordApplied(_ entries: [RaftEntry<Command>], by node: RaftNodeID) -> [RaftViolation] {
        let before = violations.count
        for entry in entries { checkApplied(entry, by: node) }
        return Array(violations[before...])
    }

    /// `node`'s host applied `entry` to its state machine (hosts report one entry at a time).
    @_specialize(where Command == StoreProposal)
    @_specialize(where Command == UInt64)
    @discardableResult
    public mutating func recordApplied(_ entry: RaftEntry<Command>, by node: RaftNodeID) -> [RaftViolation] {
        let before = violations.count
        checkApplied(entry, by: node)
        return Array(violations[before...])
    }

    private mutating func checkApplied(_ entry: RaftEntry<Command>, by node: RaftNodeID) {
        if let through = tracks[node]?.appliedThrough, entry.index != through + 1 {
            report(.stateMachineSafety, nodes: [node], term: entry.term, index: entry.index,
                   "\(hex(node)) applied index \(entry.index) after index \(through): entries must be applied in order")
        }
        tracks.modify(node, insertingIfAbsent: NodeTrack(baseIndex: 0)) { $0.appliedThrough = entry.index }
        if let existing = committedEntry(at: entry.index) {
            if existing.entry != entry {
                report(existing.acknowledged ? .durability : .stateMachineSafety, nodes: [node] + (existing.witness.map { [$0] } ?? []),
                       term: entry.term, index: entry.index,
                       "\(hex(node)) applied \(entry) at index \(entry.index), but \(existing.entry) was committed there" + witnessText(existing))
            }
        } else {
            setCommitted(Committed(entry: entry, commitTerm: .max, acknowledged: false, witness: node))
        }
    }

    /// `node`'s host replaced its state machine by a snapshot at `index`/`term`.
    @discardableResult
    public mutating func recordSnapshotRestored(index: RaftIndex, term: RaftTerm, by node: RaftNodeID) -> [RaftViolation] {
        let before = violations.count
        if let existing = committedEntry(at: index), existing.entry.term != term {
            report(existing.acknowledged ? .durability : .stateMachineSafety, nodes: [node], term: term, index: index,
                   "\(hex(node)) restored a snapshot at index \(index) term \(term), but \(existing.entry) was committed there" + witnessText(existing))
        }
        var track = tracks[node] ?? NodeTrack(baseIndex: 0)
        track.appliedThrough = index
        tracks[node] = track
        return Array(violations[before...])
    }

    /// A client was told that `entry` committed, by a leader in `leaderTerm`.
    @_specialize(where Command == StoreProposal)
    @_specialize(where Command == UInt64)
    @discardableResult
    public mutating func acknowledge(_ entry: RaftEntry<Command>, leaderTerm: RaftTerm) -> [RaftViolation] {
        let before = violations.count
        if var existing = committedEntry(at: entry.index) {
            if existing.entry != entry {
                report(.durability, nodes: existing.witness.map { [$0] } ?? [], term: entry.term, index: entry.index,
                       "a client was told \(entry) committed, but \(existing.entry) was committed at index \(entry.index)" + witnessText(existing))
            } else {
                existing.acknowledged = true
                existing.commitTerm = min(existing.commitTerm, leaderTerm)
                setCommitted(existing)
            }
        } else {
            setCommitted(Committed(entry: entry, commitTerm: leaderTerm, acknowledged: true, witness: nil))
        }
        return Array(violations[before...])
    }

    /// `node` crashed: its volatile state is gone. When it restarts, its log and
    /// applied state are checked again from what it recovered.
    public mutating func nodeCrashed(_ node: RaftNodeID) {
        tracks[node] = nil
    }

    // MARK: - Checks

    private mutating func checkElectionSafety(_ node: RaftNodeObservation<Command>) {
        guard node.role == .leader else { return }
        if let leader = leaders[node.term] {
            if leader != node.id {
                report(.electionSafety, nodes: [leader, node.id].sorted(), term: node.term, index: nil,
                       "\(hex(leader)) and \(hex(node.id)) were both leader in term \(node.term)")
            }
            return
        }
        leaders[node.term] = node.id
        checkLeaderCompleteness(node)
    }

    /// A new leader holds every entry known committed in an earlier term.
    private mutating func checkLeaderCompleteness(_ node: RaftNodeObservation<Command>) {
        var index: RaftIndex = node.baseIndex + 1
        let end = RaftIndex(committed.count)
        while index <= end {
            defer { index += 1 }
            guard let record = committed[Int(index - 1)], record.commitTerm < node.term else { continue }
            let entry = node.entry(at: index)
            if entry != record.entry {
                let has = entry.map { "has \($0)" } ?? "has no entry"
                report(record.acknowledged ? .durability : .leaderCompleteness, nodes: [node.id], term: node.term, index: index,
                       "\(hex(node.id)) became leader in term \(node.term) but \(has) at index \(index), where \(record.entry) was committed"
                       + (record.acknowledged ? " and acknowledged to a client" : "") + witnessText(record))
            }
        }
    }

    private mutating func checkLog(_ node: RaftNodeObservation<Command>) {
        var start = node.baseIndex + 1
        if let track = tracks[node.id], track.baseIndex <= node.baseIndex {
            // Find the last index whose term did not change: the log before it is
            // unchanged (logs change by replacing a suffix).
            let low = node.baseIndex + 1
            var index = min(track.lastIndex, node.lastIndex)
            while index >= low {
                if let old = track.term(at: index), old == node.term(at: index) {
                    start = index + 1
                    break
                }
                index -= 1
            }
        }
        if start <= node.lastIndex {
            for position in Int(start - node.baseIndex - 1)..<node.entries.count {
                let entry = node.entries[position]
                let previousTerm = position == 0 ? node.baseTerm : node.entries[position - 1].term
                checkEntry(entry, previousTerm: previousTerm, on: node)
            }
        }
        // Updated in place: `terms` stays uniquely referenced, so the trimming and appending
        // happen without copying the whole log's terms.
        tracks.modify(node.id, insertingIfAbsent: NodeTrack(baseIndex: node.baseIndex)) {
            Self.remember(node, checkedFrom: start, in: &$0)
        }
    }

    /// Brings the terms remembered of `node` up to date, its log being checked from `start`.
    private static func remember(_ node: RaftNodeObservation<Command>, checkedFrom start: RaftIndex, in track: inout NodeTrack) {
        if track.baseIndex > node.baseIndex {
            track = NodeTrack(baseIndex: node.baseIndex, checkedCommit: 0, appliedThrough: track.appliedThrough)
        }
        if node.baseIndex > track.baseIndex {
            let drop = min(Int(node.baseIndex - track.baseIndex), track.terms.count)
            track.terms.removeFirst(drop)
            track.baseIndex = node.baseIndex
        }
        let keep = Int(min(start, track.lastIndex + 1) - track.baseIndex - 1)
        if keep < track.terms.count { track.terms.removeSubrange(keep...) }
        if start <= node.lastIndex {
            let from = Int(track.lastIndex - node.baseIndex)
            track.terms.append(contentsOf: node.entries[from...].lazy.map { $0.term })  // a closure, not a key path (no runtime key-path lookup)
        }
    }

    private mutating func checkEntry(_ entry: RaftEntry<Command>, previousTerm: RaftTerm,
                                     on node: RaftNodeObservation<Command>) {
        let key = IndexTerm(index: entry.index, term: entry.term)
        if let seen = known[key] {
            if seen.payload != entry.payload || seen.previousTerm != previousTerm {
                let other = RaftEntry(index: entry.index, term: entry.term, payload: seen.payload)
                report(.logMatching, nodes: [seen.node, node.id].sorted(), term: entry.term, index: entry.index,
                       "\(hex(seen.node)) had \(other) after an entry of term \(seen.previousTerm), "
                       + "\(hex(node.id)) has \(entry) after an entry of term \(previousTerm)")
            }
        } else {
            known[key] = Known(payload: entry.payload, previousTerm: previousTerm, node: node.id)
        }
        guard let record = committedEntry(at: entry.index), record.entry != entry else { return }
        if entry.index <= node.commitIndex {
            reportCommitConflict(node: node, entry: entry, record: record)
        } else if node.role == .leader && record.commitTerm < node.term {
            report(record.acknowledged ? .durability : .leaderCompleteness, nodes: [node.id], term: node.term, index: entry.index,
                   "leader \(hex(node.id)) of term \(node.term) has \(entry) at index \(entry.index), where \(record.entry) was committed" + witnessText(record))
        }
    }

    private mutating func checkCommitted(_ node: RaftNodeObservation<Command>) {
        guard let checkedCommit = tracks[node.id]?.checkedCommit else { return }
        var index = max(min(checkedCommit, node.commitIndex), node.baseIndex) + 1
        while index <= node.commitIndex, let entry = node.entry(at: index) {
            if var record = committedEntry(at: index) {
                if record.entry != entry {
                    reportCommitConflict(node: node, entry: entry, record: record)
                } else if node.term < record.commitTerm {
                    record.commitTerm = node.term
                    record.witness = record.witness ?? node.id
                    setCommitted(record)
                }
            } else {
                setCommitted(Committed(entry: entry, commitTerm: node.term, acknowledged: false, witness: node.id))
            }
            index += 1
        }
        tracks.modify(node.id) { $0.checkedCommit = node.commitIndex }
    }

    private mutating func reportCommitConflict(node: RaftNodeObservation<Command>, entry: RaftEntry<Command>,
                                               record: Committed) {
        let nodes = Array(Set([node.id] + (record.witness.map { [$0] } ?? []))).sorted()
        report(record.acknowledged ? .durability : .stateMachineSafety, nodes: nodes, term: entry.term, index: entry.index,
               "\(hex(node.id)) committed \(entry) at index \(entry.index), but \(record.entry) was committed there"
               + witnessText(record))
    }

    // MARK: - Bookkeeping

    private func committedEntry(at index: RaftIndex) -> Committed? {
        guard index >= 1, index <= RaftIndex(committed.count) else { return nil }
        return committed[Int(index - 1)]
    }

    private mutating func setCommitted(_ record: Committed) {
        let position = Int(record.entry.index - 1)
        if position >= committed.count {
            committed.append(contentsOf: repeatElement(nil, count: position - committed.count + 1))
        }
        committed[position] = record
    }

    private func witnessText(_ record: Committed) -> String {
        record.witness.map { " (seen committed on \(hex($0)))" } ?? ""
    }

    private func hex(_ id: RaftNodeID) -> String { RaftNodeIDFormat.hex(id) }

    private mutating func report(_ kind: RaftViolation.Kind, nodes: [RaftNodeID], term: RaftTerm?, index: RaftIndex?,
                                 _ details: String) {
        let key = "\(kind.rawValue)|\(nodes)|\(term ?? 0)|\(index ?? 0)"
        guard reportedKeys.insert(key).inserted else { return }
        violations.append(RaftViolation(kind: kind, nodes: nodes, term: term, index: index, details: details))
    }
}
