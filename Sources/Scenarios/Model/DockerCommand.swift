import SimModels

/// A Docker CLI command of the timeline (SCENARIO_FORMAT §5), its flags read.
public enum DockerCommand: Equatable, Sendable {
    /// `docker swarm init [--force-new-cluster]`, on the `via` node.
    case swarmInit(forceNewCluster: Bool)
    /// `docker swarm join --token TOKEN|worker|manager [--availability A] [MANAGER[:2377]]`: the
    /// `via` node joins with the token's role.
    case swarmJoin(SwarmJoin)
    /// `docker swarm join-token [-q] [--rotate] worker|manager`: print (after rotating) a token.
    case swarmJoinToken(role: NodeRole, rotate: Bool, quiet: Bool)
    /// `docker swarm leave [--force]`, on the `via` node.
    case swarmLeave(force: Bool)
    /// `docker node update [--availability A] [--role R] [--label-add k=v] [--label-rm k] NODE`.
    case nodeUpdate(NodeUpdate)
    /// `docker node promote NODE...`
    case nodePromote([NodeReference])
    /// `docker node demote NODE...`
    case nodeDemote([NodeReference])
    /// `docker node rm [--force] NODE...`
    case nodeRemove([NodeReference], force: Bool)
    /// `docker node ls`
    case nodeList(ListFormat = ListFormat())
    /// `docker service create [flags] IMAGE [COMMAND...]`: the spec to create.
    case serviceCreate(ServiceSpec)
    /// `docker service update [flags] SERVICE`
    case serviceUpdate(ServiceUpdate)
    /// `docker service rollback SERVICE`
    case serviceRollback(service: String)
    /// `docker service scale SERVICE=N...`, in the order written.
    case serviceScale([ServiceScale])
    /// `docker service rm SERVICE...`
    case serviceRemove([String])
    /// `docker service ls`
    case serviceList(ListFormat = ListFormat())
    /// `docker service ps SERVICE...`
    case serviceTasks([String], ListFormat = ListFormat())
    /// `docker node ps [NODE...]` (no node: the `via` node)
    case nodeTasks([NodeReference], ListFormat = ListFormat())
    /// `docker service inspect --pretty SERVICE...`
    case serviceInspect([String])
    /// `docker node inspect --pretty NODE...`
    case nodeInspect([NodeReference])
    /// `docker network create -d overlay [--subnet CIDR] NAME`
    case networkCreate(NetworkCreation)
    /// `docker network ls`
    case networkList
    /// `docker network inspect NAME...`
    case networkInspect([String])
    /// `docker network rm NAME...`
    case networkRemove([String])
    /// `docker info`
    case info
    /// `docker ps [-a] [-q]` on the `via` node
    case containerList(all: Bool, quiet: Bool)

    /// The command's name as the user types it, for messages: `docker service scale`.
    public var name: String {
        switch self {
        case .swarmInit: "docker swarm init"
        case .swarmJoin: "docker swarm join"
        case .swarmJoinToken: "docker swarm join-token"
        case .swarmLeave: "docker swarm leave"
        case .nodeUpdate: "docker node update"
        case .nodePromote: "docker node promote"
        case .nodeDemote: "docker node demote"
        case .nodeRemove: "docker node rm"
        case .nodeList: "docker node ls"
        case .serviceCreate: "docker service create"
        case .serviceUpdate: "docker service update"
        case .serviceRollback: "docker service rollback"
        case .serviceScale: "docker service scale"
        case .serviceRemove: "docker service rm"
        case .serviceList: "docker service ls"
        case .serviceTasks: "docker service ps"
        case .serviceInspect: "docker service inspect"
        case .nodeInspect: "docker node inspect"
        case .nodeTasks: "docker node ps"
        case .networkCreate: "docker network create"
        case .networkList: "docker network ls"
        case .networkInspect: "docker network inspect"
        case .networkRemove: "docker network rm"
        case .info: "docker info"
        case .containerList: "docker ps"
        }
    }

    /// Whether the command only reads (its output, a table, goes into the timeline).
    public var isQuery: Bool {
        switch self {
        case .nodeList, .serviceList, .serviceTasks, .serviceInspect, .nodeInspect, .nodeTasks, .info, .containerList,
             .networkList, .networkInspect: true
        default: false
        }
    }
}
