/// The Raft part of the cluster object's spec (`api.RaftConfig` in `ClusterSpec.Raft`), which
/// `docker info` prints under "Raft:" (docker/cli `cli/command/system/info.go` `printSwarmInfo`:
/// Snapshot Interval, Number of Old Snapshots to Retain, Heartbeat Tick, Election Tick).
///
/// The first leader of a swarm writes it (SwarmKit `manager/manager.go` `becomeLeader`:
/// `raft.DefaultRaftConfig()` with ElectionTick and HeartbeatTick taken from its own Raft node's
/// configuration, that is dockerd's `swarm-raft-election-tick`/`-heartbeat-tick`); the values are
/// informational: each manager runs Raft with its own configuration (SWARM_FACTS §1.1).
public struct ClusterRaftSpec: Equatable, Sendable {
    /// Entries between snapshots (`DefaultRaftConfig`: 10000).
    public var snapshotInterval: UInt64 = 10_000
    /// Snapshots kept besides the current one (`DefaultRaftConfig`: 0).
    public var keepOldSnapshots: UInt64 = 0
    /// Entries kept after a snapshot for slow followers (`DefaultRaftConfig`: 500).
    public var logEntriesForSlowFollowers: UInt64 = 500
    public var heartbeatTick: Int = 1
    public var electionTick: Int = 10

    public init() {}

    /// The spec the first leader writes from its own Raft configuration.
    public init(from config: RaftConfig) {
        heartbeatTick = config.heartbeatTick
        electionTick = config.electionTick
    }
}
