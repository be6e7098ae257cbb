import SimEngine

/// Told what happens in a simulated swarm that a watcher of the run (the scenario layer's
/// checkers, expectations and statistics) derives answers from, as it happens.
///
/// This is the models' one way to report: they keep no counters, versions or caches for
/// watchers, and nothing in the swarm depends on being watched. Calls come in the middle of an
/// instant; a watcher reads the world once the instant is over. Every Raft call names the
/// manager, whose `clusterID` tells the swarm (two swarms are two Raft clusters, checked apart).
public protocol SwarmObserver: AnyObject {
    /// `manager` started its Raft node (`firstTime` false when it was rebuilt from the disk
    /// after a restart: volatile state was lost).
    func managerStarted(_ manager: ManagerNode, firstTime: Bool)
    /// `manager` stopped (demotion, removal, leave, a new cluster forced).
    func managerStopped(_ manager: ManagerNode)
    /// `manager`'s Raft node handed over a ready that changed its role, term, vote, log or commit.
    func raftStateChanged(_ manager: ManagerNode)
    /// `manager` applied a committed entry to its store.
    func entryApplied(_ entry: RaftEntry<StoreProposal>, by manager: ManagerNode)
    /// `manager` replaced its store with a snapshot at `index`/`term`.
    func snapshotRestored(index: RaftIndex, term: RaftTerm, by manager: ManagerNode)
    /// `manager`, leading in `leaderTerm`, told a client that `entry` committed (a write's completion).
    func entryAcknowledged(_ entry: RaftEntry<StoreProposal>, leaderTerm: RaftTerm, by manager: ManagerNode)
    /// A container on `host` was created, changed state or was forgotten.
    func containersChanged(on host: HostID)
}
