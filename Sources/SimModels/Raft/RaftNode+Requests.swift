import SimEngine

// Requests from the host: proposals, configuration changes, elections,
// leadership transfer, --force-new-cluster.

extension RaftNode {
    // MARK: - Proposals

    /// Proposes a command. Only the leader accepts it: SwarmKit drops forwarded
    /// `MsgProp`, the host forwards client requests to the leader itself.
    public mutating func propose(_ command: Command) -> RaftProposalResult {
        defer { checkInvariants() }
        return proposeEntry(.command(command))
    }

    /// Proposes a single-server membership change. Refused while another change is
    /// not yet applied, and until the leader committed an entry of its own term.
    /// The change takes effect when its entry is applied (see `RaftReady`).
    public mutating func proposeConfChange(_ change: RaftConfChange) -> RaftProposalResult {
        defer { checkInvariants() }
        guard case .leader(let state) = role else { return .notLeader(knownLeader: leaderID) }
        if let transferee = state.leadTransferee { return .leadershipTransferInProgress(to: transferee) }
        if state.pendingConfIndex > log.applied {
            // etcd: "possible unapplied conf change at index %d (applied to %d)"
            return .configurationChangePending(index: state.pendingConfIndex)
        }
        if log.term(at: log.committed) != term {
            return .noCommittedEntryInCurrentTerm
        }
        switch change {
        case .addNode(let node, _):
            if membership.isRemoved(node) { return .invalidConfChange("\(RaftNodeIDFormat.hex(node)) was removed; ids are never reused") }
            if membership.contains(node) { return .invalidConfChange("\(RaftNodeIDFormat.hex(node)) is already a member") }
        case .removeNode(let node), .updateNode(let node, _):
            if !membership.contains(node) { return .invalidConfChange("\(RaftNodeIDFormat.hex(node)) is not a member") }
        }
        let result = proposeEntry(.confChange(change))
        if case .accepted(let index, _) = result {
            modifyLeaderState { $0.pendingConfIndex = index }
        }
        return result
    }

    private mutating func proposeEntry(_ payload: RaftEntryPayload<Command>) -> RaftProposalResult {
        guard case .leader(let state) = role else { return .notLeader(knownLeader: leaderID) }
        if let transferee = state.leadTransferee {
            // etcd: "[term %d] transfer leadership to %x is in progress; dropping proposal"
            return .leadershipTransferInProgress(to: transferee)
        }
        guard state.progress[id] != nil else { return .notLeader(knownLeader: nil) }
        let index = appendAsLeader([payload])
        broadcastAppend()
        return .accepted(index: index, term: term)
    }

    // MARK: - Elections

    /// Starts an election now (etcd `Campaign`), e.g. after bootstrapping a new
    /// cluster or forcing a new one. Ignored by a leader and by non-members.
    public mutating func campaign() {
        defer { checkInvariants() }
        hup(transfer: false)
    }

    enum CampaignKind { case preElection, election, transfer }

    /// etcd `hup`: the checks before campaigning.
    mutating func hup(transfer: Bool) {
        if isLeader { return }
        guard isPromotable else { return }
        if hasUnappliedConfChanges {
            record(.electionStarted, "\(hexID) cannot campaign at term \(term) since there are still pending configuration changes to apply")
            return
        }
        record(.electionStarted, "\(hexID) is starting a new election at term \(term)")
        if transfer {
            campaign(.transfer)
        } else if config.preVote {
            campaign(.preElection)
        } else {
            campaign(.election)
        }
    }

    mutating func campaign(_ kind: CampaignKind) {
        let voteTerm: RaftTerm
        if kind == .preElection {
            becomePreCandidate()
            voteTerm = term + 1
        } else {
            becomeCandidate()
            voteTerm = term
        }
        // Our own vote may already be a majority (a single-member cluster).
        let tally: RaftVoteTally
        switch role {
        case .candidate(let t), .preCandidate(let t): tally = t
        default: return
        }
        if tally.count(voters: membership.ids).outcome == .won {
            if kind == .preElection {
                campaign(.election)
            } else {
                becomeLeader()
            }
            return
        }
        for peer in membership.ids where peer != id {
            let body: Message.Body = kind == .preElection
                ? .preVote(lastIndex: log.lastIndex, lastTerm: log.lastTerm)
                : .vote(lastIndex: log.lastIndex, lastTerm: log.lastTerm, transfer: kind == .transfer)
            send(to: peer, body, term: voteTerm)
        }
    }

    // MARK: - Leadership transfer

    /// Hands leadership to `target` (etcd `MsgTransferLeader`): the leader stops
    /// accepting proposals, brings the target up to date, then sends it
    /// `MsgTimeoutNow`, on which it campaigns at once. The transfer is abandoned
    /// after an election timeout.
    public mutating func transferLeadership(to target: RaftNodeID) -> RaftTransferResult {
        defer { checkInvariants() }
        guard isLeader else { return .notLeader(knownLeader: leaderID) }
        if target == id { return .targetIsSelf }
        guard membership.contains(target), progress(of: target) != nil else { return .targetNotAMember }
        if let current = leadTransferee {
            if current == target { return .alreadyInProgress }
            abortLeaderTransfer("\(hexID) [term \(term)] abort previous transferring leadership to \(RaftNodeIDFormat.hex(current))")
        }
        // The transfer must finish within one election timeout.
        electionElapsed = 0
        modifyLeaderState { $0.leadTransferee = target }
        record(.leadershipTransfer, "\(hexID) [term \(term)] starts to transfer leadership to \(RaftNodeIDFormat.hex(target))")
        if progress(of: target)?.match == log.lastIndex {
            record(.leadershipTransfer, "\(hexID) sends MsgTimeoutNow to \(RaftNodeIDFormat.hex(target)) immediately as \(RaftNodeIDFormat.hex(target)) already has up-to-date log")
            sendTimeoutNow(to: target)
        } else {
            sendAppend(to: target)
        }
        return .started
    }

    // MARK: - --force-new-cluster

    /// Restarts a manager as the only member of a new cluster from its persisted
    /// state, as SwarmKit's `--force-new-cluster` does (SWARM_FACTS §1.5):
    /// uncommitted entries are discarded, removals of every other member (and the
    /// addition of this node if it is missing) are appended and committed at once —
    /// those ids are removed immediately — and the node campaigns, winning alone.
    public static func forceNewCluster(id: RaftNodeID, address: String, config: RaftConfig = RaftConfig(),
                                       persisted: PersistentState, random: RandomStream) -> RaftNode {
        var node = RaftNode(id: id, config: config, persisted: persisted, random: random)
        let commit = node.log.committed
        let discarded = node.log.lastIndex - commit
        if discarded > 0 {
            node.log.truncate(after: commit)
            node.record(.entriesDiscarded, "discarding \(discarded) uncommitted WAL entries")
        }
        var changes: [RaftConfChange] = node.membership.ids.filter { $0 != id }.map { .removeNode($0) }
        if !node.membership.contains(id) {
            changes.append(.addNode(id, address: address))
        }
        if !changes.isEmpty {
            var index = node.log.lastIndex
            let term = node.term
            let entries = changes.map { change -> Entry in
                index += 1
                return Entry(index: index, term: term, payload: .confChange(change))
            }
            node.log.append(entries)
            node.log.commit(to: index)
            node.recoverMembership(through: index)
            node.record(.configurationChanged, "forced a new cluster: \(changes.map(\.description).joined(separator: ", "))")
        }
        // A node that had been removed is a member again of its own new cluster.
        node.isRemoved = false
        node.hup(transfer: false)
        node.checkInvariants()
        return node
    }
}
