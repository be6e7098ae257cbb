import SimModels

/// `docker swarm join --token TOKEN [--availability A] [MANAGER[:2377]]`, on the `via` node.
public struct SwarmJoin: Equatable, Sendable {
    /// What follows `--token`.
    public enum Token: Equatable, Sendable {
        /// `worker` or `manager`: the token of that role that `docker swarm join-token` prints at
        /// the instant the command runs (a scenario cannot know the tokens, drawn from the seed).
        case current(NodeRole)
        /// A token written out (`SWMTKN-1-...`, or anything else, to see Docker refuse it).
        case literal(String)
    }

    public var token: Token
    /// The manager to join through (nil: the first manager, in name order, that is up).
    public var manager: NodeReference?
    /// `--availability`: the new node's availability (default active).
    public var availability: NodeAvailability

    public init(token: Token, manager: NodeReference? = nil, availability: NodeAvailability = .active) {
        self.token = token
        self.manager = manager
        self.availability = availability
    }
}
