import SimModels

extension ClusterSnapshot {
    /// The snapshot as `simrun state` prints it: the leader, `docker node ls`, `docker service
    /// ps` of each service, the managers' Raft state and the network's cuts.
    public var text: String {
        var out = "cluster at \(time) (\(file), seed \(seed))\n"
        out += "leader: \(leader ?? "none")\n"
        if leader == nil {
            out += "\n$ docker node ls\nError response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.\n"
        } else {
            out += "\n$ docker node ls   (on the leader, \(leader!))\n"
            out += TableWriter().render(header: NodeListView.header, rows: nodeRows) + "\n"
            for service in services {
                out += "\n$ docker service ps \(service.name)\n"
                out += TableWriter().render(header: TaskListView.header, rows: service.rows) + "\n"
            }
        }
        out += "\nRAFT\n"
        let header = ["NODE", "ROLE", "TERM", "VOTE", "LEADER", "LAST INDEX", "LAST TERM", "COMMIT", "APPLIED", "MEMBERS"]
        let rows = raft.map { state -> [String] in
            guard !state.isSilent else { return [state.node, state.role, "-", "-", "-", "-", "-", "-", "-", "-"] }
            return [state.node, state.role, "\(state.term)", state.vote ?? "-", state.leader ?? "-", "\(state.lastIndex)",
                    "\(state.lastTerm)", "\(state.commit)", "\(state.applied)", state.members.joined(separator: ",")]
        }
        out += TableWriter().render(header: header, rows: rows) + "\n"
        out += "\nNETWORK CUTS\n"
        if cuts.isEmpty { out += "none\n" }
        for cut in cuts { out += "\(cut.from) \(cut.bothWays ? "<->" : "->") \(cut.to)\n" }
        return out
    }
}
