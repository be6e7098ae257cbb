import SimEngine

/// A node's role in the swarm.
public enum NodeRole: String, Sendable {
    case worker
    case manager
}

/// Whether the scheduler may use a node (`docker node update --availability`).
public enum NodeAvailability: String, Sendable, CaseIterable {
    case active
    case pause
    case drain
}

/// A node's STATUS as the leader records it (`api/types.proto` NodeStatus).
public enum NodeState: Int, Sendable {
    case unknown = 0
    case down = 1
    case ready = 2
    case disconnected = 3

    /// As `docker node ls` prints it (`Ready`).
    public var displayName: String {
        switch self {
        case .unknown: "Unknown"
        case .down: "Down"
        case .ready: "Ready"
        case .disconnected: "Disconnected"
        }
    }
}

/// What the node says about itself when it registers: hostname, platform, resources, engine labels.
public struct NodeDescription: Equatable, Sendable {
    public var hostname: String
    public var os: String = "linux"
    public var architecture: String = "x86_64"
    /// CPUs in units of 1e-9 CPU (SwarmKit's NanoCPUs).
    public var nanoCPUs: Int64
    public var memoryBytes: Int64
    /// `engine.labels.*`, sorted by key.
    public var engineLabels: [Label] = []
    public var engineVersion: String = "27.3.1"

    public init(hostname: String, nanoCPUs: Int64, memoryBytes: Int64) {
        self.hostname = hostname
        self.nanoCPUs = nanoCPUs
        self.memoryBytes = memoryBytes
    }
}

/// A key and value (node label, engine label), kept in sorted arrays so order is deterministic.
public struct Label: Equatable, Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

extension Array where Element == Label {
    /// The value for `key`, if present.
    public subscript(label key: String) -> String? {
        first { $0.key == key }?.value
    }

    /// Sets (or with nil removes) `key`, keeping the array sorted by key.
    public mutating func set(_ key: String, _ value: String?) {
        removeAll { $0.key == key }
        if let value {
            append(Label(key, value))
            sort { $0.key < $1.key }
        }
    }
}

/// A node's spec: what users set (`docker node update`).
public struct NodeSpec: Equatable, Sendable {
    public var desiredRole: NodeRole
    public var availability: NodeAvailability = .active
    /// `node.labels.*`, sorted by key.
    public var labels: [Label] = []

    public init(desiredRole: NodeRole) {
        self.desiredRole = desiredRole
    }
}

/// The node's observed status.
public struct NodeStatus: Equatable, Sendable {
    public var state: NodeState
    public var message: String = ""
    public var address: String = ""

    public init(state: NodeState, message: String = "") {
        self.state = state
        self.message = message
    }
}

/// A manager's place in Raft: its Raft ID and address.
public struct ManagerStatus: Equatable, Sendable {
    public var raftID: UInt64
    public var address: String

    public init(raftID: UInt64, address: String) {
        self.raftID = raftID
        self.address = address
    }
}

/// A node as the store holds it.
///
/// A value type whose fields (some 250 bytes, a dozen references) live in one copy-on-write box
/// (`CopyOnWrite`): the store, its changes and the sorted lists the managers read copy nodes
/// often, and each copy is then a retain. `"\(node)"` reads as it did with the fields inline.
public struct NodeObject: Equatable, Sendable, CustomReflectable {
    struct Fields: Equatable, Sendable {
        var id: NodeID
        var spec: NodeSpec
        var role: NodeRole
        var description: NodeDescription
        var status: NodeStatus
        var managerStatus: ManagerStatus?
        /// When the leader created the node object (`Meta.CreatedAt`, "Joined at").
        var createdAt: SimInstant = .zero
    }

    private var storage: CopyOnWrite<Fields>

    public init(id: NodeID, spec: NodeSpec, role: NodeRole, description: NodeDescription, status: NodeStatus) {
        storage = CopyOnWrite(Fields(id: id, spec: spec, role: role, description: description, status: status))
    }

    public var id: NodeID {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
    public var spec: NodeSpec {
        get { storage.fields.spec }
        set { storage.fields.spec = newValue }
    }
    /// Observed role (the role manager reconciles it with `spec.desiredRole`).
    public var role: NodeRole {
        get { storage.fields.role }
        set { storage.fields.role = newValue }
    }
    public var description: NodeDescription {
        get { storage.fields.description }
        set { storage.fields.description = newValue }
    }
    public var status: NodeStatus {
        get { storage.fields.status }
        set { storage.fields.status = newValue }
    }
    public var managerStatus: ManagerStatus? {
        get { storage.fields.managerStatus }
        set { storage.fields.managerStatus = newValue }
    }

    /// When the node joined: the leader's time as it created the node object.
    public var createdAt: SimInstant {
        get { storage.fields.createdAt }
        set { storage.fields.createdAt = newValue }
    }

    /// Reflects the fields, not the box.
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: storage.fields).children, displayStyle: .struct)
    }
}
