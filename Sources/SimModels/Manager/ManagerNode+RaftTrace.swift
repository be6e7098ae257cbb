import SimEngine

extension ManagerNode {
    /// Traces what a Raft ready says happened to this node, before anything that follows from
    /// it (the ready's messages, the entries it commits, the leader's subsystems starting): a
    /// campaign or a higher term learned (`raft.term`, once per term), a step-down
    /// (`raft.stepdown`) and an election won (`raft.leader`). SwarmKit logs these from etcd's
    /// raft as the node's state changes (`raft: … became candidate at term N`, `elected leader
    /// … at term N`), ahead of its handling of the ready's committed entries.
    func traceRaft(_ soft: RaftSoftState?, _ events: [RaftEvent]) {
        for event in events {
            switch event.kind {
            case .steppedDown:
                simulation.emit(node: host.name, component: "raft", kind: "raft.stepdown", event.text,
                                fields: [TraceField("term", Int(event.term)), TraceField("reason", event.text)])
            case .voteGranted, .voteRejected, .voteIgnored:
                guard world.tracesRaftMessages else { continue }
                simulation.emit(node: host.name, component: "raft", kind: "raft.vote", event.text,
                                fields: [TraceField("term", Int(event.term)), TraceField("granted", event.kind == .voteGranted)])
            case .becameCandidate where event.term > lastTracedTerm:
                lastTracedTerm = event.term
                simulation.emit(node: host.name, component: "raft", kind: "raft.term", "term \(event.term): starting an election",
                                fields: [TraceField("term", Int(event.term))])
            default:
                continue
            }
        }
        guard let soft else { return }
        let term = raft.node.term
        if term > lastTracedTerm {
            lastTracedTerm = term
            simulation.emit(node: host.name, component: "raft", kind: "raft.term", "term \(term)", fields: [TraceField("term", Int(term))])
        }
        let leads = soft.role == .leader
        if leads && !tracedAsLeader {
            simulation.emit(node: host.name, component: "raft", kind: "raft.leader", "elected leader for term \(term)",
                            fields: [TraceField("term", Int(term))])
        }
        tracedAsLeader = leads
    }

    /// Traces a Raft message this manager sends (`--trace raft`): votes asked and answered,
    /// appends and their answers, snapshots; a leader's heartbeats folded into a line a second
    /// (every one, and their answers, with `--trace raft=all`).
    func traceMessage(_ message: RaftMessage<StoreProposal, ClusterStore>, to destination: HostID) {
        let peer = simulation.hosts[destination].name
        let text: String
        switch message.body {
        case .heartbeat(let commit) where world.tracesEveryHeartbeat:
            text = "MsgHeartbeat to \(peer) (term \(message.term), commit \(commit))"
        case .heartbeat(let commit):
            if let shown = heartbeatsTracedAt, simulation.now - shown < .seconds(1) { return }
            heartbeatsTracedAt = simulation.now
            text = "MsgHeartbeat to its followers (term \(message.term), commit \(commit))"
        case .heartbeatResponse:
            guard world.tracesEveryHeartbeat else { return }
            text = "MsgHeartbeatResp to \(peer) (term \(message.term))"
        case .vote(let index, let logTerm, let transfer):
            text = "MsgVote to \(peer) for term \(message.term) (last entry \(index)/\(logTerm))" + (transfer ? ", a leadership transfer" : "")
        case .preVote(let index, let logTerm):
            text = "MsgPreVote to \(peer) for term \(message.term) (last entry \(index)/\(logTerm))"
        case .voteResponse(let granted), .preVoteResponse(let granted):
            text = "\(message.kind.rawValue) to \(peer): " + (granted ? "granted" : "refused") + " for term \(message.term)"
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            let span = entries.isEmpty ? "no entries" : entries.count == 1 ? "entry \(prevIndex + 1)" : "entries \(prevIndex + 1)-\(prevIndex + RaftIndex(entries.count))"
            text = "MsgApp to \(peer): \(span) after \(prevIndex)/\(prevTerm), commit \(commit)"
        case .appendResponse(let index, let rejected, let hintIndex, _):
            text = "MsgAppResp to \(peer) (term \(message.term)): " + (rejected ? "rejected at \(index), my log ends at \(hintIndex)" : "have up to \(index)")
        case .snapshot(let snapshot):
            text = "MsgSnap to \(peer): snapshot at \(snapshot.index)/\(snapshot.term)"
        case .timeoutNow:
            text = "MsgTimeoutNow to \(peer): campaign now"
        case .memberRemoved:
            text = "to \(peer): raft: member has been removed"
        }
        simulation.emit(node: host.name, component: "raft", kind: "raft.msg", text,
                        fields: [TraceField("to", peer), TraceField("type", message.kind.rawValue), TraceField("term", Int(message.term))])
    }
}
