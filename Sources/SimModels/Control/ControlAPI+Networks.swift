import SimEngine

extension ControlAPI {
    /// Networks every engine has locally; dockerd refuses to create a network of the same name.
    static let predefinedNetworks: Set<String> = ["bridge", "host", "none"]
    static let localNetworks: Set<String> = ["docker_gwbridge"]

    /// `docker network create -d overlay [--subnet CIDR] NAME`: dockerd refuses a name that is
    /// taken ("network with name X already exists") or predefined; SwarmKit refuses a subnet it
    /// cannot parse. A network created without `--subnet` gets its `/24` from the allocator (the
    /// next free one of the default pool `10.0.0.0/8`); with one, it keeps it (gateway `.1`).
    /// An overlapping subnet is not refused here: as in SwarmKit, the allocator fails to allocate
    /// it. Prints the new network's ID.
    static func createNetwork(_ request: NetworkCreateRequest, context: ControlContext, random: inout RandomStream) -> ControlOutcome {
        let name = request.name
        if predefinedNetworks.contains(name) {
            return .failure(ControlError(.daemon, "operation is not permitted on predefined \(name) network ").text)
        }
        if context.store.network(named: name) != nil || localNetworks.contains(name) {
            return .failure(ControlError(.daemon, "network with name \(name) already exists").text)
        }
        var subnet = ""
        var gateway = ""
        if let text = request.subnet {
            guard let cidr = IPv4.parseCIDR(text) else {
                return .failure(ControlError(.swarmkit(.invalidArgument), "ipam configuration: invalid subnet \(text)").text)
            }
            let pool = AddressPool(base: cidr.base, prefix: cidr.prefix)
            subnet = "\(IPv4.format(pool.base))/\(pool.prefix)"
            gateway = IPv4.format(pool.gateway)
        }
        var network = NetworkObject(id: SwarmID.generate(using: &random), name: name, subnet: subnet, gateway: gateway)
        network.driver = request.driver
        return .propose([.createNetwork(network)], reply: network.id.rawValue)
    }
}
