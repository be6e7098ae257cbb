import SimEngine

extension ManagerNode {
    /// How long a manager waits for a leader on behalf of a caller, as the caller's gRPC
    /// deadline bounds SwarmKit's `LeaderConn` polling: dockerd gives control calls 20 s
    /// (`swarmRequestTimeout`), agents give dispatcher calls 5 s, joins retry every second.
    static func pollDeadline(for request: ManagerRequest) -> SimDuration {
        switch request {
        case .control, .memberList: .seconds(20)
        case .dispatcher: .seconds(5)
        case .join: .seconds(1)
        }
    }

    /// A request that reached this manager, directly from `origin` (`proxy == nil`) or forwarded
    /// by the follower `proxy`. The leader serves it; a follower forwards it to the leader.
    ///
    /// With no leader known, SwarmKit's `LeaderConn` fails at once after more than
    /// `lostQuorumTicks` ticks without a leader ("The swarm does not have a leader"), and until
    /// then polls for a leader every second until the caller's deadline passes.
    func handle(_ request: ManagerRequest, origin: HostID, proxy: HostID?, deadline: SimInstant? = nil) {
        guard !isStopped else { return }
        if let runtime = leaderRuntime {
            runtime.handle(request, origin: origin, proxy: proxy ?? hostID)
            return
        }
        if let proxy {
            // Forwarded to us, but we no longer lead: answer through the proxy.
            answer(request, failure: "rpc error: code = Unavailable desc = this node is not the leader", origin: origin, proxy: proxy)
            return
        }
        if let leader = leaderHost, leader != hostID {
            simulation.network.send(SwarmMessage.proxied(request, origin: origin, proxy: hostID), from: hostID, to: leader)
            return
        }
        // Only a call that arrives after too long without a leader fails at once; one already
        // polling goes on until its deadline (LeaderConn does not look again).
        if leaderHost == hostID || deadline != nil || !raft.node.hasBeenLeaderlessTooLong {
            let deadline = deadline ?? simulation.now + Self.pollDeadline(for: request)
            guard simulation.now + .seconds(1) < deadline else { return }  // the caller has given up
            simulation.schedule(after: .seconds(1), for: self) { manager in
                manager.handle(request, origin: origin, proxy: nil, deadline: deadline)
            }
            return
        }
        answer(request, failure: ManagerNode.noLeaderMessage, origin: origin, proxy: hostID)
    }

    /// SwarmKit's `lostQuorumMessage`, as the gRPC status dockerd passes on (code Unknown).
    public static let noLeaderMessage = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online."

    /// Sends a reply to `origin`, through `proxy` unless this manager is the proxy.
    func route(_ reply: ManagerReply, origin: HostID, proxy: HostID) {
        if proxy == hostID {
            simulation.network.send(SwarmMessage.reply(reply), from: hostID, to: origin)
        } else {
            simulation.network.send(SwarmMessage.relay(reply, origin: origin), from: hostID, to: proxy)
        }
    }

    /// Relays the leader's answer to the client that asked this manager.
    func relay(_ reply: ManagerReply, origin: HostID) {
        simulation.network.send(SwarmMessage.reply(reply), from: hostID, to: origin)
    }

    func answer(_ request: ManagerRequest, failure: String, origin: HostID, proxy: HostID) {
        switch request {
        case let .dispatcher(dispatcherRequest):
            let reply = DispatcherReply(requestID: dispatcherRequest.requestID, sessionID: dispatcherRequest.sessionID, body: .failed(failure))
            route(.dispatcher(reply), origin: origin, proxy: proxy)
        case let .join(join):
            route(.join(JoinReply(requestID: join.requestID, outcome: .refused(failure))), origin: origin, proxy: proxy)
        case let .control(control):
            route(.control(ControlReply(requestID: control.requestID, output: "", error: failure)), origin: origin, proxy: proxy)
        case let .memberList(list):
            route(.memberList(MemberListReply(requestID: list.requestID, raft: nil, error: failure)), origin: origin, proxy: proxy)
        }
    }
}
