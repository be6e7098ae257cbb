/// `docker node ls`, as the CLI prints it (docker/cli `cli/command/node/formatter.go`, default
/// table format `{{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t
/// {{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}`).
///
/// Full node IDs; `*` after the ID of the node queried; rows in natural order of hostname;
/// MANAGER STATUS from the Raft member list as the leader sees it (controlapi `ListNodes`).
public enum NodeListView {
    public static let header = ["ID  ", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION"]

    /// The table for every node of `store`.
    /// - Complexity: O(n log n) in the number of nodes (times the Raft members for MANAGER STATUS).
    public static func render(store: ClusterStore, raft: RaftView, selfNodeID: NodeID?) -> String {
        TableWriter().render(header: header, rows: rows(store: store, raft: raft, selfNodeID: selfNodeID))
    }

    /// `docker node ls [-q] [--filter ...]`: dockerd refuses an unknown filter key or role.
    public static func outcome(store: ClusterStore, raft: RaftView, selfNodeID: NodeID?, format: ListFormat) -> ControlOutcome {
        switch format.filter.nodes(store.nodesSorted) {
        case let .failure(error):
            return .failure(error.text)
        case let .success(nodes):
            return .query(CommandOutput {
                format.quiet ? sortedByHostname(nodes).map(\.id.rawValue).joined(separator: "\n")
                             : TableWriter().render(header: header, rows: rows(nodes: nodes, raft: raft, selfNodeID: selfNodeID))
            })
        }
    }

    /// The rows, in the CLI's order.
    public static func rows(store: ClusterStore, raft: RaftView, selfNodeID: NodeID?) -> [[String]] {
        rows(nodes: store.nodesSorted, raft: raft, selfNodeID: selfNodeID)
    }

    static func rows(nodes: [NodeObject], raft: RaftView, selfNodeID: NodeID?) -> [[String]] {
        sortedByHostname(nodes).map { node in
            [
                node.id.rawValue + (node.id == selfNodeID ? " *" : "  "),
                node.description.hostname,
                node.status.state.displayName,
                CLIText.prettyPrint(node.spec.availability.rawValue),
                raft.managerStatus(ofNode: node.id),
                node.description.engineVersion,
            ]
        }
    }

    /// Natural order of hostname (the CLI's `sort.Slice` with `sortorder.NaturalLess`); equal
    /// hostnames by ID, so the order never depends on anything else.
    public static func sortedByHostname(_ nodes: [NodeObject]) -> [NodeObject] {
        nodes.sorted { a, b in
            let ha = a.description.hostname, hb = b.description.hostname
            if ha != hb { return CLIText.naturalLess(ha, hb) }
            return a.id < b.id
        }
    }
}
