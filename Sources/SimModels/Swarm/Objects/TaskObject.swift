import SimEngine

/// A task's observed status, as the agent (or a manager for NEW..ASSIGNED) reports it.
public struct TaskStatus: Equatable, Sendable {
    public var state: TaskState
    /// SwarmKit's message ("scheduler assigned task to node", "started"...).
    public var message: String
    /// The error, if any ("no suitable node (...)", "task: non-zero exit (1)").
    public var err: String = ""
    /// When the state last changed.
    public var timestamp: SimInstant
    public var exitCode: Int?

    public init(state: TaskState, message: String, timestamp: SimInstant) {
        self.state = state
        self.message = message
        self.timestamp = timestamp
    }
}

/// A task as the store holds it: one attempt at running one replica (slot) of a service.
public struct TaskObject: Equatable, Sendable {
    public var id: TaskID
    public var serviceID: ServiceID
    /// The service's name when the task was made (for `web.3` names).
    public var serviceName: String
    /// 1-based replica slot; 0 for global tasks (which are per node).
    public var slot: Int
    /// Set by the scheduler, or at creation for global tasks.
    public var nodeID: NodeID?
    public var desiredState: TaskState
    public var status: TaskStatus
    /// What to run, copied from the service spec at creation.
    public var spec: TaskTemplate
    /// The service spec version the task was made from.
    public var specVersion: Int
    /// Published ports in host mode and network attachments, set by the allocator.
    public var networks: [NetworkAddress] = []
    public var hostPorts: [PortConfig] = []
    /// The service's endpoint spec when the task was made (SwarmKit `Task.Endpoint.Spec`), for the
    /// update supervisor's dirty check; nil if unknown.
    public var endpoint: EndpointSpec?
    public var createdAt: SimInstant

    public init(id: TaskID, serviceID: ServiceID, serviceName: String, slot: Int, nodeID: NodeID?,
                desiredState: TaskState, status: TaskStatus, spec: TaskTemplate, specVersion: Int, createdAt: SimInstant) {
        self.id = id
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.slot = slot
        self.nodeID = nodeID
        self.desiredState = desiredState
        self.status = status
        self.spec = spec
        self.specVersion = specVersion
        self.createdAt = createdAt
    }

    /// `web.3` for a replicated task, `app.<nodeID>` for a global one (as `docker service ps` names it).
    public var name: String {
        slot > 0 ? "\(serviceName).\(slot)" : "\(serviceName).\(nodeID?.rawValue ?? "")"
    }
}
