import SimEngine

/// One IPVS service on one node: a service on one network, its backends in the order they
/// were added, and the round-robin scheduler's place (moby `service_linux.go` `addLBBackend`
/// with `SchedName: ipvs.RoundRobin`; the kernel's `ip_vs_rr.c` walks the destinations from
/// the last one chosen and skips those of weight 0). A choice is made once per connection,
/// and the rotation is the node's own: two nodes rotate independently (NETWORK_FACTS §3.1).
public struct LoadBalancer: Sendable {
    /// One destination: a task's address on the network, weight 1 while its service binding
    /// is enabled, 0 once disabled (an orderly stop: new connections skip it).
    public struct Backend: Sendable, Equatable {
        public var taskID: String
        public var entry: EndpointEntry
        /// The node the task runs on: where VXLAN sends its packets (the overlay peer entry).
        public var host: HostID
        public var weight: Int
    }

    public var serviceID: String
    public var serviceName: String
    public var networkID: String
    public var virtualIP: String
    public var mode: EndpointSpec.Mode
    public var ingressPorts: [EndpointEntry.IngressPort]
    public private(set) var backends: [Backend] = []
    /// The index of the last backend chosen (`ip_vs_rr`'s `sched_data`), -1 before any.
    private var last = -1

    init(entry: EndpointEntry, networkID: String) {
        serviceID = entry.serviceID
        serviceName = entry.serviceName
        self.networkID = networkID
        virtualIP = entry.virtualIP
        mode = entry.mode
        ingressPorts = entry.ingressPorts
    }

    /// The enabled backends (weight > 0).
    public var enabled: [Backend] { backends.filter { $0.weight > 0 } }

    /// Adds or updates the backend of `taskID` (weight from the entry's enabled flag).
    mutating func upsert(taskID: String, entry: EndpointEntry, host: HostID) {
        let backend = Backend(taskID: taskID, entry: entry, host: host, weight: entry.enabled ? 1 : 0)
        if let index = backends.firstIndex(where: { $0.taskID == taskID }) {
            backends[index] = backend
        } else {
            backends.append(backend)
        }
        if !entry.ingressPorts.isEmpty { ingressPorts = entry.ingressPorts }
    }

    /// Deletes the backend of `taskID` (`DelDestination`); the rotation keeps its place.
    mutating func remove(taskID: String) {
        guard let index = backends.firstIndex(where: { $0.taskID == taskID }) else { return }
        backends.remove(at: index)
        if last >= index { last -= 1 }
    }

    /// The next enabled backend after the last one chosen, or nil when none has weight > 0.
    mutating func schedule() -> Backend? {
        guard !backends.isEmpty else { return nil }
        for step in 1...backends.count {
            let index = (last + step + backends.count) % backends.count
            if backends[index].weight > 0 {
                last = index
                return backends[index]
            }
        }
        return nil
    }
}
