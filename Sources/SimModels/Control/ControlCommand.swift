import SimEngine

/// A docker CLI request that the leader's control API serves (SCENARIO_FORMAT §5), after the
/// CLI's own parsing: names and node references are as the user typed them and are resolved
/// the way dockerd resolves them (full ID, then name, then ID prefix).
public enum ControlCommand: Equatable, Sendable {
    // MARK: Services

    /// `docker service create`: the full spec (networks by name).
    case serviceCreate(ServiceSpec)
    /// `docker service update [flags] [--force] [--rollback] SERVICE`.
    case serviceUpdate(ServiceUpdateRequest)
    /// `docker service rollback SERVICE` (the same as `update --rollback`).
    case serviceRollback(service: String)
    /// `docker service scale SERVICE=N...`, in the order written.
    case serviceScale([ScaleTarget])
    /// `docker service rm SERVICE...`
    case serviceRemove([String])

    // MARK: Nodes

    /// `docker node update [--availability A] [--role R] [--label-add k=v] [--label-rm k] NODE`.
    case nodeUpdate(NodeUpdateRequest)
    /// `docker node promote NODE...`
    case nodePromote([String])
    /// `docker node demote NODE...`
    case nodeDemote([String])
    /// `docker node rm [--force] NODE...`
    case nodeRemove([String], force: Bool)

    // MARK: Networks

    /// `docker network create -d overlay [--subnet CIDR] NAME`.
    case networkCreate(NetworkCreateRequest)

    // MARK: Swarm

    /// `docker swarm join-token [-q] [--rotate] worker|manager`.
    case joinToken(role: NodeRole, rotate: Bool, quiet: Bool)

    // MARK: Queries

    /// `docker node ls [-q]`
    case nodeList(ListFormat = ListFormat())
    /// `docker service ls [-q]`
    case serviceList(ListFormat = ListFormat())
    /// `docker service ps [-q] [--no-trunc] SERVICE...`
    case serviceTasks([String], ListFormat = ListFormat())
    /// `docker node ps [-q] [--no-trunc] [NODE...]` (no node: the one the CLI talks to)
    case nodeTasks([String], ListFormat = ListFormat())
    /// `docker service inspect --pretty SERVICE...`
    case serviceInspect([String])
    /// `docker node inspect --pretty NODE...`
    case nodeInspect([String])
    /// `docker info` (the Swarm section)
    case info
    /// `docker ps [-a] [-q]`: the engine's own containers, answered by the engine the CLI talks
    /// to (manager or not), never by the control API.
    case containerList(all: Bool, quiet: Bool)

    /// Whether the command only reads the store.
    public var isQuery: Bool {
        switch self {
        case .nodeList, .serviceList, .serviceTasks, .serviceInspect, .nodeInspect, .nodeTasks, .info, .containerList: true
        case let .joinToken(_, rotate, _): !rotate
        default: false
        }
    }
}

/// One `SERVICE=N` of `docker service scale`.
public struct ScaleTarget: Equatable, Sendable {
    public var service: String
    public var replicas: Int

    public init(service: String, replicas: Int) {
        self.service = service
        self.replicas = replicas
    }
}

/// What `docker node update` asks of one node.
public struct NodeUpdateRequest: Equatable, Sendable {
    /// The node as typed: an ID, a hostname or an ID prefix.
    public var node: String
    public var availability: NodeAvailability?
    /// `--role`; a demotion gets the checks `docker node demote` gets.
    public var role: NodeRole?
    /// `--label-add`, applied first, in order.
    public var labelsToAdd: [Label]
    /// `--label-rm`, applied after the additions; a missing key is the CLI's error.
    public var labelsToRemove: [String]

    public init(node: String, availability: NodeAvailability? = nil, role: NodeRole? = nil,
                labelsToAdd: [Label] = [], labelsToRemove: [String] = []) {
        self.node = node
        self.availability = availability
        self.role = role
        self.labelsToAdd = labelsToAdd
        self.labelsToRemove = labelsToRemove
    }
}

/// What `docker network create` asks for.
public struct NetworkCreateRequest: Equatable, Sendable {
    public var name: String
    /// `-d`; Swarm services can use `overlay` networks only.
    public var driver: String
    /// `--subnet` as written (`10.0.9.0/24`); nil to let the allocator take the next `/24` of the
    /// default pool.
    public var subnet: String?

    public init(name: String, driver: String = "overlay", subnet: String? = nil) {
        self.name = name
        self.driver = driver
        self.subnet = subnet
    }
}
