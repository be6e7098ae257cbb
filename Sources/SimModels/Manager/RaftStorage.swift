import SimEngine

/// Where a Raft member keeps its durable state on its host's disk, and the one way it is
/// written and read back: `RaftHost` persists every `RaftReady` through it, restarts read it,
/// and the Raft unit tests run on it too, so they check the path production takes.
///
/// Like SwarmKit's WAL plus snapshot files: a hard state, the latest snapshot, and a log of
/// entries. Writing does not sync; the host syncs before it sends what the ready carries.
public struct RaftStorage<Command: Equatable & Sendable, AppState: Sendable> {
    public typealias Entry = RaftEntry<Command>
    public typealias Ready = RaftReady<Command, AppState>

    static var hardStateKey: DiskKey<RaftHardState> { DiskKey("raft/hardstate") }
    static var snapshotKey: DiskKey<RaftSnapshot<AppState>> { DiskKey("raft/snapshot") }
    static var walLog: DiskLog<Entry> { DiskLog("raft/wal") }

    public let disk: Disk

    public init(disk: Disk) {
        self.disk = disk
    }

    /// What the disk holds for Raft: the state a restarted node recovers from.
    public func read() -> RaftPersistentState<Command, AppState> {
        // No hard state: this host never ran a Raft member, or its data was wiped. That is a
        // new node (term 0, no vote, nothing committed), the only reading of a missing record.
        let hardState = disk.value(Self.hardStateKey) ?? RaftHardState()
        let snapshot = disk.value(Self.snapshotKey)
        var entries = disk.records(Self.walLog)
        if let snapshot { entries.removeAll { $0.index <= snapshot.index } }
        return RaftPersistentState(hardState: hardState, snapshot: snapshot, entries: entries)
    }

    /// Writes what `ready` asks to persist, in the order a crash-safe host must: snapshot,
    /// then entries, then hard state. Returns whether anything was written (and needs a sync).
    /// - Complexity: O(n) in the number of entries written or dropped.
    @discardableResult
    public func write(_ ready: Ready) -> Bool {
        var wrote = false
        if let snapshot = ready.snapshot {
            disk.put(snapshot, at: Self.snapshotKey)
            // Entries up to the snapshot are no longer needed on restart (etcd's WAL release);
            // after an installed snapshot the whole log is replaced.
            let kept = ready.restoreSnapshot ? [] : disk.records(Self.walLog).filter { $0.index > snapshot.index }
            disk.truncate(Self.walLog, keepingFirst: 0)
            if !kept.isEmpty { disk.append(kept, to: Self.walLog) }
            wrote = true
        }
        if let from = ready.overwriteFrom {
            // The log is contiguous: the entry at `from` is `from - first` records in.
            let count = disk.recordCount(Self.walLog)
            if count > 0, let first = disk.firstRecord(Self.walLog), from <= first.index + RaftIndex(count - 1) {
                let keep = from > first.index ? Int(from - first.index) : 0
                disk.truncate(Self.walLog, keepingFirst: keep)
            }
            if !ready.entries.isEmpty { disk.append(ready.entries, to: Self.walLog) }
            wrote = true
        }
        if let hardState = ready.hardState {
            disk.put(hardState, at: Self.hardStateKey)
            wrote = true
        }
        return wrote
    }

    /// Erases Raft's data (a demoted or removed manager, SwarmKit `clearData`); not synced.
    public func wipe() {
        disk.remove(Self.hardStateKey)
        disk.remove(Self.snapshotKey)
        disk.truncate(Self.walLog, keepingFirst: 0)
    }
}
