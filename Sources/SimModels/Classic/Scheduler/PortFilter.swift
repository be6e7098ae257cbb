/// The `port` filter (`scheduler/filter/port.go`): a node is refused when a container on it
/// already uses a requested host port.
///
/// Bridge mode compares every `-p` binding with each container's requested bindings and its
/// bound ports, stopped containers included (a stopped container's request still holds the
/// port); a create in flight holds its requested ports from 1.2.x (issue #2499), not in v1.1.3,
/// where a pending container carries no bindings. Host mode (`--net=host`) compares the exposed
/// ports with those of host-mode containers. Bindings are visited in container-port order
/// (Swarm iterates a Go map; the order only picks which port an error names).
enum PortFilter {
    static func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode], version: ClassicSwarmVersion) -> Result<[SchedulerNode], SchedulingError> {
        var nodes = nodes
        if config.networkMode == "host" {
            for port in config.exposedPorts.sorted() {
                let candidates = nodes.filter { !exposes($0, port) }
                if candidates.isEmpty { return .failure(SchedulingError("unable to find a node with port \(port) available in the Host mode")) }
                nodes = candidates
            }
            return .success(nodes)
        }
        for binding in sortedBindings(config) {
            let candidates = nodes.filter { !uses($0, binding, version: version) }
            if candidates.isEmpty { return .failure(SchedulingError("unable to find a node with port \(binding.hostPort) available")) }
            nodes = candidates
        }
        return .success(nodes)
    }

    /// `GetFilters` (1.2.x): `port 80/tcp (Host mode)` or `port 80 (Bridge mode)` per port.
    static func conditions(_ config: ClassicContainerConfig) -> [String] {
        if config.networkMode == "host" { return config.exposedPorts.sorted().map { "port \($0) (Host mode)" } }
        return sortedBindings(config).map { "port \($0.hostPort) (Bridge mode)" }
    }

    static func sortedBindings(_ config: ClassicContainerConfig) -> [ClassicPortBinding] {
        config.portBindings.enumerated().sorted { a, b in
            a.element.containerPort != b.element.containerPort ? a.element.containerPort < b.element.containerPort : a.offset < b.offset
        }.map(\.element)
    }

    /// `portAlreadyExposed`: a host-mode container on the node exposes the port.
    static func exposes(_ node: SchedulerNode, _ port: String) -> Bool {
        node.containers.contains { $0.config.networkMode == "host" && !$0.isPending && $0.config.exposedPorts.contains(port) }
    }

    /// `portAlreadyInUse`.
    static func uses(_ node: SchedulerNode, _ requested: ClassicPortBinding, version: ClassicSwarmVersion) -> Bool {
        node.containers.contains { container in
            if container.isPending {
                return version >= .v1_2_9 && container.config.portBindings.contains { requested.conflicts(with: $0) }
            }
            return container.config.portBindings.contains { requested.conflicts(with: $0) }
                || container.boundPorts.contains { requested.conflicts(with: $0) }
        }
    }
}
