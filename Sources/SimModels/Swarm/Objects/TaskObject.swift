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
/// A value type with copy-on-write storage: the fields (some 400 bytes, dozens of references)
/// live in one heap box, so the many copies a task goes through (store changes, Raft entries,
/// assignments, messages) cost one retain instead of copying every field. Writing through any
/// property copies the box first if it is shared, so value semantics are unchanged.
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
    }

    /// An immutable, shared `TaskTemplate`.
    final class SharedTemplate: Equatable, Sendable {
        let value: TaskTemplate
        init(_ value: TaskTemplate) { self.value = value }
        static func == (a: SharedTemplate, b: SharedTemplate) -> Bool { a === b || a.value == b.value }
    }

    final class Box: @unchecked Sendable {  // never mutated once shared (see `update`)
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Mutates the fields, first copying the box if another value shares it.
    private mutating func update(_ body: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        body(&box.fields)
    }

    public static func == (a: TaskObject, b: TaskObject) -> Bool {
        // Same box, same fields (no field is a floating-point value, so equality is reflexive).
        a.box === b.box || a.box.fields == b.box.fields
    }

    /// Reflects the fields, not the box, so `"\(task)"` (e.g. in a Raft entry's description)
    /// reads exactly as it did when the fields were stored inline.
    public var customMirror: Mirror {
        let fields = box.fields
        let children = Mirror(reflecting: fields).children.map { child -> Mirror.Child in
            child.label == "spec" ? (label: "spec", value: fields.spec.value) : child
        }
        return Mirror(self, children: children, displayStyle: .struct)
    }

    public var id: TaskID {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    public var serviceID: ServiceID {
        get { box.fields.serviceID }
        set { update { $0.serviceID = newValue } }
    }
    /// The service's name when the task was made (for `web.3` names).
    public var serviceName: String {
        get { box.fields.serviceName }
        set { update { $0.serviceName = newValue } }
    }
    /// 1-based replica slot; 0 for global tasks (which are per node).
    public var slot: Int {
        get { box.fields.slot }
        set { update { $0.slot = newValue } }
    }
    /// Set by the scheduler, or at creation for global tasks.
    public var nodeID: NodeID? {
        get { box.fields.nodeID }
        set { update { $0.nodeID = newValue } }
    }
    public var desiredState: TaskState {
        get { box.fields.desiredState }
        set { update { $0.desiredState = newValue } }
    }
    public var status: TaskStatus {
        get { box.fields.status }
        set { update { $0.status = newValue } }
    }
    /// What to run, copied from the service spec at creation.
    public var spec: TaskTemplate {
        get { box.fields.spec.value }
        set { update { $0.spec = SharedTemplate(newValue) } }
    }
    /// The service spec version the task was made from.
    public var specVersion: Int {
        get { box.fields.specVersion }
        set { update { $0.specVersion = newValue } }
    }
    /// Published ports in host mode and network attachments, set by the allocator.
    public var networks: [NetworkAddress] {
        get { box.fields.networks }
        set { update { $0.networks = newValue } }
    }
    public var hostPorts: [PortConfig] {
        get { box.fields.hostPorts }
        set { update { $0.hostPorts = newValue } }
    }
    /// The service's endpoint spec when the task was made (SwarmKit `Task.Endpoint.Spec`), for the
    /// update supervisor's dirty check; nil if unknown.
    public var endpoint: EndpointSpec? {
        get { box.fields.endpoint }
        set { update { $0.endpoint = newValue } }
    }
    public var createdAt: SimInstant {
        get { box.fields.createdAt }
        set { update { $0.createdAt = newValue } }
    }

    public init(id: TaskID, serviceID: ServiceID, serviceName: String, slot: Int, nodeID: NodeID?,
                desiredState: TaskState, status: TaskStatus, spec: TaskTemplate, specVersion: Int, createdAt: SimInstant) {
        box = Box(Fields(id: id, serviceID: serviceID, serviceName: serviceName, slot: slot, nodeID: nodeID,
                         desiredState: desiredState, status: status, spec: SharedTemplate(spec), specVersion: specVersion,
                         createdAt: createdAt))
    }

    /// `web.3` for a replicated task, `app.<nodeID>` for a global one (as `docker service ps` names it).
    public var name: String {
        slot > 0 ? "\(serviceName).\(slot)" : "\(serviceName).\(nodeID?.rawValue ?? "")"
    }
}
