import SimEngine

/// A service as the store holds it.
public struct ServiceObject: Equatable, Sendable {
    public var id: ServiceID
    public var spec: ServiceSpec
    /// The spec before the last update, for rollback.
    public var previousSpec: ServiceSpec?
    /// Bumped at every spec change; tasks remember the version they were made from.
    public var specVersion: Int = 1
    public var updateStatus: UpdateStatus?
    /// Virtual IPs and allocated published ports, set by the allocator.
    public var endpoint: AllocatedEndpoint = AllocatedEndpoint()
    public var createdAt: SimInstant

    public init(id: ServiceID, spec: ServiceSpec, createdAt: SimInstant) {
        self.id = id
        self.spec = spec
        self.createdAt = createdAt
    }
}

/// The state of a rolling update (`api/types.proto` UpdateStatus).
public struct UpdateStatus: Equatable, Sendable {
    public enum State: Int, Sendable {
        case unknown = 0
        case updating = 1
        case paused = 2
        case completed = 3
        case rollbackStarted = 4
        case rollbackPaused = 5
        case rollbackCompleted = 6
    }

    public var state: State
    public var message: String
    public var startedAt: SimInstant?
    public var completedAt: SimInstant?

    public init(state: State, message: String, startedAt: SimInstant? = nil) {
        self.state = state
        self.message = message
        self.startedAt = startedAt
    }
}

/// What the allocator gave a service: published ports and one virtual IP per network.
public struct AllocatedEndpoint: Equatable, Sendable {
    public var ports: [PortConfig] = []
    public var virtualIPs: [NetworkAddress] = []

    public init() {}
}

/// An address on a network (`10.0.1.5/24` on `backend`).
public struct NetworkAddress: Equatable, Sendable {
    public var networkID: NetworkID
    public var address: String

    public init(networkID: NetworkID, address: String) {
        self.networkID = networkID
        self.address = address
    }
}
