/// `docker node inspect --pretty NODE`, as docker/cli's `nodeInspectPrettyTemplate`
/// (`cli/command/node/formatter.go`) prints a node. The template's tabs are expanded to 8-column
/// stops, as a terminal shows them (seed 001's "ID:                     1bis2jb2..."), as
/// `ServiceInspectView` does; values go through `formatter.PrettyPrint` where the template says
/// so (so "Joined at" ends in "+0000 utc", as in seed 001).
///
/// The manager status comes from the Raft member list as the leader sees it (dockerd's
/// `GetNode` is proxied to the leader, as `ListNodes` is). Not modelled, so not printed: the node
/// name (`Spec.Name`), TLS info.
public enum NodeInspectView {
    /// The engine plugins dockerd 27 reports in its node description (`docker info`'s Plugins
    /// of Docker 27: Volume, Network and Log drivers), as the template ranges over them: sorted by
    /// type, names joined by ", ".
    static let enginePlugins: [(type: String, names: String)] = [
        ("Log", "awslogs, fluentd, gcplogs, gelf, journald, json-file, local, splunk, syslog"),
        ("Network", "bridge, host, ipvlan, macvlan, null, overlay"),
        ("Volume", "local"),
    ]

    public static func pretty(_ node: NodeObject, raft: RaftView) -> String {
        var lines = ["ID:\t\t\t\(node.id)"]
        if !node.spec.labels.isEmpty {
            lines.append("Labels:")
            lines += labelLines(node.spec.labels)
        }
        lines.append("Hostname:              \t\(node.description.hostname)")
        lines.append("Joined at:             \t" + CLIText.prettyPrint(GoTime.string(node.createdAt)))
        lines.append("Status:")
        lines.append(" State:\t\t\t" + CLIText.prettyPrint(stateName(node.status.state)))
        if !node.status.message.isEmpty { lines.append(" Message:              \t" + CLIText.prettyPrint(node.status.message)) }
        lines.append(" Availability:         \t" + CLIText.prettyPrint(node.spec.availability.rawValue))
        if !node.status.address.isEmpty { lines.append(" Address:\t\t\(node.status.address)") }
        if let member = raft.member(onNode: node.id) {
            let isLeader = raft.leaderRaftID == member.raftID
            let reachability: RaftView.Reachability = member.raftID == raft.selfRaftID ? .reachable : member.reachability
            lines.append("Manager Status:")
            lines.append(" Address:\t\t" + JoinTokenView.managerAddress(member.address))
            lines.append(" Raft Status:\t\t" + CLIText.prettyPrint(reachability.rawValue))
            lines.append(" Leader:\t\t" + (isLeader ? "Yes" : "No"))
        }
        lines.append("Platform:")
        lines.append(" Operating System:\t\(node.description.os)")
        lines.append(" Architecture:\t\t\(node.description.architecture)")
        lines.append("Resources:")
        lines.append(" CPUs:\t\t\t\(node.description.nanoCPUs / 1_000_000_000)")
        lines.append(" Memory:\t\t" + (node.description.memoryBytes == 0 ? "" : CLIText.bytesSize(node.description.memoryBytes)))
        lines.append("Plugins:")
        for plugin in enginePlugins { lines.append(" \(plugin.type):\t\t\(plugin.names)") }
        lines.append("Engine Version:\t\t\(node.description.engineVersion)")
        if !node.description.engineLabels.isEmpty {
            lines.append("Engine Labels:")
            lines += labelLines(node.description.engineLabels)
        }
        return lines.map(ServiceInspectView.expandingTabs).joined(separator: "\n")
    }

    /// ` - key=value` (or ` - key` for an empty value), sorted by key as Go's template ranges a map.
    static func labelLines(_ labels: [Label]) -> [String] {
        labels.sorted { $0.key < $1.key }.map { " - \($0.key)" + ($0.value.isEmpty ? "" : "=\($0.value)") }
    }

    /// `swarm.NodeState` as the API spells it.
    static func stateName(_ state: NodeState) -> String {
        switch state {
        case .unknown: "unknown"
        case .down: "down"
        case .ready: "ready"
        case .disconnected: "disconnected"
        }
    }
}
