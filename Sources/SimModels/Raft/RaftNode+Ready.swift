// The hand-off to the host, and snapshots the host takes.

extension RaftNode {
    /// Hands over everything the host must persist, send and apply, in one
    /// `RaftReady` (see its documentation for the order), or nil if there is
    /// nothing. Committed entries are counted as applied and configuration changes
    /// among them take effect now. Call it until it returns nil: applying a
    /// configuration change may produce more work.
    public mutating func takeReady() -> Ready? {
        guard hasReady else { return nil }
        defer { checkInvariants() }
        var ready = Ready()

        if let snapshot = snapshotToPersist {
            ready.snapshot = snapshot
            ready.restoreSnapshot = snapshotNeedsRestore
            if snapshotNeedsRestore {
                // The host replaces its state machine with the snapshot's state.
                log.applied = max(log.applied, snapshot.index)
            }
            snapshotToPersist = nil
            snapshotNeedsRestore = false
        }

        // Committed entries; configuration changes take effect as they are applied.
        let applyFrom = log.applied + 1
        let applyThrough = log.committed
        if applyFrom <= applyThrough {
            ready.committedEntries = log.entries(from: applyFrom, through: applyThrough) ?? []
            log.applied = applyThrough
            for entry in ready.committedEntries where entry.index > configIndex {
                if let change = entry.confChange {
                    applyConfChange(change, at: entry.index)
                }
            }
        }

        if log.isDirty {
            ready.overwriteFrom = log.unstableFrom
            ready.entries = log.entries(from: log.unstableFrom, through: log.lastIndex) ?? []
            log.markStable()
        }
        let currentHardState = hardState
        if currentHardState != reportedHardState {
            ready.hardState = currentHardState
            reportedHardState = currentHardState
            // RaftMutant.forgetVote: a vote for another node never reaches the disk.
            if config.mutant == .forgetVote, let vote = currentHardState.vote, vote != id { ready.hardState?.vote = nil }
        }
        let currentSoftState = softState
        if currentSoftState != reportedSoftState {
            ready.softState = currentSoftState
            reportedSoftState = currentSoftState
        }
        ready.messages = outbox
        outbox.removeAll()
        ready.events = pendingEvents
        pendingEvents.removeAll()
        return ready
    }

    /// Applies a committed configuration change (etcd `ApplyConfChange`).
    mutating func applyConfChange(_ change: RaftConfChange, at index: RaftIndex) {
        let outcome = membership.apply(change)
        configIndex = index
        record(.configurationChanged, "\(hexID) applied configuration change at index \(index): \(change) (\(outcome))")
        let lastIndex = log.lastIndex
        switch change {
        case .removeNode(let removed):
            if removed == id {
                isRemoved = true
                record(.removedFromCluster, "raft: member has been removed")
                if isLeader {
                    // The leader committed its own removal: it steps down (etcd
                    // `StepDownOnRemoval`); the others elect a new leader.
                    record(.steppedDown, "\(hexID) stepped down to follower since it was removed from the configuration")
                    becomeFollower(term: term, leader: nil)
                    return
                }
            }
            modifyLeaderState { state in
                state.progress[removed] = nil
                if state.leadTransferee == removed { state.leadTransferee = nil }
            }
        case .addNode(let added, _):
            if outcome == .added {
                modifyLeaderState { state in
                    // A new member counts as active, or CheckQuorum could depose us
                    // before it has had a chance to answer (etcd `initProgress`).
                    state.progress[added] = RaftProgress(match: 0, next: lastIndex + 1, recentActive: true)
                }
            }
        case .updateNode:
            break
        }
        guard isLeader else { return }
        // The quorum may have shrunk: entries may now be committed.
        if maybeCommit() {
            broadcastAppend()
        } else {
            for peer in membership.ids where peer != id {
                sendAppend(to: peer, sendIfEmpty: false)
            }
        }
    }

    // MARK: - Snapshots

    /// Records a snapshot of the application state at `index` (which must be
    /// applied and after the current snapshot) and compacts the log, keeping
    /// `logEntriesForSlowFollowers` entries before it. The next `RaftReady`
    /// carries the snapshot for the host to persist. Returns false if refused.
    @discardableResult
    public mutating func compact(snapshotAt index: RaftIndex, state: AppState) -> Bool {
        defer { checkInvariants() }
        guard !snapshotNeedsRestore, index <= log.applied, index > log.snapshotIndex,
              let snapshotTerm = log.term(at: index) else { return false }
        let metadata = RaftSnapshotMetadata(index: index, term: snapshotTerm, membership: membership(at: index))
        let snapshot = Snapshot(metadata: metadata, state: state)
        log.compact(snapshot, keep: config.logEntriesForSlowFollowers)
        snapshotToPersist = snapshot
        return true
    }
}
