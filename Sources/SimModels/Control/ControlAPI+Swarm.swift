import SimEngine

extension ControlAPI {
    // MARK: - docker service|node inspect --pretty

    /// `docker service inspect --pretty SERVICE...`: each service dockerd finds (by ID, name or
    /// ID prefix), one after the other with an empty line between, as the template prints them;
    /// the first service not found ends the command with dockerd's error.
    static func inspectServices(_ references: [String], context: ControlContext) -> ControlOutcome {
        inspect(references, find: { ObjectResolver.service($0, in: context.store) }) {
            ServiceInspectView.pretty($0, store: context.store, now: context.now)
        }
    }

    /// `docker node inspect --pretty NODE...`: each node found as dockerd finds any (ID,
    /// hostname, ID prefix); the first one not found ends the command after those before it.
    static func inspectNodes(_ references: [String], context: ControlContext) -> ControlOutcome {
        inspect(references, find: { ObjectResolver.node($0, in: context.store) }) {
            NodeInspectView.pretty($0, raft: context.raft)
        }
    }

    /// The objects `references` name, each rendered by `pretty`, with an empty line between;
    /// the first reference not found ends the command after those before it.
    private static func inspect<Object: Sendable>(_ references: [String], find: (String) -> Result<Object, ControlError>,
                                                  pretty: @escaping @Sendable (Object) -> String) -> ControlOutcome {
        var objects: [Object] = []
        for reference in references {
            switch find(reference) {
            case let .success(object): objects.append(object)
            case let .failure(error):
                return objects.isEmpty ? .failure(error.text) : .partial([], reply: objects.map(pretty).joined(separator: "\n\n"), error: error.text)
            }
        }
        return .query(CommandOutput { [objects] in objects.map(pretty).joined(separator: "\n\n") })
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
