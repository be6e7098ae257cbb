import SimEngine

/// A container as a classic manager knows it from an engine's list and inspect
/// (`cluster/container.go`): the config Swarm rebuilt from the inspect (with `-c` read back as
/// reserved CPUs), its names, its state and the ports Docker actually bound.
public struct ClassicContainer: Equatable, Sendable {
    /// The engine's 64-hex ID; empty for a container still being created (a pending container).
    public var id: String
    /// Docker's names, each with a leading slash (`/consul`).
    public var names: [String]
    public var config: ClassicContainerConfig
    public var state: ClassicContainerState
    public var created: SimInstant
    /// `NetworkSettings.Ports`: the bindings in force, with Docker's chosen host ports; empty
    /// unless the container runs.
    public var boundPorts: [ClassicPortBinding]

    public init(id: String, name: String?, config: ClassicContainerConfig, state: ClassicContainerState,
                created: SimInstant, boundPorts: [ClassicPortBinding] = []) {
        self.id = id
        self.names = name.map { ["/" + $0] } ?? []
        self.config = config
        self.state = state
        self.created = created
        self.boundPorts = boundPorts
    }

    /// The first name without its slash.
    public var name: String { names.first.map { String($0.drop { $0 == "/" }) } ?? "" }

    /// A container the scheduler counts on a node while its create is in flight
    /// (`pendingContainer.ToContainer`): its config and name, no ID and no bindings.
    public static func pending(name: String?, config: ClassicContainerConfig, at instant: SimInstant) -> ClassicContainer {
        ClassicContainer(id: "", name: name.flatMap { $0.isEmpty ? nil : $0 }, config: config, state: .created, created: instant)
    }

    /// Whether this is a create in flight.
    public var isPending: Bool { id.isEmpty }
}
