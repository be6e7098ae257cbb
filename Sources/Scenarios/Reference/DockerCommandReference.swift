/// The docker commands a timeline may issue; the keyword is `GROUP SUBCOMMAND` as the loader's
/// `dockerCommands` table names it (a test keeps the two in step).
public enum DockerCommandReference {
    public static let entries: [ReferenceEntry] = [
        ReferenceEntry("swarm init", "docker swarm init [--force-new-cluster]", "on the via node: a new swarm, or a new one-manager cluster from its Raft data"),
        ReferenceEntry("swarm join", "docker swarm join --token TOKEN|worker|manager [--availability active|pause|drain] [MANAGER[:2377]]",
                       "the via node joins with its token's role (worker or manager: that role's token at that instant); a wrong token gets Docker's error"),
        ReferenceEntry("swarm join-token", "docker swarm join-token [-q] [--rotate] worker|manager", "print (after --rotate, a new) join token or the command to join with it"),
        ReferenceEntry("swarm leave", "docker swarm leave [--force]", "the via node leaves the swarm"),
        ReferenceEntry("node update", "docker node update [--availability active|pause|drain] [--role manager|worker] [--label-add KEY=VALUE] [--label-rm KEY] NODE",
                       "change a node's availability, role or labels; a NODE of a docker command is a name, leader, NAME.id (the node's ID then) or NAME.id:N (its first N characters), which dockerd resolves as it resolves IDs and prefixes"),
        ReferenceEntry("node promote", "docker node promote NODE...", "make workers managers"),
        ReferenceEntry("node demote", "docker node demote NODE...", "make managers workers"),
        ReferenceEntry("node rm", "docker node rm [--force] NODE...", "remove nodes from the swarm (also: remove)"),
        ReferenceEntry("node ls", "docker node ls [-q]", "query: the node table, as that manager prints it (also: list)"),
        ReferenceEntry("node ps", "docker node ps [-q] [--no-trunc] [NODE...]", "query: the tasks on the nodes (default: the via node), as `docker service ps` prints them"),
        ReferenceEntry("service create", "docker service create [flags] IMAGE [COMMAND...]", "create a service (its flags below)"),
        ReferenceEntry("service update", "docker service update [flags] [--image IMAGE] [--force] [--rollback] SERVICE", "change a service (its flags below)"),
        ReferenceEntry("service scale", "docker service scale SERVICE=N...", "set the replicas of services"),
        ReferenceEntry("service rm", "docker service rm SERVICE...", "remove services (also: remove)"),
        ReferenceEntry("service ls", "docker service ls [-q]", "query: the service table (also: list)"),
        ReferenceEntry("service ps", "docker service ps [-q] [--no-trunc] SERVICE...", "query: the service's tasks"),
        ReferenceEntry("service rollback", "docker service rollback SERVICE", "go back to the previous spec"),
        ReferenceEntry("service inspect", "docker service inspect --pretty SERVICE...", "query: the service as `--pretty` prints it (docker/cli's template)"),
        ReferenceEntry("network create", "docker network create -d overlay [--subnet CIDR] [--attachable] NAME", "create an overlay network"),
        ReferenceEntry("network ls", "docker network ls", "query: the networks that engine knows (a worker lists an overlay only while it runs a task on it) (also: list)"),
        ReferenceEntry("network inspect", "docker network inspect NETWORK...", "query: the networks as JSON, as Docker prints them"),
        ReferenceEntry("network rm", "docker network rm NETWORK...", "remove networks no service or task uses (also: remove)"),
        ReferenceEntry("exec", "docker exec TASK ping -c N NAME | docker exec TASK nslookup NAME",
                       "from a task's container (web.1, app@w1): resolve the name by the node's embedded DNS, then reach it; or print the addresses it returns"),
        ReferenceEntry("info", "docker info", "query: the engine's swarm section"),
    ]
}
