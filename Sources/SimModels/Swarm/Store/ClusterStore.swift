import SimEngine

/// A replicated slot: (service, slot number) for a replicated task, (service, node) for a
/// global one. SwarmKit's `instanceTuple` / `SlotTuple`.
public struct SlotKey: DigestHashable, Comparable, Sendable, CustomStringConvertible {
    public var serviceID: ServiceID
    /// 1-based for replicated tasks; 0 for global tasks.
    public var slot: Int
    /// Set for global tasks only.
    public var nodeID: NodeID?

    public init(serviceID: ServiceID, slot: Int, nodeID: NodeID?) {
        self.serviceID = serviceID
        self.slot = slot
        self.nodeID = slot > 0 ? nil : nodeID
    }

    /// The slot `task` belongs to.
    public init(_ task: TaskObject) {
        self.init(serviceID: task.serviceID, slot: task.slot, nodeID: task.nodeID)
    }

    /// One word from the service's digest, the slot and the node's digest.
    public var hashDigest: UInt64 {
        (serviceID.hashDigest &* 31 &+ UInt64(bitPattern: Int64(slot))) ^ ((nodeID?.hashDigest ?? 0) &* 0x9E37_79B9_7F4A_7C15)
    }

    public static func < (a: SlotKey, b: SlotKey) -> Bool {
        if a.serviceID != b.serviceID { return a.serviceID < b.serviceID }
        if a.slot != b.slot { return a.slot < b.slot }
        return (a.nodeID?.rawValue ?? "") < (b.nodeID?.rawValue ?? "")
    }

    public var description: String {
        slot > 0 ? "\(serviceID.short).\(slot)" : "\(serviceID.short).\(nodeID?.short ?? "-")"
    }
}

/// A published port in host mode, as the scheduler's HostPortFilter keys it.
public struct HostPort: Hashable, Comparable, Sendable {
    public var proto: String
    public var port: Int

    public init(proto: String, port: Int) {
        self.proto = proto
        self.port = port
    }

    public static func < (a: HostPort, b: HostPort) -> Bool {
        a.port != b.port ? a.port < b.port : a.proto < b.proto
    }
}

/// What the tasks assigned to a node use, kept up to date by the store for the scheduler
/// (SwarmKit's `NodeInfo`: tasks observed ASSIGNED..RUNNING count; those desired at most
/// COMPLETE are "active").
public struct NodeUsage: Equatable, Sendable {
    /// Tasks observed ASSIGNED..RUNNING on the node.
    public var tasks: Int = 0
    public var reservedNanoCPUs: Int64 = 0
    public var reservedMemoryBytes: Int64 = 0
    /// Of `tasks`, those whose desired state is at most COMPLETE.
    public var activeTasks: Int = 0
    public var activeTasksByService: [ServiceID: Int] = [:]
    /// Host-mode published ports in use, with the number of tasks using each.
    public var hostPorts: [HostPort: Int] = [:]

    public init() {}

    public var isEmpty: Bool { tasks == 0 }
}

/// The replicated state machine: nodes, services, tasks, networks and the cluster object, with
/// the indexes SwarmKit's memory store keeps (by service, by node, by slot) and the per-node usage
/// the scheduler needs. A value type: managers each hold one and apply committed actions to it.
///
/// Accessors that return several objects return them in a documented, deterministic order.
public struct ClusterStore: Equatable, Sendable {
    /// Everything below lives in one copy-on-write box: copying a store (a snapshot, the
    /// dispatcher's view, an observer's look) retains one reference instead of every table.
    var storage = CopyOnWrite(Tables())

    public internal(set) var cluster: ClusterObject? {
        get { storage.fields.cluster }
        _modify { yield &storage.fields.cluster }
    }
    public internal(set) var nodes: [NodeID: NodeObject] {
        get { storage.fields.nodes }
        _modify { yield &storage.fields.nodes }
    }
    public internal(set) var services: [ServiceID: ServiceObject] {
        get { storage.fields.services }
        _modify { yield &storage.fields.services }
    }
    public internal(set) var tasks: [TaskID: TaskObject] {
        get { storage.fields.tasks }
        _modify { yield &storage.fields.tasks }
    }
    public internal(set) var networks: [NetworkID: NetworkObject] {
        get { storage.fields.networks }
        _modify { yield &storage.fields.networks }
    }

    // MARK: Indexes (derived; rebuilt identically on every manager by applying the same actions)

    var tasksByService: [ServiceID: Set<TaskID>] {
        get { storage.fields.tasksByService }
        _modify { yield &storage.fields.tasksByService }
    }
    var tasksByNode: [NodeID: Set<TaskID>] {
        get { storage.fields.tasksByNode }
        _modify { yield &storage.fields.tasksByNode }
    }
    /// Task IDs of each slot in creation order.
    var tasksBySlot: [SlotKey: [TaskID]] {
        get { storage.fields.tasksBySlot }
        _modify { yield &storage.fields.tasksBySlot }
    }
    /// Creation order of tasks and networks (an apply counter, identical on every manager).
    var taskSequence: [TaskID: UInt64] {
        get { storage.fields.taskSequence }
        _modify { yield &storage.fields.taskSequence }
    }
    var networkSequence: [NetworkID: UInt64] {
        get { storage.fields.networkSequence }
        _modify { yield &storage.fields.networkSequence }
    }
    var nextSequence: UInt64 {
        get { storage.fields.nextSequence }
        _modify { yield &storage.fields.nextSequence }
    }
    var serviceIDsByName: [String: ServiceID] {
        get { storage.fields.serviceIDsByName }
        _modify { yield &storage.fields.serviceIDsByName }
    }
    var networkIDsByName: [String: NetworkID] {
        get { storage.fields.networkIDsByName }
        _modify { yield &storage.fields.networkIDsByName }
    }
    var usageByNode: [NodeID: NodeUsage] {
        get { storage.fields.usageByNode }
        _modify { yield &storage.fields.usageByNode }
    }
    /// Tasks observed NEW (waiting for the allocator) and PENDING (waiting for the scheduler).
    var newTaskIDs: Set<TaskID> {
        get { storage.fields.newTaskIDs }
        _modify { yield &storage.fields.newTaskIDs }
    }
    var pendingTaskIDs: Set<TaskID> {
        get { storage.fields.pendingTaskIDs }
        _modify { yield &storage.fields.pendingTaskIDs }
    }

    /// How many changes have been applied (a cheap "has anything changed" stamp).
    public internal(set) var changeCount: UInt64 {
        get { storage.fields.changeCount }
        _modify { yield &storage.fields.changeCount }
    }
    /// How many of those changes were to node objects (created, updated, deleted).
    public internal(set) var nodeChangeCount: UInt64 {
        get { storage.fields.nodeChangeCount }
        _modify { yield &storage.fields.nodeChangeCount }
    }

    public init() {}

    // MARK: - Single lookups (O(1))

    public func node(_ id: NodeID) -> NodeObject? { nodes[id] }
    public func service(_ id: ServiceID) -> ServiceObject? { services[id] }
    public func task(_ id: TaskID) -> TaskObject? { tasks[id] }
    public func network(_ id: NetworkID) -> NetworkObject? { networks[id] }

    public func service(named name: String) -> ServiceObject? {
        serviceIDsByName[name].flatMap { services[$0] }
    }

    public func network(named name: String) -> NetworkObject? {
        networkIDsByName[name].flatMap { networks[$0] }
    }

    /// The ingress network, if one exists.
    public var ingressNetwork: NetworkObject? {
        networksSorted.first { $0.isIngress }
    }

    /// What the tasks on `node` use (zero if none).
    /// - Complexity: O(1)
    public func usage(ofNode id: NodeID) -> NodeUsage { usageByNode[id] ?? NodeUsage() }

    /// The order in which `task` was created (smaller is older).
    public func creationSequence(ofTask id: TaskID) -> UInt64 { taskSequence[id] ?? .max }

    // MARK: - Ordered collections

    /// Every node, sorted by ID.
    /// - Complexity: O(n log n)
    public var nodesSorted: [NodeObject] {
        nodes.keys.sorted().map { nodes[$0]! }
    }

    /// Every service, sorted by name.
    /// - Complexity: O(n log n)
    public var servicesSortedByName: [ServiceObject] {
        serviceIDsByName.keys.sorted().map { services[serviceIDsByName[$0]!]! }
    }

    /// Every network, in creation order.
    public var networksSorted: [NetworkObject] {
        networks.keys.sorted { networkSequence[$0]! < networkSequence[$1]! }.map { networks[$0]! }
    }

    /// Every task, in creation order.
    /// - Complexity: O(n log n)
    public var tasksSorted: [TaskObject] {
        var keyed = taskSequence.map { (seq: $0.value, id: $0.key) }
        keyed.sort { $0.seq < $1.seq }
        return keyed.map { tasks[$0.id]! }
    }

    /// The tasks of a service, sorted by slot, then node (global), then creation.
    /// - Complexity: O(k log k) for k tasks of the service.
    public func tasks(ofService id: ServiceID) -> [TaskObject] {
        guard let ids = tasksByService[id] else { return [] }
        // Sort plain keys, not the (large) task values.
        let list = ids.map { tasks[$0]! }
        let slots = list.map(\.slot)
        let nodes = list.map { $0.slot == 0 ? ($0.nodeID?.rawValue ?? "") : "" }
        let sequences = ids.map { taskSequence[$0]! }
        var order = Array(list.indices)
        order.sort { i, j in
            if slots[i] != slots[j] { return slots[i] < slots[j] }
            if nodes[i] != nodes[j] { return nodes[i] < nodes[j] }
            return sequences[i] < sequences[j]
        }
        return order.map { list[$0] }
    }

    /// Number of tasks of a service (any state). O(1).
    public func taskCount(ofService id: ServiceID) -> Int { tasksByService[id]?.count ?? 0 }

    /// The tasks on a node, in creation order.
    /// - Complexity: O(k log k) for k tasks on the node.
    public func tasks(onNode id: NodeID) -> [TaskObject] {
        guard let ids = tasksByNode[id] else { return [] }
        return sortedByCreation(Array(ids))
    }

    /// The tasks of one slot, in creation order.
    /// - Complexity: O(k) for k tasks in the slot.
    public func tasks(inSlot key: SlotKey) -> [TaskObject] {
        (tasksBySlot[key] ?? []).map { tasks[$0]! }
    }

    /// The replicated slots holding more than one task (of any state), each with its tasks in
    /// creation order. In no particular order of slots.
    /// - Complexity: O(slots), plus the tasks of the slots returned.
    public var slotsWithSeveralTasks: [(key: SlotKey, tasks: [TaskObject])] {
        tasksBySlot.compactMap { key, ids in
            key.slot > 0 && ids.count > 1 ? (key, ids.map { tasks[$0]! }) : nil
        }
    }

    /// Tasks observed NEW, in creation order (the allocator's queue).
    public var newTasks: [TaskObject] { sortedByCreation(Array(newTaskIDs)) }

    /// Tasks observed PENDING, in creation order (the scheduler's queue, pre-assigned ones included).
    public var pendingTasks: [TaskObject] { sortedByCreation(Array(pendingTaskIDs)) }

    /// Whether any task waits for the scheduler. O(1).
    public var hasPendingTasks: Bool { !pendingTaskIDs.isEmpty }

    /// Whether any task waits for the allocator. O(1).
    public var hasNewTasks: Bool { !newTaskIDs.isEmpty }

    func sortedByCreation(_ ids: [TaskID]) -> [TaskObject] {
        var keyed = ids.map { (seq: taskSequence[$0]!, id: $0) }
        keyed.sort { $0.seq < $1.seq }
        return keyed.map { tasks[$0.id]! }
    }
}

// MARK: - The dispatcher's view

extension ClusterStore: DispatcherStore {
    public var nodesSortedByID: [NodeObject] { nodesSorted }

    public func tasksAssigned(to node: NodeID) -> [TaskObject] {
        guard let ids = tasksByNode[node] else { return [] }
        return ids.sorted().compactMap { id in
            let t = tasks[id]!
            return t.status.state >= .assigned ? t : nil
        }
    }
}
