import SimEngine

/// What one node's libnetwork knows of the services on its networks, from the endpoint entries
/// its NetworkDB holds: one load balancer per (service, network), the ingress ports they serve,
/// and the names its embedded DNS answers (moby `service_common.go` `addServiceBinding`,
/// `rmServiceBinding`; `service_linux.go` `programIngress`).
///
/// A load balancer lives while it holds any backend, disabled ones included; when its last
/// backend goes, so do its VIP record and its ingress ports (connections to them are then
/// refused, NETWORK_FACTS §3.1).
public struct ServiceTable: Sendable {
    struct Key: Hashable, Comparable, Sendable {
        var serviceID: String
        var networkID: String
        static func < (a: Key, b: Key) -> Bool { (a.serviceID, a.networkID) < (b.serviceID, b.networkID) }
    }

    private(set) var balancers: [Key: LoadBalancer] = [:]
    /// Where each (network, task) backend sits.
    private var backendPlace: [String: Key] = [:]
    /// Published ingress TCP port → the load balancer serving it.
    private var ingressPorts: [Int: Key] = [:]

    public init() {}

    private static func place(_ network: String, _ taskID: String) -> String { network + "/" + taskID }

    /// An entry was created or updated on `network` (locally, or learnt by gossip).
    mutating func upsert(network: String, taskID: String, entry: EndpointEntry, owner: HostID) {
        let key = Key(serviceID: entry.serviceID, networkID: network)
        balancers[key, default: LoadBalancer(entry: entry, networkID: network)].upsert(taskID: taskID, entry: entry, host: owner)
        backendPlace[Self.place(network, taskID)] = key
        for port in entry.ingressPorts where port.proto == "tcp" { ingressPorts[port.published] = key }
    }

    /// An entry was deleted: the backend goes, and the load balancer with its last backend.
    mutating func remove(network: String, taskID: String) {
        guard let key = backendPlace.removeValue(forKey: Self.place(network, taskID)) else { return }
        balancers[key]?.remove(taskID: taskID)
        guard let balancer = balancers[key], balancer.backends.isEmpty else { return }
        balancers[key] = nil
        for port in balancer.ingressPorts where ingressPorts[port.published] == key { ingressPorts[port.published] = nil }
    }

    /// The load balancer serving a published ingress TCP port, if any.
    func ingress(port: Int) -> Key? { ingressPorts[port] }

    /// Chooses a backend for a new connection to `key` (round robin, enabled backends only).
    mutating func schedule(_ key: Key) -> LoadBalancer.Backend? { balancers[key]?.schedule() }

    /// The load balancers of a network, by service ID.
    func balancers(on network: String) -> [LoadBalancer] {
        balancers.keys.filter { $0.networkID == network }.sorted().compactMap { balancers[$0] }
    }

    /// The load balancers of a service (by name), by network ID.
    public func balancers(ofService name: String) -> [LoadBalancer] {
        balancers.keys.sorted().compactMap { balancers[$0] }.filter { $0.serviceName == name }
    }

    /// The load balancer of `serviceName` on `network`, if this node holds one.
    func balancer(ofService name: String, on network: String) -> (Key, LoadBalancer)? {
        for key in balancers.keys.sorted() where key.networkID == network {
            if let balancer = balancers[key], balancer.serviceName == name { return (key, balancer) }
        }
        return nil
    }

    /// The published ingress ports this node serves now, ascending.
    public var openIngressPorts: [Int] { ingressPorts.keys.sorted() }
}
