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
}
