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
///
/// A value type with copy-on-write storage (`CopyOnWrite`): the fields (some 400 bytes, dozens
/// of references) live in one heap box, so the many copies a task goes through (store changes,
/// Raft entries, assignments, messages) cost one retain instead of copying every field.
public struct TaskObject: Equatable, Sendable, CustomReflectable {
    /// The stored fields, exactly what `TaskObject` held before it was boxed.
    struct Fields: Equatable, Sendable {
        var id: TaskID
        var serviceID: ServiceID
        var serviceName: String
        var slot: Int
        var nodeID: NodeID?
        var desiredState: TaskState
        var status: TaskStatus
        /// Set once at creation and hardly ever changed: kept in a box of its own, so the copy
        /// of the fields that every status step makes retains it instead of copying it.
        var spec: SharedTemplate
        var specVersion: Int
        var networks: [NetworkAddress] = []
        var hostPorts: [PortConfig] = []
        var endpoint: EndpointSpec?
        var createdAt: SimInstant
        /// The service endpoint and networks as allocated (`TaskServiceEndpoint`); nil before.
        var serviceEndpoint: TaskServiceEndpoint?
    }

    /// An immutable, shared `TaskTemplate`.
    final class SharedTemplate: Equatable, Sendable {
        let value: TaskTemplate
        init(_ value: TaskTemplate) { self.value = value }
        static func == (a: SharedTemplate, b: SharedTemplate) -> Bool { a === b || a.value == b.value }
    }

    private var storage: CopyOnWrite<Fields>

    /// Reflects the fields, not the box, so `"\(task)"` (e.g. in a Raft entry's description)
    /// reads exactly as it did when the fields were stored inline.
    public var customMirror: Mirror {
        let fields = storage.fields
        // `serviceEndpoint` is left out: it only repeats the service's endpoint for the data plane.
        let children = Mirror(reflecting: fields).children.filter { $0.label != "serviceEndpoint" }.map { child -> Mirror.Child in
            child.label == "spec" ? (label: "spec", value: fields.spec.value) : child
        }
        return Mirror(self, children: children, displayStyle: .struct)
    }

    public var id: TaskID {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
    public var serviceID: ServiceID {
        get { storage.fields.serviceID }
        set { storage.fields.serviceID = newValue }
    }
    /// The service's name when the task was made (for `web.3` names).
    public var serviceName: String {
        get { storage.fields.serviceName }
        set { storage.fields.serviceName = newValue }
    }
    /// 1-based replica slot; 0 for global tasks (which are per node).
    public var slot: Int {
        get { storage.fields.slot }
        set { storage.fields.slot = newValue }
    }
    /// Set by the scheduler, or at creation for global tasks.
    public var nodeID: NodeID? {
        get { storage.fields.nodeID }
        set { storage.fields.nodeID = newValue }
    }
    public var desiredState: TaskState {
        get { storage.fields.desiredState }
        set { storage.fields.desiredState = newValue }
    }
    public var status: TaskStatus {
        get { storage.fields.status }
        set { storage.fields.status = newValue }
    }
    /// What to run, copied from the service spec at creation.
    public var spec: TaskTemplate {
        get { storage.fields.spec.value }
        set { storage.fields.spec = SharedTemplate(newValue) }
    }
    /// The service spec version the task was made from.
    public var specVersion: Int {
        get { storage.fields.specVersion }
        set { storage.fields.specVersion = newValue }
    }
    /// Published ports in host mode and network attachments, set by the allocator.
    public var networks: [NetworkAddress] {
        get { storage.fields.networks }
        set { storage.fields.networks = newValue }
    }
    public var hostPorts: [PortConfig] {
        get { storage.fields.hostPorts }
        set { storage.fields.hostPorts = newValue }
    }
    /// The service's endpoint spec when the task was made (SwarmKit `Task.Endpoint.Spec`), for the
    /// update supervisor's dirty check; nil if unknown.
    public var endpoint: EndpointSpec? {
        get { storage.fields.endpoint }
        set { storage.fields.endpoint = newValue }
    }
    public var createdAt: SimInstant {
        get { storage.fields.createdAt }
        set { storage.fields.createdAt = newValue }
    }
    /// The service's endpoint (VIPs, ports, mode) and the task's attachments, copied in when the
    /// task was allocated, as SwarmKit copies the service's `Endpoint` into the task.
    public var serviceEndpoint: TaskServiceEndpoint? {
        get { storage.fields.serviceEndpoint }
        set { storage.fields.serviceEndpoint = newValue }
    }

    public init(id: TaskID, serviceID: ServiceID, serviceName: String, slot: Int, nodeID: NodeID?,
                desiredState: TaskState, status: TaskStatus, spec: TaskTemplate, specVersion: Int, createdAt: SimInstant) {
        storage = CopyOnWrite(Fields(id: id, serviceID: serviceID, serviceName: serviceName, slot: slot, nodeID: nodeID,
                         desiredState: desiredState, status: status, spec: SharedTemplate(spec), specVersion: specVersion,
                         createdAt: createdAt))
    }

    /// `web.3` for a replicated task, `app.<nodeID>` for a global one (as `docker service ps` names it).
    public var name: String {
        slot > 0 ? "\(serviceName).\(slot)" : "\(serviceName).\(nodeID?.rawValue ?? "")"
    }
}
