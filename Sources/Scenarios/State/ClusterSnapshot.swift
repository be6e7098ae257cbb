import SimEngine

/// The cluster at one instant of a run (`simrun state FILE --at TIME`): the tables a user
/// would get from the leader, each manager's Raft state, and the network's cuts in force.
public struct ClusterSnapshot: Sendable, Equatable {
    /// One manager's Raft state, as its own node holds it.
    public struct RaftState: Sendable, Equatable {
        public var node: String
        /// `leader`, `follower`, `candidate`, `pre-candidate`; `down` while its host is down,
        /// `stopped` once its manager was stopped (demoted, removed, left).
        public var role: String
        public var term: UInt64
        /// The member it voted for in this term (hostname), if any.
        public var vote: String?
        /// The leader it follows (hostname), if it knows one.
        public var leader: String?
        public var lastIndex: UInt64
        public var lastTerm: UInt64
        public var commit: UInt64
        public var applied: UInt64
        /// The Raft configuration's members (hostnames), in its order.
        public var members: [String]

        /// A manager whose host is down or whose manager is stopped: nothing to read.
        var isSilent: Bool { role == "down" || role == "stopped" }
    }

    /// The tasks of one service, as `docker service ps NAME` lists them.
    public struct ServiceTasks: Sendable, Equatable {
        public var name: String
        public var rows: [[String]]
    }

    /// A cut link: no message from `from` reaches `to` (and none back when `bothWays`).
    public struct Cut: Sendable, Equatable {
        public var from: String
        public var to: String
        public var bothWays: Bool
    }

    public var time: SimInstant
    public var file: String
    public var seed: UInt64
    /// The leader a user of the swarm would see (SCENARIO_FORMAT §6), if any.
    public var leader: String?
    /// `docker node ls` on the leader (empty without a leader).
    public var nodeRows: [[String]]
    /// `docker service ps` of each service, by name (empty without a leader).
    public var services: [ServiceTasks]
    /// Every node that is or was meant to be a manager, in the scenario's order.
    public var raft: [RaftState]
    public var cuts: [Cut]
}
