import SimEngine
@testable import SimModels

/// Small builders for the store, scheduler, orchestrator and allocator tests. IDs are readable
/// names ("w1", "web"), so sorting by ID sorts by name.
enum Fixture {
    static let gib: Int64 = 1 << 30
    static let cpu: Int64 = 1_000_000_000

    static func node(_ name: String, role: NodeRole = .worker, state: NodeState = .ready,
                     availability: NodeAvailability = .active, labels: [String: String] = [:],
                     engineLabels: [String: String] = [:], cpus: Int64 = 4, memoryGiB: Int64 = 8) -> NodeObject {
        var spec = NodeSpec(desiredRole: role)
        spec.availability = availability
        for key in labels.keys.sorted() { spec.labels.set(key, labels[key]) }
        var description = NodeDescription(hostname: name, nanoCPUs: cpus * cpu, memoryBytes: memoryGiB * gib)
        for key in engineLabels.keys.sorted() { description.engineLabels.set(key, engineLabels[key]) }
        return NodeObject(id: NodeID(name), spec: spec, role: role, description: description,
                          status: NodeStatus(state: state))
    }

    static func spec(_ name: String, replicas: Int = 1, image: String = "nginx:latest") -> ServiceSpec {
        var spec = ServiceSpec(name: name, image: image)
        spec.mode = .replicated(replicas: replicas)
        return spec
    }

    static func service(_ name: String, replicas: Int = 1, at: SimInstant = .zero,
                        configure: (inout ServiceSpec) -> Void = { _ in }) -> ServiceObject {
        var spec = spec(name, replicas: replicas)
        configure(&spec)
        return ServiceObject(id: ServiceID(name), spec: spec, createdAt: at)
    }

    static func globalService(_ name: String, configure: (inout ServiceSpec) -> Void = { _ in }) -> ServiceObject {
        service(name) { spec in
            spec.mode = .global
            configure(&spec)
        }
    }

    /// A task of `service` in `slot`, observed `state` on `node`.
    static func task(_ id: String, of service: ServiceObject, slot: Int, node: String? = nil,
                     state: TaskState = .running, desired: TaskState = .running, at: SimInstant = .zero) -> TaskObject {
        var task = TaskObject(id: TaskID(id), serviceID: service.id, serviceName: service.spec.name, slot: slot,
                              nodeID: node.map { NodeID($0) }, desiredState: desired,
                              status: TaskStatus(state: state, message: state.name, timestamp: at),
                              spec: service.spec.task, specVersion: service.specVersion, createdAt: at)
        task.endpoint = service.spec.endpoint
        task.hostPorts = service.spec.endpoint.ports.filter { $0.publishMode == .host }
        return task
    }

    static func status(_ state: TaskState, _ message: String = "", at: SimInstant = .zero) -> TaskStatus {
        TaskStatus(state: state, message: message.isEmpty ? state.name : message, timestamp: at)
    }

    /// A store holding `nodes`, `services` and `tasks`.
    static func store(nodes: [NodeObject] = [], services: [ServiceObject] = [], tasks: [TaskObject] = [],
                      cluster: Bool = true) -> ClusterStore {
        var store = ClusterStore()
        var actions: [StoreAction] = []
        if cluster { actions.append(.putCluster(ClusterObject(id: SwarmID("cluster"), createdAt: .zero))) }
        actions += nodes.map { .createNode($0) }
        actions += services.map { .createService($0) }
        actions += tasks.map { .createTask($0) }
        store.apply(actions)
        return store
    }

    static func seconds(_ s: Int64) -> SimInstant { SimInstant.zero + .seconds(s) }
    static func millis(_ ms: Int64) -> SimInstant { SimInstant.zero + .milliseconds(ms) }
}

extension Array where Element == StoreAction {
    /// The tasks these actions create.
    var createdTasks: [TaskObject] {
        compactMap { if case let .createTask(t) = $0 { t } else { nil } }
    }

    /// (task, state) of every desired-state change.
    var desiredStateChanges: [(TaskID, TaskState)] {
        compactMap { if case let .setDesiredState(id, s) = $0 { (id, s) } else { nil } }
    }

    var deletedTaskIDs: [TaskID] {
        compactMap { if case let .deleteTask(id) = $0 { id } else { nil } }
    }

    /// (task, node) of every assignment.
    var assignments: [(TaskID, NodeID)] {
        compactMap { if case let .assignTask(id, node, _) = $0 { (id, node) } else { nil } }
    }
}
