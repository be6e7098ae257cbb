import SimEngine

/// The leader's control API and the docker CLI around it, as pure functions: given a request,
/// the committed store and what the leader knows of Raft, what to propose and what the CLI
/// prints. No I/O and no timers; the manager shell proposes the actions through Raft and replies
/// once they commit.
///
/// Each command follows the path a real request takes: the CLI's own checks and its resolution
/// of names, dockerd's (moby `daemon/cluster`), then SwarmKit's (`manager/controlapi`), with the
/// texts each prints. A command over several objects runs its requests one after the other, each
/// seeing the previous one's writes, as the CLI's sequential API calls would.
public enum ControlAPI {
    /// Serves `command` against `context`; draws new object IDs from `random`.
    public static func handle(_ command: ControlCommand, context: ControlContext, random: inout RandomStream) -> ControlOutcome {
        switch command {
        case let .serviceCreate(spec):
            return createService(spec, context: context, random: &random)
        case let .serviceUpdate(request):
            return updateService(request, context: context)
        case let .serviceRollback(name):
            var request = ServiceUpdateRequest(service: name)
            request.rollback = true
            return updateService(request, context: context)
        case let .serviceScale(targets):
            return scaleServices(targets, context: context)
        case let .serviceRemove(names):
            return removeServices(names, context: context)
        case let .nodeUpdate(request):
            return updateNode(request, context: context)
        case let .nodePromote(nodes):
            return changeRoles(nodes, to: .manager, context: context)
        case let .nodeDemote(nodes):
            return changeRoles(nodes, to: .worker, context: context)
        case let .nodeRemove(nodes, force):
            return removeNodes(nodes, force: force, context: context)
        case let .networkCreate(request):
            return createNetwork(request, context: context, random: &random)
        case let .joinToken(role, rotate, quiet):
            return joinToken(role: role, rotate: rotate, quiet: quiet, context: context, random: &random)
        case let .nodeList(format):
            return NodeListView.outcome(store: context.store, raft: context.raft, selfNodeID: context.queriedNodeID, format: format)
        case let .serviceList(format):
            return ServiceListView.outcome(store: context.store, format: format)
        case let .serviceTasks(services, format):
            return TaskListView.outcome(services: services, store: context.store, now: context.now, format: format)
        case let .nodeTasks(nodes, format):
            return TaskListView.outcome(nodes: nodes, queried: context.queriedNodeID, store: context.store, now: context.now, format: format)
        case let .serviceInspect(services):
            return inspectServices(services, context: context)
        case let .nodeInspect(nodes):
            return inspectNodes(nodes, context: context)
        case .containerList:
            // The engine answers it before any manager sees it (`SwarmNode.receive`).
            return .failure("docker ps is answered by the engine, not the control API")
        case .info:
            return .query(CommandOutput {
                InfoView.render(store: context.store, raft: context.raft, nodeID: context.queriedNodeID, settings: context.info)
            })
        }
    }

    /// Applies `actions` to a scratch copy of the store, so that the next request of a
    /// multi-object command sees them.
    static func applying(_ actions: [StoreAction], to store: ClusterStore) -> ClusterStore {
        var copy = store
        copy.apply(actions)
        return copy
    }
}
