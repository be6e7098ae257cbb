/// Every host's inbound firewall: the ports whose incoming packets are dropped, as
/// `iptables -A INPUT -p PROTO --dport PORT -j DROP` does. Senders see nothing come back and
/// time out; replies to a host's own outgoing connections (`NetworkPort.ephemeral`) pass.
///
/// Kept apart from the link topology: a rule is about a host's port, not a link, and applies to
/// a packet when it arrives (one in flight when the rule is added is dropped too).
public struct Firewall {
    /// Per host, the denied ports; hosts without rules have no entry.
    private var denied: [HostID: Set<NetworkPort>] = [:]
    /// The number of denied ports over every host: the network's hot path asks only this while
    /// it is 0.
    public private(set) var ruleCount = 0

    public init() {}

    /// Drops from now on every inbound packet to `number` on `host`: one transport, or both
    /// when `transport` is nil. Denying a port already denied does nothing.
    public mutating func deny(_ number: UInt16, _ transport: NetworkPort.Transport? = nil, on host: HostID) {
        precondition(number != 0, "a firewall rule needs a port number")
        for port in Self.ports(number, transport) where denied[host, default: []].insert(port).inserted {
            ruleCount += 1
        }
    }

    /// Removes the deny rule of `number` on `host` (one transport, or both when nil).
    public mutating func allow(_ number: UInt16, _ transport: NetworkPort.Transport? = nil, on host: HostID) {
        for port in Self.ports(number, transport) where denied[host]?.remove(port) != nil {
            ruleCount -= 1
        }
        if denied[host]?.isEmpty == true { denied[host] = nil }
    }

    /// True if a packet to `port` of `host` is dropped.
    /// - Complexity: O(1)
    public func drops(_ port: NetworkPort, on host: HostID) -> Bool {
        guard !port.isEphemeral, let ports = denied[host] else { return false }
        return ports.contains(port)
    }

    /// The ports denied on `host`, by number then transport.
    public func deniedPorts(on host: HostID) -> [NetworkPort] {
        (denied[host] ?? []).sorted { ($0.number, $0.transport.rawValue) < ($1.number, $1.transport.rawValue) }
    }

    private static func ports(_ number: UInt16, _ transport: NetworkPort.Transport?) -> [NetworkPort] {
        if let transport { return [NetworkPort(number, transport)] }
        return NetworkPort.Transport.allCases.map { NetworkPort(number, $0) }
    }
}
