/// The checks SwarmKit's control API makes before it writes a service (`controlapi/service.go`),
/// with Docker's texts. The control-API shell calls these and refuses the request with the
/// returned message (Docker prints it after "Error response from daemon: rpc error: code =
/// InvalidArgument desc = ").
public enum ServiceSpecValidation {
    /// Checks a spec for `docker service create`; nil if it is acceptable.
    public static func validateCreate(_ spec: ServiceSpec, store: ClusterStore) -> String? {
        if let error = validate(spec) { return error }
        if let error = validateNetworks(spec, store: store) { return error }
        if store.service(named: spec.name) != nil { return "name conflicts with an existing object" }
        return checkPortConflicts(spec, serviceID: nil, store: store)
    }

    /// Checks a new spec for `docker service update` of `service`; nil if it is acceptable.
    public static func validateUpdate(_ spec: ServiceSpec, of service: ServiceObject, store: ClusterStore) -> String? {
        if let error = validate(spec) { return error }
        if spec.name != service.spec.name { return "renaming services is not supported" }
        if spec.mode.name != service.spec.mode.name { return "service mode change is not allowed" }
        if let error = validateNetworks(spec, store: store) { return error }
        return checkPortConflicts(spec, serviceID: service.id, store: store)
    }

    /// Networks are named in specs here: each must exist (moby resolves names first: "network %s
    /// not found"), and the ingress network cannot be attached explicitly (SwarmKit `validateNetworks`).
    public static func validateNetworks(_ spec: ServiceSpec, store: ClusterStore) -> String? {
        for name in spec.networks {
            guard let network = store.network(named: name) else { return "network \(name) not found" }
            if network.isIngress {
                return "Service cannot be explicitly attached to the ingress network \"\(network.name)\""
            }
        }
        return nil
    }

    /// The checks that need no store: placement constraints and the endpoint.
    public static func validate(_ spec: ServiceSpec) -> String? {
        if case let .failure(error) = PlacementConstraint.parse(spec.task.placement.constraints) {
            return error.message
        }
        var published: Set<String> = []
        for port in spec.endpoint.ports {
            guard let number = port.publishedPort, number != 0 else { continue }
            if !published.insert("\(port.proto)/\(number)").inserted {
                return "EndpointSpec: duplicate published ports provided"
            }
        }
        return nil
    }

    /// SwarmKit `checkPortConflicts`: an ingress port may not be published by another service in
    /// any mode, nor a host-mode port as ingress by another service. Services are checked in
    /// name order.
    public static func checkPortConflicts(_ spec: ServiceSpec, serviceID: ServiceID?, store: ClusterStore) -> String? {
        var ingress: Set<String> = []
        var host: Set<String> = []
        for port in spec.endpoint.ports {
            guard let number = port.publishedPort, number != 0 else { continue }
            switch port.publishMode {
            case .ingress: ingress.insert("\(port.proto)/\(number)")
            case .host: host.insert("\(port.proto)/\(number)")
            }
        }
        guard !ingress.isEmpty || !host.isEmpty else { return nil }

        func conflict(_ port: PortConfig, of other: ServiceObject) -> String? {
            guard let number = port.publishedPort, number != 0 else { return nil }
            let key = "\(port.proto)/\(number)"
            switch port.publishMode {
            case .host:
                if ingress.contains(key) {
                    return "port '\(number)' is already in use by service '\(other.spec.name)' (\(other.id)) as a host-published port"
                }
                // Several services may publish the same host-mode port: the scheduler keeps them apart.
                return nil
            case .ingress:
                if ingress.contains(key) || host.contains(key) {
                    return "port '\(number)' is already in use by service '\(other.spec.name)' (\(other.id)) as an ingress port"
                }
                return nil
            }
        }

        for other in store.servicesSortedByName where other.id != serviceID {
            for port in other.spec.endpoint.ports {
                if let error = conflict(port, of: other) { return error }
            }
            for port in other.endpoint.ports {
                if let error = conflict(port, of: other) { return error }
            }
        }
        return nil
    }
}
