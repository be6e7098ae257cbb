import SimEngine

extension ControlAPI {
    // MARK: - docker swarm join-token

    /// `docker swarm join-token [-q] [--rotate] ROLE` on a manager: with `--rotate` the CLI
    /// updates the cluster with a new token for that role (SwarmKit `controlapi/cluster.go`
    /// `UpdateCluster`: `ca.GenerateJoinToken`, a new secret under the same root CA), then reads
    /// the cluster again and prints the token, or the join instructions with the queried
    /// manager's address.
    static func joinToken(role: NodeRole, rotate: Bool, quiet: Bool, context: ControlContext,
                          random: inout RandomStream) -> ControlOutcome {
        guard var cluster = context.store.cluster, let tokens = cluster.joinTokens else {
            return .failure(ControlError(.swarmkit(.notFound), "cluster not found").text)
        }
        let address = JoinTokenView.managerAddress(context.store.node(context.queriedNodeID)?.managerStatus?.address ?? "")
        guard rotate else {
            return .reply(JoinTokenView.render(role: role, token: tokens[role], managerAddress: address, rotated: false, quiet: quiet))
        }
        var rotated = tokens
        rotated[role] = JoinToken.generate(rootDigest: cluster.rootCADigest, using: &random)
        cluster.joinTokens = rotated
        return .propose([.putCluster(cluster)],
                        reply: JoinTokenView.render(role: role, token: rotated[role], managerAddress: address, rotated: true, quiet: quiet))
    }
}
