/// One published port of a container (`-p`), as Docker's `nat.PortBinding` under its container
/// port key: `-p 80:80` is `80/tcp` bound to host port `80` on every interface.
public struct ClassicPortBinding: Equatable, Hashable, Sendable {
    /// The container side with its protocol: `80/tcp`.
    public var containerPort: String
    /// The host address; empty (or `0.0.0.0`) binds every interface.
    public var hostIP: String
    /// The host port; empty when Docker picks one (`-p 80`).
    public var hostPort: String

    public init(containerPort: String, hostIP: String = "", hostPort: String) {
        self.containerPort = containerPort
        self.hostIP = hostIP
        self.hostPort = hostPort
    }

    /// Parses a `-p` value as docker's `nat.ParsePortSpec` reads the forms
    /// `ip:hostPort:containerPort`, `ip::containerPort`, `hostPort:containerPort` and
    /// `containerPort`, each with an optional `/proto` (tcp by default). Ranges are not read.
    public static func parse(_ spec: String) -> ClassicPortBinding? {
        var rest = Substring(spec)
        var proto = "tcp"
        if let slash = rest.lastIndex(of: "/") {
            proto = String(rest[rest.index(after: slash)...]).lowercased()
            rest = rest[..<slash]
            guard proto == "tcp" || proto == "udp" else { return nil }
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let ip: String, host: String, container: String
        switch parts.count {
        case 1: (ip, host, container) = ("", "", parts[0])
        case 2: (ip, host, container) = ("", parts[0], parts[1])
        case 3: (ip, host, container) = (parts[0], parts[1], parts[2])
        default: return nil
        }
        func isPort(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy(\.isASCII) && Int(text).map { (0...65535).contains($0) } == true }
        guard isPort(container), host.isEmpty || isPort(host) else { return nil }
        return ClassicPortBinding(containerPort: "\(container)/\(proto)", hostIP: ip, hostPort: host)
    }

    /// `bindsAllInterfaces` (`scheduler/filter/port.go`): no address, or the unspecified one
    /// (1.2's `IsUnspecified`; v1.1.3 knew only `0.0.0.0`, so there `::` was an address of its own).
    public var bindsAllInterfaces: Bool { hostIP.isEmpty || hostIP == "0.0.0.0" || hostIP == "::" }

    /// The port filter's `compare`: another binding on the same host port that shares an address
    /// (or either binds every interface) conflicts, whatever the protocol, as Swarm compares host
    /// ports alone; a binding with no host port never does.
    public func conflicts(with other: ClassicPortBinding) -> Bool {
        guard !other.hostPort.isEmpty, other.hostPort == hostPort else { return false }
        return hostIP == other.hostIP || bindsAllInterfaces || other.bindsAllInterfaces
    }
}
