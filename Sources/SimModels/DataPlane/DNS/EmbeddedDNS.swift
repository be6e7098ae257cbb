/// The embedded DNS server every container reaches at 127.0.0.11, answering from its node's
/// service table (moby `resolver.go` `handleIPQuery`, `service_common.go`
/// `addEndpointNameResolution`, `network.go` `addSvcRecords`; NETWORK_FACTS §2):
///
/// - `SERVICE` is the service's VIP while the node's load balancer holds any backend, or every
///   enabled task address for `dnsrr`;
/// - `tasks.SERVICE` is every enabled task address;
/// - a container name (`web.3.<taskID>`) is that task's address while it is enabled;
/// - only on the networks the asking container is on; the ingress network has no DNS.
///
/// The answer is in table order here; the node shuffles it for each query.
enum EmbeddedDNS {
    static let tasksPrefix = "tasks."

    /// The addresses `name` resolves to for a container on `networks`; empty: no answer.
    static func lookup(_ name: String, networks: [String], table: ServiceTable) -> [String] {
        for network in networks where network != NodeDataPlane.ingressNetwork {
            let answer = lookup(name, network: network, table: table)
            if !answer.isEmpty { return answer }
        }
        return []
    }

    private static func lookup(_ name: String, network: String, table: ServiceTable) -> [String] {
        if name.hasPrefix(tasksPrefix), let (_, balancer) = table.balancer(ofService: String(name.dropFirst(tasksPrefix.count)), on: network) {
            return balancer.enabled.map(\.entry.address)
        }
        if let (_, balancer) = table.balancer(ofService: name, on: network) {
            switch balancer.mode {
            case .vip: return balancer.virtualIP.isEmpty ? [] : [balancer.virtualIP]
            case .dnsrr: return balancer.enabled.map(\.entry.address)
            }
        }
        for balancer in table.balancers(on: network) {
            if let backend = balancer.enabled.first(where: { $0.entry.containerName == name }) { return [backend.entry.address] }
        }
        return []
    }
}
