import SimModels

/// Turns a timeline's docker command into the control API call the engine makes for it.
enum DockerCommandTranslation {
    /// The control call, or nil when a node reference (`leader`) names nobody now.
    static func control(for command: DockerCommand, resolve: (NodeReference) -> String?) -> ControlCommand? {
        func names(_ references: [NodeReference]) -> [String]? {
            let resolved = references.compactMap(resolve)
            return resolved.count == references.count ? resolved : nil
        }
        switch command {
        case let .serviceCreate(spec):
            return .serviceCreate(spec)
        case let .serviceUpdate(update):
            return .serviceUpdate(update.request)
        case let .serviceRollback(service):
            return .serviceRollback(service: service)
        case let .serviceScale(targets):
            return .serviceScale(targets.map { ScaleTarget(service: $0.service, replicas: $0.replicas) })
        case let .serviceRemove(services):
            return .serviceRemove(services)
        case let .serviceList(format):
            return .serviceList(format)
        case let .serviceTasks(services, format):
            return .serviceTasks(services, format)
        case let .nodeTasks(nodes, format):
            return names(nodes).map { .nodeTasks($0, format) }
        case let .serviceInspect(services):
            return .serviceInspect(services)
        case let .nodeInspect(nodes):
            return names(nodes).map { .nodeInspect($0) }
        case let .nodeUpdate(update):
            guard let node = resolve(update.node) else { return nil }
            return .nodeUpdate(NodeUpdateRequest(node: node, availability: update.availability, role: update.role,
                                                 labelsToAdd: update.labelsToAdd, labelsToRemove: update.labelsToRemove))
        case let .nodePromote(nodes):
            return names(nodes).map { .nodePromote($0) }
        case let .nodeDemote(nodes):
            return names(nodes).map { .nodeDemote($0) }
        case let .nodeRemove(nodes, force):
            return names(nodes).map { .nodeRemove($0, force: force) }
        case let .nodeList(format):
            return .nodeList(format)
        case let .networkCreate(network):
            return .networkCreate(NetworkCreateRequest(name: network.name, driver: network.driver, subnet: network.subnet))
        case .info:
            return .info
        case let .containerList(all, quiet):
            return .containerList(all: all, quiet: quiet)
        case let .swarmJoinToken(role, rotate, quiet):
            return .joinToken(role: role, rotate: rotate, quiet: quiet)
        case .swarmInit, .swarmJoin, .swarmLeave:
            return nil  // operations of the engine itself, not of the control API
        case .networkList, .networkInspect, .networkRemove:
            preconditionFailure("\(command.name) is refused by the loader until the data plane is wired (DataPlaneGate)")
        }
    }
}
