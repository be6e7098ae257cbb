/// One task's endpoint on one network, as the node running the task writes it into NetworkDB's
/// `endpoint_table` (libnetwork `agent.go` `addServiceInfoToCluster`, whose `EndpointRecord`
/// carries the service name and ID, the VIP, the ingress ports, the task's name and IP, and
/// whether the service binding is enabled: `ServiceDisabled` is an update of the entry with
/// the flag off, `disableServiceInNetworkDB`). Every node builds its load balancer and DNS
/// from these entries alone. Keyed in the table by the task ID.
public struct EndpointEntry: Equatable, Sendable {
    /// A published ingress port: what the routing mesh accepts and where it goes in the task.
    public struct IngressPort: Equatable, Sendable {
        public var published: Int
        public var target: Int
        public var proto: String
    }

    public var serviceID: String
    public var serviceName: String
    /// `web.3` (the task's name as `docker service ps` prints it).
    public var taskName: String
    /// `web.3.<taskID>`: the container's name, which the embedded DNS answers to.
    public var containerName: String
    /// The node the task runs on (for answers such as `web.3 on w2`).
    public var nodeName: String
    /// The task's address on this network, `10.0.1.5`.
    public var address: String
    /// The service's VIP on this network (empty for `dnsrr`).
    public var virtualIP: String
    public var mode: EndpointSpec.Mode
    /// Ports published through the routing mesh (on the ingress network's entry only).
    public var ingressPorts: [IngressPort]
    /// The service binding is active: the task is in the load balancer (weight 1) and DNS.
    public var enabled: Bool

    /// NetworkDB's table name for service endpoints (libnetwork `libnetworkEPTable`).
    public static let table = "endpoint_table"

    /// The entry as NetworkDB stores it: fields separated by a unit separator.
    public var encoded: String {
        let ports = ingressPorts.map { "\($0.published):\($0.target)/\($0.proto)" }.joined(separator: ",")
        return [serviceID, serviceName, taskName, containerName, nodeName, address, virtualIP, mode.rawValue, ports,
                enabled ? "1" : "0"].joined(separator: "\u{1F}")
    }

    /// Reads an entry written by `encoded`; nil for anything else.
    public init?(encoded: String) {
        let fields = encoded.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 10, let mode = EndpointSpec.Mode(rawValue: fields[7]) else { return nil }
        serviceID = fields[0]
        serviceName = fields[1]
        taskName = fields[2]
        containerName = fields[3]
        nodeName = fields[4]
        address = fields[5]
        virtualIP = fields[6]
        self.mode = mode
        ingressPorts = fields[8].split(separator: ",").compactMap { text in
            let parts = text.split(separator: "/")
            let numbers = parts.first?.split(separator: ":") ?? []
            guard parts.count == 2, numbers.count == 2, let published = Int(numbers[0]), let target = Int(numbers[1]) else {
                return nil
            }
            return IngressPort(published: published, target: target, proto: String(parts[1]))
        }
        enabled = fields[9] == "1"
    }

    public init(serviceID: String, serviceName: String, taskName: String, containerName: String, nodeName: String,
                address: String, virtualIP: String, mode: EndpointSpec.Mode, ingressPorts: [IngressPort], enabled: Bool) {
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.taskName = taskName
        self.containerName = containerName
        self.nodeName = nodeName
        self.address = address
        self.virtualIP = virtualIP
        self.mode = mode
        self.ingressPorts = ingressPorts
        self.enabled = enabled
    }
}
