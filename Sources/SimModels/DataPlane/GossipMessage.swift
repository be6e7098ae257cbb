import SimEngine

/// What gossip sends between hosts: memberlist's UDP packets and TCP exchanges, and NetworkDB's
/// bulk syncs. UDP packets and new TCP connections go to the peer's 7946; answers on a
/// connection the receiver opened (a push-pull's reply, a TCP ping's ack) come back to its
/// ephemeral port, so a firewall rule on 7946 of the asking node does not stop them, as
/// `iptables --dport 7946 -j DROP` would not.
public enum GossipMessage: NetworkMessage {
    /// A UDP packet: one message or a compound of several (memberlist `compoundMsg`).
    case packet([GossipPart])
    /// memberlist's TCP fallback ping (`sendPingAndWaitForAck`).
    case tcpPing(Ping)
    /// Its answer, on the same connection.
    case tcpAck(sequence: UInt32)
    /// A push-pull (`pushPullNode`): the sender's members and NetworkDB state.
    indirect case pushPull(PushPullState, exchange: UInt32, join: Bool)
    /// Its answer, on the same connection.
    indirect case pushPullReply(PushPullState, exchange: UInt32)
    /// A NetworkDB bulk sync (`SendReliable`, a TCP connection of its own).
    indirect case bulkSync(BulkSync)

    public var port: NetworkPort {
        switch self {
        case .packet: DockerPorts.gossipUDP
        case .tcpPing, .pushPull, .bulkSync: DockerPorts.gossipTCP
        case .tcpAck, .pushPullReply: .ephemeral
        }
    }

    /// Hands the message to the destination's NetworkDB, if it runs one.
    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        guard let hosting = software as? GossipHosting, let database = hosting.networkDB else { return }
        database.memberlist.receive(self, from: envelope.from)
    }
}

/// One message inside a gossip packet.
public enum GossipPart: Sendable {
    case ping(Ping)
    case indirectPing(IndirectPing)
    case ack(sequence: UInt32)
    case nack(sequence: UInt32)
    case alive(Alive)
    case suspect(Suspect)
    case dead(Dead)
    /// NetworkDB messages, which memberlist hands to its delegate (`NotifyMsg`).
    case nodeEvent(NodeEvent)
    case networkEvent(NetworkEvent)
    case tableEvent(TableEvent)

    /// Approximate bytes on the wire (msgpack or protobuf), for packing packets.
    var size: Int {
        switch self {
        case .ping, .indirectPing: 48
        case .ack, .nack: 12
        case .alive: 64
        case .suspect, .dead: 40
        case .nodeEvent: 40
        case let .networkEvent(event): 40 + event.network.utf8.count
        case let .tableEvent(event): event.size
        }
    }
}

/// A direct probe (`ping`): answer with an ack if you are `target`.
public struct Ping: Sendable {
    public var sequence: UInt32
    public var target: HostID
    public var source: HostID
}

/// Please probe `target` for `source` (`indirectPingReq`); answer `nack` if it does not answer.
public struct IndirectPing: Sendable {
    public var sequence: UInt32
    public var target: HostID
    public var source: HostID
    public var wantsNack: Bool
}

/// `alive`: the member runs, at this incarnation.
public struct Alive: Sendable {
    public var incarnation: UInt32
    public var node: HostID
}

/// `suspect`: `from` could not reach the member at this incarnation.
public struct Suspect: Sendable {
    public var incarnation: UInt32
    public var node: HostID
    public var from: HostID
}

/// `dead`: `from` declared the member failed (or the member left, when `from` is itself).
public struct Dead: Sendable {
    public var incarnation: UInt32
    public var node: HostID
    public var from: HostID
}

/// A member as a push-pull lists it (`pushNodeState`).
public struct PushNodeState: Sendable {
    public var node: HostID
    public var incarnation: UInt32
    public var state: MemberState.Status
}

/// A push-pull's content: memberlist's members and the delegate's state (NetworkDB's
/// `NetworkPushPull`: which node is on which network).
public struct PushPullState: Sendable {
    public var members: [PushNodeState]
    public var networks: NetworkPushPull
}
