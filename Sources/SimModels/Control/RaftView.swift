/// What the leader's control API knows of Raft when it serves a request: the members as the
/// leader sees them (SwarmKit `raft.GetMemberlist()`), and which one leads.
///
/// The shell builds it from its Raft state machine and transport: a member is reachable if it
/// is the leader itself or if the transport counts it active (the last message to it was
/// delivered in time; SwarmKit `transport.Active`).
public struct RaftView: Equatable, Sendable {
    /// A member's reachability (`api.RaftMemberStatus.Reachability`).
    public enum Reachability: String, Sendable {
        case unknown
        case unreachable
        case reachable
    }

    /// One Raft member.
    public struct Member: Equatable, Sendable {
        public var raftID: RaftNodeID
        /// The Swarm node the member runs on.
        public var nodeID: NodeID
        /// The address its peers dial (`10.0.0.2:2377`).
        public var address: String
        public var reachability: Reachability

        public init(raftID: RaftNodeID, nodeID: NodeID, address: String, reachability: Reachability) {
            self.raftID = raftID
            self.nodeID = nodeID
            self.address = address
            self.reachability = reachability
        }
    }

    /// Every member of the Raft configuration, in any order.
    public var members: [Member]
    /// The member that leads, as this manager knows it (nil: none).
    public var leaderRaftID: RaftNodeID?
    /// The member serving the request (the leader); always counted reachable.
    public var selfRaftID: RaftNodeID?

    public init(members: [Member], leaderRaftID: RaftNodeID?, selfRaftID: RaftNodeID?) {
        self.members = members
        self.leaderRaftID = leaderRaftID
        self.selfRaftID = selfRaftID
    }

    /// No Raft at all (a worker's view, or tests that need none).
    public static let empty = RaftView(members: [], leaderRaftID: nil, selfRaftID: nil)

    /// The member running on `node` (SwarmKit `GetMemberByNodeID`).
    /// - Complexity: O(members)
    public func member(onNode node: NodeID) -> Member? {
        members.first { $0.nodeID == node }
    }

    /// Whether `member` counts as reachable: itself, or active in the transport.
    public func isReachable(_ member: Member) -> Bool {
        member.raftID == selfRaftID || member.reachability == .reachable
    }

    /// SwarmKit `raft.Node.CanRemoveMember`: after removing `raftID`, would the reachable members
    /// (this one included) still make a quorum of the current configuration? The quorum is
    /// counted on the configuration before the removal: `(len(members) - 1) / 2 + 1`.
    /// - Complexity: O(members)
    public func canRemoveMember(_ raftID: RaftNodeID) -> Bool {
        var reachable = 0
        for member in members where member.raftID != raftID {
            if isReachable(member) { reachable += 1 }
        }
        let quorum = (members.count - 1) / 2 + 1
        return reachable >= quorum
    }

    /// MANAGER STATUS as `docker node ls` prints it for `node`: "Leader", "Reachable",
    /// "Unreachable", "Unknown", or "" for a node that is not a Raft member.
    public func managerStatus(ofNode node: NodeID) -> String {
        guard let member = member(onNode: node) else { return "" }
        if let leader = leaderRaftID, member.raftID == leader { return "Leader" }
        let reachability: Reachability = member.raftID == selfRaftID ? .reachable : member.reachability
        return CLIText.prettyPrint(reachability.rawValue)
    }
}
