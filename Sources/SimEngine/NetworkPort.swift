/// Where a message goes on its destination host: a port number and a transport, which is what
/// an inbound firewall rule matches (`iptables -A INPUT -p udp --dport 7946 -j DROP`).
///
/// A message type names its port (`NetworkMessage.port`); the network reads it only while some
/// firewall rule exists, so carrying it costs nothing otherwise.
public struct NetworkPort: Hashable, Sendable, CustomStringConvertible {
    /// The transport protocol of a port.
    public enum Transport: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        case tcp
        case udp

        public var description: String {
            switch self {
            case .tcp: "tcp"
            case .udp: "udp"
            }
        }
    }

    /// The port number; 0 for `ephemeral`.
    public var number: UInt16
    public var transport: Transport

    @inlinable
    public init(_ number: UInt16, _ transport: Transport) {
        self.number = number
        self.transport = transport
    }

    /// Not a listening port: an answer on a connection the receiver opened itself, which
    /// arrives on the receiver's ephemeral source port (a TCP response, a gRPC stream's
    /// messages). No rule on a service port matches it, as no `--dport` rule matches the
    /// replies to a host's own outgoing connections. Also what a message type that names no
    /// port is taken to be.
    public static let ephemeral = NetworkPort(0, .tcp)

    /// True for `ephemeral`.
    public var isEphemeral: Bool { number == 0 }

    /// `7946/udp`.
    public var description: String { isEphemeral ? "ephemeral" : "\(number)/\(transport)" }
}
