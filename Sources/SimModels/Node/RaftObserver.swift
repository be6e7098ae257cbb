/// Receives what the managers' Raft shells do, for safety checkers. Observers watch; nothing
/// in the simulated cluster depends on them. Every call names the swarm (`clusterID`): two
/// swarms are two Raft clusters, checked apart.
public protocol RaftObserver: AnyObject {
    /// A manager started its Raft node (`firstTime` false after a restart: volatile state was lost).
    func raftStarted(_ id: RaftNodeID, in cluster: NodeID, firstTime: Bool)
    /// A manager applied a committed entry to its store.
    func raftApplied(_ entry: RaftEntry<StoreProposal>, by id: RaftNodeID, in cluster: NodeID)
    /// A manager replaced its store with a snapshot.
    func raftRestored(index: RaftIndex, term: RaftTerm, by id: RaftNodeID, in cluster: NodeID)
    /// A client was told that `entry` committed (a write's completion), by a leader of `term`.
    func raftAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm, in cluster: NodeID)
}
