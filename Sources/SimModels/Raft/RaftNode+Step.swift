// Ticks and incoming messages: etcd raft.go `tickElection`, `tickHeartbeat`,
// `Step`, `stepLeader`, `stepCandidate`, `stepFollower`.

extension RaftNode {
    // MARK: - Ticks

    /// One logical tick. Followers and candidates count towards their election
    /// timeout; a leader sends heartbeats and checks its quorum.
    public mutating func tick() {
        if isLeader {
            tickHeartbeat()
        } else {
            tickElection()
        }
        // SwarmKit counts after ticking (`raft.go` Run loop).
        if leaderID == nil {
            ticksWithoutLeader += 1
        } else {
            ticksWithoutLeader = 0
        }
        checkInvariants()
    }

    mutating func tickElection() {
        electionElapsed += 1
        if isPromotable && electionElapsed >= randomizedElectionTimeout {
            electionElapsed = 0
            hup(transfer: false)
        }
    }

    mutating func tickHeartbeat() {
        heartbeatElapsed += 1
        electionElapsed += 1
        let electionTick = config.electionTick
        modifyLeaderState { state in
            // Order does not matter here: each record is updated on its own.
            for peer in state.progress.keys {
                state.progress.modify(peer) { progress in
                    progress.ticksSinceHeard += 1
                    if case .snapshot(let pending, let elapsed) = progress.state {
                        // etcd waits for the transport's ReportSnapshot. A simulated
                        // network may lose the snapshot silently, so after an election
                        // timeout we treat it as failed and probe again.
                        if elapsed + 1 >= electionTick {
                            progress.abortSnapshot()
                        } else {
                            progress.state = .snapshot(pendingIndex: pending, elapsedTicks: elapsed + 1)
                        }
                    }
                }
            }
        }
        if let lease = config.leaderLeaseTick, config.checkQuorum {
            // hashicorp/raft's lease replaces etcd's periodic check.
            checkLeaderLease(ticks: lease)
        }
        if electionElapsed >= config.electionTick {
            electionElapsed = 0
            // RaftMutant.leaseWithoutCheckQuorum: the leader never steps down, followers keep the lease.
            if config.checkQuorum && config.leaderLeaseTick == nil && config.mutant != .leaseWithoutCheckQuorum {
                checkQuorum()
            }
            if let transferee = leadTransferee {
                abortLeaderTransfer("\(hexID) abort leadership transfer to \(RaftNodeIDFormat.hex(transferee)): timed out after \(config.electionTick) ticks")
            }
        }
        guard isLeader else { return }
        if heartbeatElapsed >= config.heartbeatTick {
            heartbeatElapsed = 0
            broadcastHeartbeat()
        }
    }

    /// CheckQuorum: step down unless a majority of voters (self included) were
    /// heard from since the last check, then forget who was heard from.
    mutating func checkQuorum() {
        guard case .leader(let state) = role else { return }
        var active = 0
        for member in membership.ids where member == id || state.progress[member]?.recentActive == true {
            active += 1
        }
        if active < membership.quorum {
            record(.steppedDown, "\(hexID) stepped down to follower since quorum is not active")
            becomeFollower(term: term, leader: nil)
            return
        }
        let me = id
        modifyLeaderState { state in
            for peer in state.progress.keys where peer != me {
                state.progress.modify(peer) { $0.recentActive = false }
            }
        }
    }

    /// hashicorp/raft `checkLeaderLease`: step down unless a quorum of voters (self included)
    /// was heard from within the last `ticks` ticks.
    mutating func checkLeaderLease(ticks lease: Int) {
        guard case .leader(let state) = role else { return }
        var contacted = 0
        for member in membership.ids {
            if member == id {
                contacted += 1
            } else if let progress = state.progress[member], progress.ticksSinceHeard < lease {
                contacted += 1
            }
        }
        if contacted < membership.quorum {
            record(.steppedDown, "\(hexID) failed to contact quorum of nodes, stepping down")
            becomeFollower(term: term, leader: nil)
        }
    }

    // MARK: - Messages

    /// Handles one message from a peer.
    public mutating func step(_ message: Message) {
        defer { checkInvariants() }
        guard message.to == id else { return }
        if case .memberRemoved = message.body {
            learnRemoved()
            return
        }
        if membership.isRemoved(message.from) {
            // SwarmKit answers with "raft: member has been removed".
            send(to: message.from, .memberRemoved)
            return
        }

        if message.term > term {
            let isCampaign: Bool
            switch message.body {
            case .vote(_, _, let transfer): isCampaign = !transfer
            case .preVote: isCampaign = true
            default: isCampaign = false
            }
            if isCampaign {
                // The leader lease: a node that heard from a leader within the
                // election timeout ignores disruptive candidates.
                if config.checkQuorum, let leader = leaderID, electionElapsed < config.electionTick {
                    record(.voteIgnored, "\(hexID) [logterm: \(log.lastTerm), index: \(log.lastIndex), vote: \(vote.map(RaftNodeIDFormat.hex) ?? "0")] ignored \(message.kind.rawValue) from \(RaftNodeIDFormat.hex(message.from)) at term \(message.term): lease is not expired (leader \(RaftNodeIDFormat.hex(leader)), remaining ticks: \(config.electionTick - electionElapsed))")
                    return
                }
            }
            switch message.body {
            case .preVote:
                break  // never change our term in response to a pre-vote
            case .preVoteResponse(let granted) where granted:
                break  // we become a candidate once a quorum grants it
            case .append, .heartbeat, .snapshot:
                stepDownIfLeader(message)
                becomeFollower(term: message.term, leader: message.from)
            default:
                stepDownIfLeader(message)
                becomeFollower(term: message.term, leader: nil)
            }
        } else if message.term < term {
            switch message.body {
            case .append, .heartbeat:
                guard config.checkQuorum || config.preVote else { break }
                // A leader that was partitioned away may not learn of the higher
                // term otherwise (with checkQuorum we ignore its peers' votes).
                // This response deposes it. When a node with a bumped term rejoins,
                // the same mechanism makes the current leader step down: without
                // PreVote this disruption is inevitable (one extra election).
                send(to: message.from, .appendResponse(index: 0, rejected: false, hintIndex: 0, hintTerm: 0))
            case .preVote:
                send(to: message.from, .preVoteResponse(granted: false))
            default:
                break  // ignore stale messages
            }
            return
        }

        switch message.body {
        case .vote(let lastIndex, let lastTerm, _):
            handleVoteRequest(message, lastIndex: lastIndex, lastTerm: lastTerm, preVote: false)
        case .preVote(let lastIndex, let lastTerm):
            handleVoteRequest(message, lastIndex: lastIndex, lastTerm: lastTerm, preVote: true)
        default:
            switch role {
            case .leader: stepLeader(message)
            case .candidate, .preCandidate: stepCandidate(message)
            case .follower: stepFollower(message)
            }
        }
    }

    private mutating func stepDownIfLeader(_ message: Message) {
        guard isLeader else { return }
        record(.steppedDown, "\(hexID) stepped down to follower: received \(message.kind.rawValue) with higher term \(message.term) from \(RaftNodeIDFormat.hex(message.from))")
    }

    /// §5.2, §5.4.1: one vote per term, first come first served, and only for a
    /// candidate whose log is at least as up-to-date as ours.
    private mutating func handleVoteRequest(_ message: Message, lastIndex: RaftIndex, lastTerm: RaftTerm,
                                            preVote: Bool) {
        let canVote = vote == message.from
            || (vote == nil && leaderID == nil)
            || (preVote && message.term > term)
        // RaftMutant.skipLogCheck: the election restriction (§5.4.1) is skipped.
        if canVote && (log.isUpToDate(lastIndex: lastIndex, lastTerm: lastTerm) || config.mutant == .skipLogCheck) {
            if config.recordsVotes { record(.voteGranted, voteDecision("cast", message, lastIndex: lastIndex, lastTerm: lastTerm)) }
            // A granted answer carries the election's term, so that a pre-candidate
            // does not take it for a stale answer.
            send(to: message.from, preVote ? .preVoteResponse(granted: true) : .voteResponse(granted: true),
                 term: message.term)
            if !preVote {
                electionElapsed = 0
                vote = message.from
            }
        } else {
            if config.recordsVotes {
                let reason = !canVote
                    ? (vote.map { "already voted for \(RaftNodeIDFormat.hex($0)) in term \(term)" }
                        ?? leaderID.map { "follows leader \(RaftNodeIDFormat.hex($0))" } ?? "cannot vote")
                    : "its log is behind ours"
                record(.voteRejected, voteDecision("rejected", message, lastIndex: lastIndex, lastTerm: lastTerm) + ": " + reason)
            }
            send(to: message.from, preVote ? .preVoteResponse(granted: false) : .voteResponse(granted: false))
        }
    }

    /// A vote decision as etcd logs it: "<id> [logterm: T, index: I, vote: V] cast|rejected
    /// <kind> from <candidate> [logterm: T, index: I] at term N" (raft.go, `Step`).
    private func voteDecision(_ verb: String, _ message: Message, lastIndex: RaftIndex, lastTerm: RaftTerm) -> String {
        "\(hexID) [logterm: \(log.lastTerm), index: \(log.lastIndex), vote: \(vote.map(RaftNodeIDFormat.hex) ?? "0")] \(verb) "
            + "\(message.kind.rawValue) from \(RaftNodeIDFormat.hex(message.from)) [logterm: \(lastTerm), index: \(lastIndex)] at term \(message.term)"
    }

    private mutating func stepFollower(_ message: Message) {
        switch message.body {
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            electionElapsed = 0
            leaderID = message.from
            handleAppend(from: message.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case .heartbeat(let commit):
            electionElapsed = 0
            leaderID = message.from
            handleHeartbeat(from: message.from, commit: commit)
        case .snapshot(let snapshot):
            electionElapsed = 0
            leaderID = message.from
            handleSnapshot(from: message.from, snapshot)
        case .timeoutNow:
            record(.leadershipTransfer, "\(hexID) [term \(term)] received MsgTimeoutNow from \(RaftNodeIDFormat.hex(message.from)) and starts an election to get leadership")
            // Campaign at once, even within the lease (voters honour `transfer`).
            hup(transfer: true)
        default:
            break
        }
    }

    private mutating func stepCandidate(_ message: Message) {
        switch message.body {
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            // §5.2: AppendEntries from a leader of our term: it won, we follow.
            becomeFollower(term: message.term, leader: message.from)
            handleAppend(from: message.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case .heartbeat(let commit):
            becomeFollower(term: message.term, leader: message.from)
            handleHeartbeat(from: message.from, commit: commit)
        case .snapshot(let snapshot):
            becomeFollower(term: message.term, leader: message.from)
            handleSnapshot(from: message.from, snapshot)
        case .voteResponse(let granted):
            if case .candidate = role { poll(message.from, granted: granted) }
        case .preVoteResponse(let granted):
            if case .preCandidate = role { poll(message.from, granted: granted) }
        default:
            break
        }
    }

    private mutating func poll(_ voter: RaftNodeID, granted: Bool) {
        let preElection: Bool
        let count: RaftVoteTally.Count
        switch role {
        case .candidate(var tally):
            tally.record(voter, granted: granted)
            role = .candidate(tally)
            preElection = false
            count = tally.count(voters: membership.ids)
        case .preCandidate(var tally):
            tally.record(voter, granted: granted)
            role = .preCandidate(tally)
            preElection = true
            count = tally.count(voters: membership.ids)
        default:
            return
        }
        switch count.outcome {
        case .won:
            if preElection {
                campaign(.election)
            } else {
                becomeLeader()
                broadcastAppend()
            }
        case .lost:
            record(.becameFollower, "\(hexID) has received \(count.granted) votes and \(count.rejected) vote rejections: lost the election at term \(term)")
            becomeFollower(term: term, leader: nil)
        case .pending:
            break
        }
    }

    // MARK: - Follower side of replication

    /// AppendEntries (§5.3): the consistency check on (`prevIndex`, `prevTerm`),
    /// then conflict replacement; a rejection carries a hint for fast backtracking.
    mutating func handleAppend(from leader: RaftNodeID, prevIndex: RaftIndex, prevTerm: RaftTerm,
                               entries: [Entry], commit: RaftIndex) {
        if prevIndex < log.committed {
            // Stale or duplicate: everything up to our commit index matches anyway.
            send(to: leader, .appendResponse(index: log.committed, rejected: false, hintIndex: 0, hintTerm: 0))
            return
        }
        if let lastNew = log.maybeAppend(prevIndex: prevIndex, prevTerm: prevTerm, commit: commit, entries: entries) {
            send(to: leader, .appendResponse(index: lastNew, rejected: false, hintIndex: 0, hintTerm: 0))
        } else {
            // Point the leader at our last entry with a term ≤ prevTerm: it can
            // skip every entry of a conflicting term in one round trip.
            let hint = log.findConflictByTerm(index: min(prevIndex, log.lastIndex), term: prevTerm)
            send(to: leader, .appendResponse(index: prevIndex, rejected: true, hintIndex: hint.index, hintTerm: hint.term))
        }
    }

    mutating func handleHeartbeat(from leader: RaftNodeID, commit: RaftIndex) {
        // The leader sends min(match, committed): entries up to there match ours.
        log.commit(to: min(commit, log.lastIndex))
        send(to: leader, .heartbeatResponse)
    }

    mutating func handleSnapshot(from leader: RaftNodeID, _ snapshot: Snapshot) {
        if restore(snapshot) {
            record(.snapshotRestored, "\(hexID) [commit: \(log.committed)] restored snapshot [index: \(snapshot.index), term: \(snapshot.term)]")
            send(to: leader, .appendResponse(index: log.lastIndex, rejected: false, hintIndex: 0, hintTerm: 0))
        } else {
            send(to: leader, .appendResponse(index: log.committed, rejected: false, hintIndex: 0, hintTerm: 0))
        }
    }

    /// Installs a snapshot unless it is old news (etcd `restore`).
    mutating func restore(_ snapshot: Snapshot) -> Bool {
        if snapshot.index <= log.committed { return false }
        guard case .follower = role else {
            // Defence in depth, as in etcd: only followers install snapshots.
            becomeFollower(term: term + 1, leader: nil)
            return false
        }
        if log.matchTerm(snapshot.index, snapshot.term) {
            // We have the entry: fast-forward the commit index instead.
            log.commit(to: snapshot.index)
            return false
        }
        log.restore(snapshot)
        membership = snapshot.metadata.membership
        configIndex = snapshot.index
        if membership.isRemoved(id) { isRemoved = true }
        snapshotToPersist = snapshot
        snapshotNeedsRestore = true
        return true
    }

    /// A peer told us we were removed from the cluster.
    mutating func learnRemoved() {
        guard !isRemoved else { return }
        isRemoved = true
        record(.removedFromCluster, "raft: member has been removed")
        if isLeader {
            record(.steppedDown, "\(hexID) stepped down to follower: removed from the cluster")
            becomeFollower(term: term, leader: nil)
        }
    }
}
