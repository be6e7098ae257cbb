import SimEngine
@testable import SimModels

/// Builders for the control API and view tests: 25-character IDs derived from readable names
/// (`w1` → `w1xxxxxxxxxxxxxxxxxxxxxxx`), nodes, services, tasks and a Raft view.
enum ControlFixture {
    static let gib: Int64 = 1 << 30

    /// A 25-character ID that starts with `name`.
    static func id(_ name: String) -> SwarmID {
        SwarmID(name + String(repeating: "x", count: max(0, 25 - name.count)))
    }

    static func node(_ name: String, role: NodeRole = .worker, state: NodeState = .ready,
                     availability: NodeAvailability = .active, labels: [Label] = [], address: String? = nil) -> NodeObject {
        var spec = NodeSpec(desiredRole: role)
        spec.availability = availability
        spec.labels = labels
        var status = NodeStatus(state: state)
        status.address = address ?? "10.0.0.\(name.hasPrefix("m") ? 1 : 10)\(name.dropFirst())"
        return NodeObject(id: id(name), spec: spec, role: role,
                          description: NodeDescription(hostname: name, nanoCPUs: 4_000_000_000, memoryBytes: 8 * gib),
                          status: status)
    }

    static func service(_ name: String, replicas: Int = 1, image: String = "nginx:1.25", at: SimInstant = .zero,
                        configure: (inout ServiceSpec) -> Void = { _ in }) -> ServiceObject {
        var spec = ServiceSpec(name: name, image: image)
        spec.mode = .replicated(replicas: replicas)
        configure(&spec)
        return ServiceObject(id: id(name), spec: spec, createdAt: at)
    }

    static func task(_ name: String, of service: ServiceObject, slot: Int, node: String?, state: TaskState = .running,
                     desired: TaskState = .running, at: SimInstant = .zero, err: String = "") -> TaskObject {
        var status = TaskStatus(state: state, message: state.name, timestamp: at)
        status.err = err
        var task = TaskObject(id: id(name), serviceID: service.id, serviceName: service.spec.name, slot: slot,
                              nodeID: node.map { id($0) }, desiredState: desired, status: status,
                              spec: service.spec.task, specVersion: service.specVersion, createdAt: at)
        task.hostPorts = service.spec.endpoint.ports.filter { $0.publishMode == .host }
        return task
    }

    static let ingress = NetworkObject(id: id("ingress"), name: "ingress", subnet: "10.0.0.0/24", gateway: "10.0.0.1", isIngress: true)

    static func store(nodes: [NodeObject] = [], services: [ServiceObject] = [], tasks: [TaskObject] = [],
                      networks: [NetworkObject] = [ingress]) -> ClusterStore {
        var store = ClusterStore()
        var actions: [StoreAction] = [.putCluster(ClusterObject(id: id("cluster"), createdAt: .zero))]
        actions += networks.map { .createNetwork($0) }
        actions += nodes.map { .createNode($0) }
        actions += services.map { .createService($0) }
        actions += tasks.map { .createTask($0) }
        store.apply(actions)
        return store
    }

    /// A Raft view with one member per manager name, raft IDs 1, 2, 3…; the first is the leader
    /// and serves the request; `unreachable` lists the names the leader cannot reach.
    static func raft(_ managers: [String], unreachable: Set<String> = []) -> RaftView {
        let members = managers.enumerated().map { index, name in
            RaftView.Member(raftID: RaftNodeID(index + 1), nodeID: id(name), address: "10.0.0.1\(name.dropFirst()):2377",
                            reachability: unreachable.contains(name) ? .unreachable : .reachable)
        }
        return RaftView(members: members, leaderRaftID: managers.isEmpty ? nil : 1, selfRaftID: managers.isEmpty ? nil : 1)
    }

    static func context(_ store: ClusterStore, raft: RaftView, at seconds: Int64 = 100, queried: String = "m1") -> ControlContext {
        ControlContext(store: store, now: SimInstant.zero + .seconds(seconds), raft: raft, queriedNodeID: id(queried))
    }

    static func handle(_ command: ControlCommand, _ context: ControlContext, seed: UInt64 = 1) -> ControlOutcome {
        var random = RandomStream(seed: seed)
        return ControlAPI.handle(command, context: context, random: &random)
    }

    static func seconds(_ s: Int64) -> SimInstant { SimInstant.zero + .seconds(s) }
}
