import SimEngine

/// Cluster settings `docker info` prints that the store does not hold: SwarmKit's defaults
/// unless the shell knows better.
public struct InfoSettings: Equatable, Sendable {
    /// `swarm.LocalNodeState`: "active", "pending", "inactive", "error", "locked".
    public var localNodeState: String = "active"
    /// Set when the node's manager could not answer (no leader): printed as `Error:` and the
    /// cluster part is left out, as dockerd does.
    public var error: String?
    /// Node certificate expiry (default 90 days).
    public var certificateExpiry: SimDuration = .hours(24 * 90)
    public var defaultAddressPools: [String] = ["10.0.0.0/8"]
    public var subnetSize: Int = 24
    public var dataPathPort: Int = 4789

    public init() {}
}

/// The Swarm part of `docker info` (docker/cli `cli/command/system/info.go` `printSwarmInfo`,
/// moby `daemon/cluster/swarm.go` `Info`), and the two-manager warning dockerd adds.
public enum InfoView {
    /// moby's warning when the swarm has exactly two managers (the CLI prints it on standard
    /// error after the rest of `docker info`).
    public static let twoManagerWarning = """
        WARNING: Running Swarm in a two-manager configuration. This configuration provides
                 no fault tolerance, and poses a high risk to lose control over the cluster.
                 Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the
                 Swarm for fault-tolerance.
        """

    /// The Swarm section as `docker info` on `nodeID` prints it, followed (after an empty line)
    /// by dockerd's warnings. Managers are the nodes in the Raft member list (dockerd counts the
    /// nodes `ListNodes` gives a manager status).
    public static func render(store: ClusterStore, raft: RaftView, nodeID: NodeID, settings: InfoSettings) -> String {
        var lines = [" Swarm: \(settings.localNodeState)"]
        let warnings = self.warnings(store: store, raft: raft, nodeID: nodeID, settings: settings)
        if settings.localNodeState == "inactive" || settings.localNodeState == "locked" {
            return lines.joined(separator: "\n")
        }
        let isManager = raft.member(onNode: nodeID) != nil
        lines.append("  NodeID: \(nodeID)")
        if let error = settings.error { lines.append("  Error: \(error)") }
        lines.append("  Is Manager: \(isManager)")
        if let cluster = store.cluster, isManager, settings.error == nil, settings.localNodeState != "error" {
            lines.append("  ClusterID: \(cluster.id)")
            lines.append("  Managers: \(managerCount(store: store, raft: raft))")
            lines.append("  Nodes: \(store.nodes.count)")
            lines.append("  Default Address Pool: " + settings.defaultAddressPools.map { $0 + "  " }.joined())
            lines.append("  SubnetSize: \(settings.subnetSize)")
            if settings.dataPathPort > 0 { lines.append("  Data Path Port: \(settings.dataPathPort)") }
            lines.append("  Orchestration:")
            lines.append("   Task History Retention Limit: \(cluster.taskHistoryRetentionLimit)")
            lines.append("  Raft:")
            lines.append("   Snapshot Interval: \(cluster.raft.snapshotInterval)")
            lines.append("   Number of Old Snapshots to Retain: \(cluster.raft.keepOldSnapshots)")
            lines.append("   Heartbeat Tick: \(cluster.raft.heartbeatTick)")
            lines.append("   Election Tick: \(cluster.raft.electionTick)")
            lines.append("  Dispatcher:")
            lines.append("   Heartbeat Period: \(CLIText.humanDuration(cluster.heartbeatPeriod))")
            lines.append("  CA Configuration:")
            lines.append("   Expiry Duration: \(CLIText.humanDuration(settings.certificateExpiry))")
            lines.append("   Force Rotate: 0")
            lines.append("  Autolock Managers: false")
            lines.append("  Root Rotation In Progress: false")
        }
        lines += addressLines(node: nodeAddress(nodeID, store: store, raft: raft), managers: raft.members.map(\.address))
        if !warnings.isEmpty {
            lines.append("")
            lines += warnings
        }
        return lines.joined(separator: "\n")
    }

    /// `docker info` on an engine that runs no manager, answered by dockerd from its own state
    /// (moby `daemon/cluster/swarm.go` `Info`: `ControlAvailable` false, the node's address and
    /// the managers its agent knows, `RemoteManagers`); outside a swarm only ` Swarm: inactive`.
    public static func renderWithoutManager(state: String, nodeID: NodeID?, nodeAddress: String, managers: [String]) -> String {
        var lines = [" Swarm: \(state)"]
        guard state != "inactive", state != "locked" else { return lines.joined(separator: "\n") }
        lines.append("  NodeID: \(nodeID?.rawValue ?? "")")
        lines.append("  Is Manager: false")
        lines += addressLines(node: nodeAddress, managers: managers)
        return lines.joined(separator: "\n")
    }

    /// `Node Address` and the sorted `Manager Addresses` (docker/cli `printSwarmInfo`); a
    /// manager's address is its Raft address with port 2377, as `RemoteManagers` gives it.
    static func addressLines(node: String, managers: [String]) -> [String] {
        var lines = ["  Node Address: \(node)"]
        let addresses = managers.map(JoinTokenView.managerAddress).sorted()
        if !addresses.isEmpty {
            lines.append("  Manager Addresses:")
            for address in addresses { lines.append("   \(address)") }
        }
        return lines
    }

    /// dockerd's warnings: the two-manager one, for a manager that can reach the control API.
    public static func warnings(store: ClusterStore, raft: RaftView, nodeID: NodeID, settings: InfoSettings) -> [String] {
        guard raft.member(onNode: nodeID) != nil, settings.error == nil,
              !["inactive", "locked", "error"].contains(settings.localNodeState) else { return [] }
        return managerCount(store: store, raft: raft) == 2 ? [twoManagerWarning] : []
    }

    /// Nodes of the store that are Raft members.
    static func managerCount(store: ClusterStore, raft: RaftView) -> Int {
        store.nodesSorted.filter { raft.member(onNode: $0.id) != nil }.count
    }

    /// The node's address as it registered, or its Raft address without the port.
    static func nodeAddress(_ id: NodeID, store: ClusterStore, raft: RaftView) -> String {
        if let address = store.node(id)?.status.address, !address.isEmpty { return address }
        guard let member = raft.member(onNode: id) else { return "" }
        return member.address.split(separator: ":").first.map(String.init) ?? member.address
    }
}
