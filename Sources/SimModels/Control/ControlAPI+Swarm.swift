import SimEngine

extension ControlAPI {
    // MARK: - docker service inspect --pretty

    /// `docker service inspect --pretty SERVICE...`: each service dockerd finds (by ID, name or
    /// ID prefix), one after the other with an empty line between, as the template prints them;
    /// the first service not found ends the command with dockerd's error.
    static func inspectServices(_ references: [String], context: ControlContext) -> ControlOutcome {
        var services: [ServiceObject] = []
        for reference in references {
            switch ObjectResolver.service(reference, in: context.store) {
            case let .success(service): services.append(service)
            case let .failure(error):
                return services.isEmpty ? .failure(error.text) : .partial([], reply: render(services, context), error: error.text)
            }
        }
        return .query(CommandOutput { [services] in render(services, context) })
    }

    private static func render(_ services: [ServiceObject], _ context: ControlContext) -> String {
        services.map { ServiceInspectView.pretty($0, store: context.store, now: context.now) }.joined(separator: "\n\n")
    }

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
