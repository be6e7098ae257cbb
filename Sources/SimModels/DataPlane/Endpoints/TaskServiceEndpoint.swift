/// What a task knows of its service's endpoint and networks, copied into the task when the
/// allocator gives it its addresses (SwarmKit `allocator/network.go` `allocateTask`: the task's
/// `Endpoint` is the service's, VIPs included, and its `Networks` attachments carry the whole
/// network objects). The node that runs the task writes its NetworkDB endpoint entries from
/// this and nothing else: it never reads the managers' store.
public struct TaskServiceEndpoint: Equatable, Sendable {
    /// One attachment: the network, its name, whether it is the routing mesh, the service's
    /// VIP on it (`10.0.1.2`, no prefix), and the task's own address on it.
    public struct Attachment: Equatable, Sendable {
        public var networkID: NetworkID
        public var networkName: String
        public var isIngress: Bool
        public var virtualIP: String
        public var taskAddress: String
    }

    public var attachments: [Attachment] = []
    /// The service's allocated ports (dynamic published ports filled in).
    public var ports: [PortConfig] = []
    public var mode: EndpointSpec.Mode = .vip

    public init() {}

    /// Built as the store applies a task's allocation: the service's endpoint and the networks,
    /// as they stand in the store at that entry (the same on every manager).
    static func make(task: TaskObject, networks: [NetworkAddress], services: [ServiceID: ServiceObject],
                     networkObjects: [NetworkID: NetworkObject]) -> TaskServiceEndpoint? {
        guard !networks.isEmpty, let service = services[task.serviceID] else { return nil }
        var endpoint = TaskServiceEndpoint()
        endpoint.ports = service.endpoint.ports
        endpoint.mode = service.spec.endpoint.mode
        for address in networks {
            guard let network = networkObjects[address.networkID] else { continue }
            let vip = service.endpoint.virtualIPs.first { $0.networkID == address.networkID }?.address ?? ""
            endpoint.attachments.append(Attachment(networkID: address.networkID, networkName: network.name,
                                                   isIngress: network.isIngress, virtualIP: Self.bare(vip),
                                                   taskAddress: Self.bare(address.address)))
        }
        return endpoint
    }

    /// `10.0.1.5/24` → `10.0.1.5`.
    static func bare(_ address: String) -> String {
        address.split(separator: "/").first.map(String.init) ?? address
    }
}
