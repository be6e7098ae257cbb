import SimEngine

/// What memberlist tells the layer above it and asks of it: memberlist's `EventDelegate`
/// (`NotifyJoin`, `NotifyLeave`) and `Delegate` (`NotifyMsg`, `GetBroadcasts`, `LocalState`,
/// `MergeRemoteState`), which libnetwork's NetworkDB implements (`delegate.go`,
/// `event_delegate.go`).
protocol MemberlistDelegate: AnyObject {
    /// A member became alive (it joined, or came back from dead or left).
    func notifyJoin(_ node: HostID)
    /// A member was declared dead, or left.
    func notifyLeave(_ node: HostID)
    /// A NetworkDB message that arrived in a gossip packet.
    func notifyMessage(_ part: GossipPart)
    /// A NetworkDB bulk sync that arrived over TCP (`SendReliable`).
    func notifyBulkSync(_ sync: BulkSync)
    /// Broadcasts of the layer above to piggyback, `limit` bytes at most.
    func broadcasts(overhead: Int, limit: Int) -> [GossipPart]
    /// The layer's state for a push-pull.
    func localState(join: Bool) -> NetworkPushPull
    /// A peer's state from a push-pull.
    func mergeRemoteState(_ state: NetworkPushPull, join: Bool)
}

/// A memberlist broadcast (alive, suspect or dead): a newer one about the same member replaces
/// the older (memberlist `memberlistBroadcast.Invalidates`, by node name).
struct MemberBroadcast: GossipBroadcast {
    var node: HostID
    var part: GossipPart
    var size: Int { part.size }
    var key: HostID? { node }
}
