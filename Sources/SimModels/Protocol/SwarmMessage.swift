import SimEngine

/// Everything Swarm nodes (and the CLI client) say to each other over the simulated network.
public enum SwarmMessage: NetworkMessage {
    /// Agent → manager.
    case dispatcher(DispatcherRequest)
    /// Manager → agent (a reply or a pushed message).
    case dispatcherReply(DispatcherReply)
    /// A follower forwarding an agent's request to the leader; `proxy` is the follower.
    case dispatcherProxied(DispatcherRequest, proxy: HostID)
    /// The leader sending a reply or push for an agent through the manager it connected to.
    case dispatcherRelay(DispatcherReply, agentHost: HostID)
}
