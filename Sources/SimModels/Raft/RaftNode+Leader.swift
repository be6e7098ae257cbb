// The leader's side: replication, commit, heartbeats, responses
// (etcd raft.go `stepLeader`, `maybeSendAppend`, `bcastHeartbeat`, `maybeCommit`).

extension RaftNode {
    /// Appends entries of the current term to the leader's own log.
    @discardableResult
    mutating func appendAsLeader(_ payloads: [RaftEntryPayload<Command>]) -> RaftIndex {
        var index = log.lastIndex
        let currentTerm = term
        let entries = payloads.map { payload -> Entry in
            index += 1
            return Entry(index: index, term: currentTerm, payload: payload)
        }
        log.append(entries)
        let last = index
        let me = id
        modifyLeaderState { _ = $0.progress[me]?.maybeUpdate(last) }
        // A single-member cluster commits at once.
        maybeCommit()
        return last
    }

    /// §5.3, §5.4.2: the highest index stored on a majority is committed if its
    /// entry is of the current term. Entries of earlier terms are never committed
    /// by counting replicas (Figure 8), only along with a current-term entry.
    @discardableResult
    mutating func maybeCommit() -> Bool {
        guard case .leader(let state) = role, !membership.members.isEmpty else { return false }
        var matches = membership.ids.map { state.progress[$0]?.match ?? 0 }
        matches.sort(by: >)
        let majorityMatch = matches[membership.quorum - 1]
        // RaftMutant.commitOldTerm: counting replicas commits an entry of any term (Figure 8).
        let commitTerm = config.mutant == .commitOldTerm ? (log.term(at: majorityMatch) ?? term) : term
        return log.maybeCommit(index: majorityMatch, term: commitTerm)
    }

    /// Sends the entries `peer` needs next, or a snapshot if they were compacted
    /// away (etcd `maybeSendAppend`). Returns whether a message was sent.
    @discardableResult
    mutating func sendAppend(to peer: RaftNodeID, sendIfEmpty: Bool = true) -> Bool {
        guard peer != id, var progress = progress(of: peer), !progress.isPaused(maxInflight: config.maxInflight) else {
            return false
        }
        let prevIndex = progress.next - 1
        if let prevTerm = log.term(at: prevIndex),
           let entries = log.entries(from: progress.next, maxCount: config.maxEntriesPerMessage) {
            if entries.isEmpty && !sendIfEmpty { return false }
            send(to: peer, .append(prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: log.committed))
            if let last = entries.last?.index {
                switch progress.state {
                case .replicate:
                    progress.next = last + 1
                    progress.inflights.add(last)
                case .probe:
                    progress.state = .probe(paused: true)
                case .snapshot:
                    break
                }
            }
        } else {
            // The entries were compacted away: send the snapshot instead.
            guard progress.recentActive else {
                // etcd: "ignore sending snapshot to %x since it is not recently active"
                return false
            }
            guard let snapshot = log.snapshot else { return false }
            progress.becomeSnapshot(snapshot.index)
            send(to: peer, .snapshot(snapshot))
        }
        setProgress(progress, of: peer)
        return true
    }

    mutating func broadcastAppend() {
        for peer in membership.ids where peer != id {
            sendAppend(to: peer)
        }
    }

    /// Heartbeats carry `min(match, committed)`: a follower must not commit
    /// entries it may not have (or that may differ from ours).
    mutating func broadcastHeartbeat() {
        for peer in membership.ids where peer != id {
            guard let progress = progress(of: peer) else { continue }
            send(to: peer, .heartbeat(commit: min(progress.match, log.committed)))
        }
    }

    mutating func sendTimeoutNow(to peer: RaftNodeID) {
        send(to: peer, .timeoutNow)
    }

    mutating func abortLeaderTransfer(_ reason: String) {
        guard leadTransferee != nil else { return }
        modifyLeaderState { $0.leadTransferee = nil }
        record(.leadershipTransfer, reason)
    }

    mutating func stepLeader(_ message: Message) {
        switch message.body {
        case .appendResponse(let index, let rejected, let hintIndex, let hintTerm):
            handleAppendResponse(from: message.from, index: index, rejected: rejected,
                                 hintIndex: hintIndex, hintTerm: hintTerm)
        case .heartbeatResponse:
            handleHeartbeatResponse(from: message.from)
        default:
            break
        }
    }

    private mutating func handleAppendResponse(from peer: RaftNodeID, index: RaftIndex, rejected: Bool,
                                               hintIndex: RaftIndex, hintTerm: RaftTerm) {
        guard var progress = progress(of: peer) else { return }
        progress.heard()
        if rejected {
            // Fast backtracking: skip to the follower's hint, or past the whole
            // conflicting term in our own log.
            var nextProbe = hintIndex
            if hintTerm > 0 {
                nextProbe = log.findConflictByTerm(index: hintIndex, term: hintTerm).index
            }
            let changed = progress.maybeDecrease(rejected: index, matchHint: nextProbe)
            if changed, case .replicate = progress.state {
                progress.becomeProbe()
            }
            setProgress(progress, of: peer)
            if changed { sendAppend(to: peer) }
            return
        }

        let wasPaused = progress.isPaused(maxInflight: config.maxInflight)
        let probeConfirmed: Bool
        if case .probe = progress.state { probeConfirmed = progress.match == index } else { probeConfirmed = false }
        guard progress.maybeUpdate(index) || probeConfirmed else {
            setProgress(progress, of: peer)
            return
        }
        switch progress.state {
        case .probe:
            progress.becomeReplicate()
        case .snapshot:
            if progress.match + 1 >= log.firstIndex {
                progress.becomeProbe()
                progress.becomeReplicate()
            }
        case .replicate:
            progress.inflights.free(through: index)
        }
        setProgress(progress, of: peer)

        if maybeCommit() {
            broadcastAppend()
        } else if wasPaused {
            sendAppend(to: peer)
        }
        // Stream whatever else the follower lacks, within the inflight limit.
        while sendAppend(to: peer, sendIfEmpty: false) {}
        if leadTransferee == peer, self.progress(of: peer)?.match == log.lastIndex {
            record(.leadershipTransfer, "\(hexID) sent MsgTimeoutNow to \(RaftNodeIDFormat.hex(peer)) after received MsgAppResp")
            sendTimeoutNow(to: peer)
        }
    }

    private mutating func handleHeartbeatResponse(from peer: RaftNodeID) {
        guard var progress = progress(of: peer) else { return }
        progress.heard()
        switch progress.state {
        case .probe:
            progress.state = .probe(paused: false)
        case .replicate:
            if progress.inflights.count >= config.maxInflight { progress.inflights.freeFirst() }
        case .snapshot:
            break
        }
        setProgress(progress, of: peer)
        if progress.match < log.lastIndex {
            sendAppend(to: peer)
        }
    }

    // MARK: - Transport feedback

    /// The host could not reach `peer` (etcd `ReportUnreachable`): stop streaming
    /// to it optimistically and probe instead.
    public mutating func reportUnreachable(_ peer: RaftNodeID) {
        guard var progress = progress(of: peer) else { return }
        if case .replicate = progress.state {
            progress.becomeProbe()
            setProgress(progress, of: peer)
        }
    }

    /// The host finished (or failed) sending a snapshot to `peer` (etcd
    /// `ReportSnapshot`). Without this report the leader retries after an
    /// election timeout.
    public mutating func reportSnapshot(to peer: RaftNodeID, succeeded: Bool) {
        guard var progress = progress(of: peer), case .snapshot = progress.state else { return }
        if succeeded {
            progress.becomeProbe()
        } else {
            progress.abortSnapshot()
        }
        // Wait for the follower's answer (or the next heartbeat) before sending again.
        progress.state = .probe(paused: true)
        setProgress(progress, of: peer)
    }
}
