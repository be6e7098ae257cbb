/// The REPLICAS figures, as dockerd computes them for API ≥ 1.41 (SwarmKit controlapi
/// `ListServiceStatuses`). `docker service ls` and the scenario's `service S is R/D` both use it.
public enum ServiceStatusView {
    /// `(running, desired)` for `service`:
    /// - desired: the replica count of a replicated service; for a global service, the number of
    ///   its tasks whose desired state is RUNNING;
    /// - running: the number of its tasks whose observed state is RUNNING, including stale tasks
    ///   on nodes that are DOWN (moby/moby#45922: `2/1` after a node failure until the node
    ///   returns).
    /// - Complexity: O(k) in the service's tasks (no sorting: the scenario layer may ask at every
    ///   simulated instant).
    public static func replicas(of service: ServiceObject, in store: ClusterStore) -> (running: Int, desired: Int) {
        var running = 0
        var desired = 0
        if case let .replicated(count) = service.spec.mode { desired = count }
        let global = service.spec.mode == .global
        for id in store.tasksByService[service.id] ?? [] {
            guard let task = store.task(id) else { continue }
            if global && task.desiredState == .running { desired += 1 }
            if task.status.state == .running { running += 1 }
        }
        return (running, desired)
    }

    /// The REPLICAS column: `running/desired`, with ` (max N per node)` for a replicated service
    /// that sets `max_replicas_per_node`.
    public static func replicasText(of service: ServiceObject, in store: ClusterStore) -> String {
        let (running, desired) = replicas(of: service, in: store)
        let max = service.spec.task.placement.maxReplicasPerNode
        if case .replicated = service.spec.mode, max > 0 {
            return "\(running)/\(desired) (max \(max) per node)"
        }
        return "\(running)/\(desired)"
    }
}

/// `docker service ls`, as the CLI prints it (docker/cli `cli/command/service/formatter.go`,
/// default table format `{{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}`):
/// 12-character IDs, rows in natural order of name.
public enum ServiceListView {
    public static let header = ["ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"]

    /// The table for every service of `store`.
    /// - Complexity: O(s log s + t) for s services and t tasks.
    public static func render(store: ClusterStore) -> String {
        TableWriter().render(header: header, rows: rows(store: store))
    }

    /// `docker service ls [-q] [--filter ...]`: dockerd refuses an unknown filter key.
    public static func outcome(store: ClusterStore, format: ListFormat) -> ControlOutcome {
        switch format.filter.services(store.servicesSortedByName) {
        case let .failure(error):
            return .failure(error.text)
        case let .success(services):
            return .query(CommandOutput {
                let rows = rows(services: services, store: store)
                return format.quiet ? rows.map { $0[0] }.joined(separator: "\n") : TableWriter().render(header: header, rows: rows)
            })
        }
    }

    public static func rows(store: ClusterStore) -> [[String]] {
        rows(services: store.servicesSortedByName, store: store)
    }

    /// The rows of `services`, in natural order of name.
    static func rows(services: [ServiceObject], store: ClusterStore) -> [[String]] {
        let services = services.sorted { a, b in
            if a.spec.name != b.spec.name { return CLIText.naturalLess(a.spec.name, b.spec.name) }
            return a.id < b.id
        }
        return services.map { service in
            [
                CLIText.truncateID(service.id.rawValue),
                service.spec.name,
                service.spec.mode.name,
                ServiceStatusView.replicasText(of: service, in: store),
                displayImage(service.spec.task.image),
                ports(service.endpoint.ports),
            ]
        }
    }

    /// The image as the CLI shows it: a tagged reference loses its digest
    /// (`nginx:1.25@sha256:…` → `nginx:1.25`); anything else is shown as is.
    public static func displayImage(_ image: String) -> String {
        guard let at = image.firstIndex(of: "@") else { return image }
        let name = image[..<at]
        let lastComponent = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return lastComponent.contains(":") ? String(name) : image
    }

    /// The PORTS column: the ingress-mode ports the allocator published (`Endpoint.Ports`), sorted
    /// by protocol then published port, consecutive ones grouped into ranges
    /// (`*:8080-8081->80-81/tcp`), joined by ", ". Host-mode ports are not shown.
    public static func ports(_ ports: [PortConfig]) -> String {
        struct PortRange {
            var pStart: UInt32 = 0, pEnd: UInt32 = 0, tStart: UInt32 = 0, tEnd: UInt32 = 0
            var proto = ""
            var text: String {
                let published = pEnd > pStart ? "\(pStart)-\(pEnd)" : "\(pStart)"
                let target = tEnd > tStart ? "\(tStart)-\(tEnd)" : "\(tStart)"
                return "*:\(published)->\(target)/\(proto)"
            }
        }
        let sorted = ports.sorted { a, b in
            if a.proto == b.proto { return (a.publishedPort ?? 0) < (b.publishedPort ?? 0) }
            return a.proto < b.proto
        }
        var range = PortRange()
        var out: [String] = []
        for port in sorted where port.publishMode == .ingress {
            let published = UInt32(truncatingIfNeeded: port.publishedPort ?? 0)
            let target = UInt32(truncatingIfNeeded: port.targetPort)
            let isRange = range.tEnd != range.tStart
            let overlaps = target <= range.tEnd
            // Go's uint32 subtraction wraps: a smaller port counts as "not consecutive".
            if port.proto != range.proto || published &- range.pEnd > 1 || target &- range.tEnd > 1 || (isRange && overlaps) {
                if range.pStart > 0 { out.append(range.text) }
                range = PortRange(pStart: published, pEnd: published, tStart: target, tEnd: target, proto: port.proto)
                continue
            }
            range.pEnd = published
            range.tEnd = target
        }
        if range.pStart > 0 { out.append(range.text) }
        return out.joined(separator: ", ")
    }
}
