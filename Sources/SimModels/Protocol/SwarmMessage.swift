import SimEngine

/// Everything Swarm nodes (and the CLI client) say to each other over the simulated network.
///
/// Requests to the managers (agents' dispatcher calls, joins, CLI control calls) may be sent to
/// any manager: a manager that is not the leader forwards them to the leader (`proxied`) and
/// relays the answer back (`relay`), as SwarmKit's raft proxies do. So a partition between a
/// client and the leader does not matter while some manager reaches both.
///
/// Small enough (17 bytes) to sit in the network's existential without a box of its own:
/// requests and replies are one reference each (`indirect` enums), and the two large cases are
/// `indirect`, so every copy on the way (existential, switch) is a retain rather than a copy of
/// every field, and most messages cost one allocation fewer.
public enum SwarmMessage: NetworkMessage {
    /// A Raft message between managers.
    indirect case raft(RaftMessage<StoreProposal, ClusterStore>)
    /// A request from `origin` (agent, joining node or CLI client) to the manager it reached.
    case request(ManagerRequest, origin: HostID)
    /// A follower forwarding `origin`'s request to the leader; answers go back through `proxy`.
    indirect case proxied(ManagerRequest, origin: HostID, proxy: HostID)
    /// An answer (or a pushed message) for the receiver.
    case reply(ManagerReply)
    /// An answer the leader sends through the proxy that forwarded the request, for `origin`.
    case relay(ManagerReply, origin: HostID)

    /// Requests and Raft messages go to the receiver's 2377/tcp; answers (and a session's pushed
    /// messages) come back on the connection the receiver opened, so no rule on 2377 stops them.
    public var port: NetworkPort {
        switch self {
        case .raft, .request, .proxied: DockerPorts.clusterManagement
        case .reply, .relay: .ephemeral
        }
    }

    /// Swarm nodes get the message typed; other receivers (the CLI client) get the envelope.
    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        if let node = software as? SwarmNode {
            node.receive(self, from: envelope.from)
        } else {
            software.receive(envelope)
        }
    }
}

/// What can be asked of the managers.
///
/// `indirect`, as are replies: a request is copied at every step of its way (out of the message,
/// into the proxied message, into the leader's handlers), and a box makes each copy a retain.
public indirect enum ManagerRequest: Sendable {
    case dispatcher(DispatcherRequest)
    case join(JoinRequest)
    case control(ControlRequest)
    /// The Raft member list, for `docker swarm leave` on a manager.
    case memberList(MemberListRequest)
}

/// What the managers answer (or push).
public indirect enum ManagerReply: Sendable {
    case dispatcher(DispatcherReply)
    case join(JoinReply)
    case control(ControlReply)
    case memberList(MemberListReply)
}
