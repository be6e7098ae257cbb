import SimEngine

/// One row of `docker ps` through a classic manager (`api/handlers.go` `getContainersJSON`), as
/// data: the scenario layer prints the table.
public struct ClassicPsRow: Equatable, Sendable {
    /// What the STATUS column shows: the container's state, or `Host Down` when its engine is
    /// not healthy.
    public enum Status: Equatable, Sendable {
        case state(ClassicContainerState)
        case hostDown
    }

    /// A port as Docker's container list gives it: the host side only when published.
    public struct Port: Equatable, Sendable {
        public var ip: String
        public var privatePort: Int
        public var publicPort: Int
        public var type: String
    }

    public var id: String
    public var image: String
    public var command: [String]
    public var created: SimInstant
    public var status: Status
    public var ports: [Port]
    /// Each name with the engine's name in front: `/h104/consul`.
    public var names: [String]
}

extension ClassicCluster {
    /// `docker ps [-a]`: without `all`, only running containers on healthy engines and no
    /// container of the `swarm` image; newest first (ties by ID); names as `/<engine>/<name>`;
    /// a port published on every interface shows the engine's IP.
    public func psRows(all: Bool) -> [ClassicPsRow] {
        var rows: [ClassicPsRow] = []
        for engine in engines {
            for container in engine.containers where !container.isPending {
                if !all && (!container.state.isRunning || !engine.isHealthy) { continue }
                if !all && container.config.image.split(separator: ":", omittingEmptySubsequences: false).first == "swarm" { continue }
                rows.append(ClassicPsRow(
                    id: container.id, image: container.config.image, command: container.config.command,
                    created: container.created,
                    status: engine.isHealthy ? .state(container.state) : .hostDown,
                    ports: ports(of: container, engineIP: engine.ip),
                    names: container.names.map { "/" + engine.name + $0 }))
            }
        }
        return rows.sorted { a, b in a.created != b.created ? a.created > b.created : a.id > b.id }
    }

    /// The list API's ports of a running container: each exposed port, with its host side when
    /// bound (`0.0.0.0` replaced by the engine's IP); none when it does not run.
    private func ports(of container: ClassicContainer, engineIP: String) -> [ClassicPsRow.Port] {
        guard container.state.isRunning else { return [] }
        var ports: [ClassicPsRow.Port] = []
        for exposed in container.config.exposedPorts {
            let parts = exposed.split(separator: "/")
            guard let number = parts.first.flatMap({ Int($0) }) else { continue }
            let type = parts.count > 1 ? String(parts[1]) : "tcp"
            let bindings = container.boundPorts.filter { $0.containerPort == exposed }
            if bindings.isEmpty {
                ports.append(.init(ip: "", privatePort: number, publicPort: 0, type: type))
            }
            for binding in bindings {
                let ip = binding.hostIP.isEmpty || binding.hostIP == "0.0.0.0" ? engineIP : binding.hostIP
                ports.append(.init(ip: ip, privatePort: number, publicPort: Int(binding.hostPort) ?? 0, type: type))
            }
        }
        return ports
    }
}
