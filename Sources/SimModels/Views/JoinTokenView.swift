/// What `docker swarm join-token` and `docker swarm init` print about joining (docker/cli
/// `cli/command/swarm/join_token.go` `runJoinToken`, `printJoinCommand`; `init.go` `runInit`).
///
/// Docker 1.12 and 1.13 (the seeds) broke the join command over three lines with `\`; current
/// docker/cli prints it on one line, as here. The address is the manager's `ManagerStatus.Addr`
/// (its address and port 2377). Texts end without the final newline, as every output here does;
/// the empty line the CLI prints after the command is kept only between two paragraphs.
public enum JoinTokenView {
    /// "To add a worker to this swarm, run the following command:" and the command.
    public static func instructions(role: NodeRole, token: JoinToken, managerAddress: String) -> String {
        "To add a \(role.rawValue) to this swarm, run the following command:\n\n    docker swarm join --token \(token) \(managerAddress)\n"
    }

    /// `docker swarm join-token [-q] [--rotate] ROLE`: the rotation notice, then the token alone
    /// (`-q`) or the instructions.
    public static func render(role: NodeRole, token: JoinToken, managerAddress: String, rotated: Bool, quiet: Bool) -> String {
        if quiet { return token.description }
        let notice = rotated ? "Successfully rotated \(role.rawValue) join token.\n\n" : ""
        return notice + instructions(role: role, token: token, managerAddress: managerAddress).dropLast()
    }

    /// `docker swarm init`: the new node, how to add a worker, and how to learn the manager token.
    public static func initialized(nodeID: NodeID, workerToken: JoinToken, managerAddress: String) -> String {
        "Swarm initialized: current node (\(nodeID)) is now a manager.\n\n"
            + instructions(role: .worker, token: workerToken, managerAddress: managerAddress)
            + "\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions."
    }

    /// A manager's address as `ManagerStatus.Addr` gives it: its Raft address with port 2377.
    public static func managerAddress(_ raftAddress: String) -> String {
        raftAddress.contains(":") ? raftAddress : raftAddress + ":2377"
    }
}
