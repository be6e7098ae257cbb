import SimEngine
import SimModels

/// `docker info` through a classic manager as a Docker 1.9 client prints it (the seed's
/// client): the daemon's counts and versions, then Swarm's status pairs (`Role`, `Primary`,
/// `Strategy`, `Filters`, `Nodes` and each engine's `└` lines), then the manager's host
/// (CLASSIC_SWARM_FACTS.md §4; docker/swarm `cluster/swarm/cluster.go` `Info`,
/// `cli/manage.go` `statusHandler.Status`, `api/handlers.go` `getInfo`).
///
/// The release decides the engine lines: 1.2.x adds `└ ID`, breaks a healthy engine's
/// containers down into Running / Paused / Stopped, omits an empty `└ Error` and adds
/// `└ ServerVersion`. A 1.9 client shows the status pairs as its `DriverStatus`, the `\b` and
/// leading-space trick Swarm uses for API < 1.22 giving the indentation written here.
public enum ClassicInfoRenderer {
    /// The text, one line per `\n`, without a final newline. `epoch` is the Unix time of
    /// simulated time 0, for `└ UpdatedAt`.
    public static func render(_ info: ClassicInfo, epoch: Int64) -> String {
        var lines = [
            "Containers: \(info.containers)",
            "Images: \(info.images)",
            "Server Version: \(info.serverVersion)",
        ]
        for (key, value) in statusPairs(info, epoch: epoch) {
            lines.append("\(key): \(value)")
        }
        if !info.kernelVersion.isEmpty { lines.append("Kernel Version: \(info.kernelVersion)") }
        if !info.operatingSystem.isEmpty { lines.append("Operating System: \(info.operatingSystem)") }
        lines.append("CPUs: \(info.cpus)")
        lines.append("Total Memory: \(GoUnitsSize.bytesSize(info.memory))")
        lines.append("Name: \(info.name)")
        return lines.joined(separator: "\n")
    }

    /// The status pairs as the terminal shows them: top-level keys at the margin, an engine's
    /// name after one space, its details after two spaces and `└ `.
    static func statusPairs(_ info: ClassicInfo, epoch: Int64) -> [(String, String)] {
        var pairs: [(String, String)] = []
        switch info.role {
        case .primary:
            pairs.append(("Role", "primary"))
        case let .replica(primary):
            pairs.append(("Role", "replica"))
            pairs.append(("Primary", primary))
        }
        pairs.append(("Strategy", info.strategy))
        pairs.append(("Filters", info.filters))
        pairs.append(("Nodes", "\(info.nodeCount)"))
        let version = info.version
        for node in info.nodes {
            pairs.append((" " + (node.name.isEmpty ? "(unknown)" : node.name), node.address))
            if version.infoShowsEngineID { pairs.append(("  └ ID", node.id)) }
            pairs.append(("  └ Status", node.status.text))
            if version.infoBreaksDownContainers && node.status == .healthy {
                pairs.append(("  └ Containers", "\(node.containers) (\(node.running) Running, \(node.paused) Paused, \(node.stopped) Stopped)"))
            } else {
                pairs.append(("  └ Containers", "\(node.containers)"))
            }
            pairs.append(("  └ Reserved CPUs", "\(node.reservedCpus) / \(node.totalCpus)"))
            pairs.append(("  └ Reserved Memory", "\(GoUnitsSize.bytesSize(node.reservedMemory)) / \(GoUnitsSize.bytesSize(node.totalMemory))"))
            pairs.append(("  └ Labels", node.labels.joined(separator: ", ")))
            if !node.error.isEmpty {
                pairs.append(("  └ Error", node.error))
            } else if !version.infoOmitsEmptyError {
                pairs.append(("  └ Error", "(none)"))
            }
            pairs.append(("  └ UpdatedAt", RFC3339Time.format(node.updatedAt, epoch: epoch)))
            if version.infoShowsServerVersion { pairs.append(("  └ ServerVersion", node.serverVersion)) }
        }
        return pairs
    }
}
