import SimEngine

extension ControlAPI {
    // MARK: - docker service create

    /// `docker service create`: the CLI resolves `--network` names (`network X not found`), then
    /// SwarmKit `CreateService` validates the spec (constraints, duplicate ports), refuses explicit
    /// attachment to the ingress network, checks published ports against other services, needs
    /// an ingress network for ingress ports, and refuses a name in use. Prints the new ID.
    static func createService(_ spec: ServiceSpec, context: ControlContext, random: inout RandomStream) -> ControlOutcome {
        let store = context.store
        var spec = spec
        switch resolveNetworks(spec.networks, store: store) {
        case let .failure(error): return .failure(error.text)
        case let .success(networks):
            if let ingress = networks.first(where: \.isIngress) {
                return .failure(ControlError(.swarmkit(.invalidArgument),
                                             "Service cannot be explicitly attached to the ingress network \"\(ingress.name)\"").text)
            }
            spec.networks = networks.map(\.name)
        }
        if let message = ServiceSpecValidation.validate(spec) {
            return .failure(ControlError(.swarmkit(.invalidArgument), message).text)
        }
        if let message = ServiceSpecValidation.checkPortConflicts(spec, serviceID: nil, store: store) {
            return .failure(ControlError(.swarmkit(.invalidArgument), message).text)
        }
        if let error = ingressNetworkError(for: spec, store: store) { return .failure(error.text) }
        if store.service(named: spec.name) != nil {
            return .failure(ControlError(.swarmkit(.alreadyExists),
                                         "name conflicts with an existing object: service \(spec.name) already exists").text)
        }
        let service = ServiceObject(id: SwarmID.generate(using: &random), spec: spec, createdAt: context.now)
        return .propose([.createService(service)], reply: service.id.rawValue)
    }

    /// The CLI's `convertNetworks`: each name resolved (`network X not found`), the attachments
    /// sorted by network ID.
    static func resolveNetworks(_ names: [String], store: ClusterStore) -> Result<[NetworkObject], ControlError> {
        var networks: [NetworkObject] = []
        for name in names {
            switch ObjectResolver.network(name, in: store) {
            case let .failure(error): return .failure(error)
            case let .success(network): networks.append(network)
            }
        }
        return .success(networks.sorted { $0.id < $1.id })
    }

    /// SwarmKit: a service publishing ports in ingress mode needs the ingress network.
    static func ingressNetworkError(for spec: ServiceSpec, store: ClusterStore) -> ControlError? {
        guard spec.endpoint.ports.contains(where: { $0.publishMode == .ingress }), store.ingressNetwork == nil else { return nil }
        return ControlError(.swarmkit(.failedPrecondition), "service needs ingress network, but no ingress network is present")
    }

    // MARK: - docker service update / rollback

    /// `docker service update SERVICE` (and `docker service rollback SERVICE`). Prints the service
    /// as typed.
    static func updateService(_ request: ServiceUpdateRequest, context: ControlContext) -> ControlOutcome {
        let store = context.store
        let service: ServiceObject
        switch ObjectResolver.service(request.service, in: store) {
        case let .failure(error): return .failure(error.text)
        case let .success(found): service = found
        }

        if request.rollback {
            if request.hasChanges {
                return .failure(ControlError(.client, "other flags may not be combined with --rollback").text)
            }
            guard let rolledBack = service.rolledBackManually(at: context.now) else {
                return .failure(ControlError(.swarmkit(.failedPrecondition),
                                             "service \(service.id) does not have a previous spec").text)
            }
            return .propose([.updateService(rolledBack)], reply: request.service)
        }

        var spec: ServiceSpec
        switch request.applied(to: service.spec) {
        case let .failure(error): return .failure(error.text)
        case let .success(updated): spec = updated
        }
        // The CLI looks up the networks it adds or removes; attachments stay sorted by ID.
        for name in request.networksToAdd + request.networksToRemove {
            if case let .failure(error) = ObjectResolver.network(name, in: store) { return .failure(error.text) }
        }
        if !request.networksToAdd.isEmpty || !request.networksToRemove.isEmpty,
           case let .success(networks) = resolveNetworks(spec.networks, store: store) {
            spec.networks = networks.map(\.name)
        }

        switch updated(service, to: spec, store: store) {
        case let .failure(error): return .failure(error.text)
        case let .success(updated): return .propose([.updateService(updated)], reply: request.service)
        }
    }

    /// SwarmKit `UpdateService` for a new spec: validation, port conflicts when the endpoint
    /// changed, no mode change, no rename, ingress present; then the previous spec is kept,
    /// the spec version moves on and the update status is cleared.
    static func updated(_ service: ServiceObject, to spec: ServiceSpec, store: ClusterStore) -> Result<ServiceObject, ControlError> {
        if let message = ServiceSpecValidation.validate(spec) {
            return .failure(ControlError(.swarmkit(.invalidArgument), message))
        }
        if spec.endpoint != service.spec.endpoint,
           let message = ServiceSpecValidation.checkPortConflicts(spec, serviceID: service.id, store: store) {
            return .failure(ControlError(.swarmkit(.invalidArgument), message))
        }
        if spec.mode.name != service.spec.mode.name {
            return .failure(ControlError(.swarmkit(.unimplemented), "service mode change is not allowed"))
        }
        if spec.name != service.spec.name {
            return .failure(ControlError(.swarmkit(.unimplemented), "renaming services is not supported"))
        }
        if let error = ingressNetworkError(for: spec, store: store) { return .failure(error) }
        return .success(service.updated(to: spec))
    }

    // MARK: - docker service scale

    /// `docker service scale SERVICE=N...`: for each, the CLI reads the service, refuses a
    /// non-replicated one, and updates its replica count; it goes on after an error and prints
    /// each error prefixed with the service as typed. Prints "web scaled to 8" per success (the
    /// progress display that follows without `--detach` is not modelled).
    static func scaleServices(_ targets: [ScaleTarget], context: ControlContext) -> ControlOutcome {
        var store = context.store
        var actions: [StoreAction] = []
        var output: [String] = []
        var errors: [String] = []
        for target in targets {
            guard target.replicas >= 0 else {
                // The CLI parses N with strconv.ParseUint.
                errors.append("\(target.service): invalid replicas value \(target.replicas): strconv.ParseUint: parsing \"\(target.replicas)\": invalid syntax")
                continue
            }
            let service: ServiceObject
            switch ObjectResolver.service(target.service, in: store) {
            case let .failure(error):
                errors.append("\(target.service): \(error.text)")
                continue
            case let .success(found): service = found
            }
            guard case .replicated = service.spec.mode else {
                errors.append("\(target.service): scale can only be used with replicated or replicated-job mode")
                continue
            }
            var spec = service.spec
            spec.mode = .replicated(replicas: target.replicas)
            switch updated(service, to: spec, store: store) {
            case let .failure(error):
                errors.append("\(target.service): \(error.text)")
            case let .success(updated):
                let action = StoreAction.updateService(updated)
                actions.append(action)
                store = applying([action], to: store)
                output.append("\(target.service) scaled to \(target.replicas)")
            }
        }
        return .combining(actions: actions, output: output, errors: errors)
    }

    // MARK: - docker service rm

    /// `docker service rm SERVICE...`: deletes each service (the orchestrators then move its
    /// tasks to desired REMOVE and the reaper deletes them). Goes on after an error; prints each
    /// service removed as typed.
    static func removeServices(_ names: [String], context: ControlContext) -> ControlOutcome {
        var store = context.store
        var actions: [StoreAction] = []
        var output: [String] = []
        var errors: [String] = []
        for name in names {
            switch ObjectResolver.service(name, in: store) {
            case let .failure(error):
                errors.append(error.text)
            case let .success(service):
                let action = StoreAction.deleteService(service.id)
                actions.append(action)
                store = applying([action], to: store)
                output.append(name)
            }
        }
        return .combining(actions: actions, output: output, errors: errors)
    }
}
