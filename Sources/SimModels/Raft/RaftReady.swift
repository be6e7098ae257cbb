/// What the node hands to its host in one go (etcd `Ready`).
///
/// The host must handle one `RaftReady` completely, in this order, before it
/// takes the next one:
///
/// 1. persist `snapshot` (if any), then `entries` (deleting every persisted entry
///    from `overwriteFrom` on first), then `hardState` — and sync the disk;
///    `RaftStorage.write(_:)` does the bookkeeping;
/// 2. if `restoreSnapshot`, replace the application state with `snapshot.state`;
/// 3. send `messages` (only now: a vote or an acknowledgement must never leave
///    before the state it promises is durable);
/// 4. apply `committedEntries` in order (they never go beyond what steps 1–2 made
///    durable). Configuration changes among them already took effect in the node.
///
/// If the host crashes midway, it restarts from its disk; nothing is lost because
/// nothing was sent before it was durable.
public struct RaftReady<Command: Equatable & Sendable, AppState: Sendable>: Sendable {
    /// The new hard state, when it changed since the last `RaftReady`.
    public var hardState: RaftHardState?
    /// When non-nil, delete persisted entries with index ≥ `overwriteFrom`, then
    /// append `entries` (which start at `overwriteFrom`, and may be empty when
    /// the log was only truncated).
    public var overwriteFrom: RaftIndex?
    public var entries: [RaftEntry<Command>] = []
    /// A snapshot to persist: one the host asked for with `compact`, or one
    /// received from the leader (then `restoreSnapshot` is true).
    public var snapshot: RaftSnapshot<AppState>?
    /// The snapshot came from the leader: the application state and the whole
    /// persisted log are replaced by it.
    public var restoreSnapshot: Bool = false
    /// Messages to send once the above is durable.
    public var messages: [RaftMessage<Command, AppState>] = []
    /// Entries to apply, in log order.
    public var committedEntries: [RaftEntry<Command>] = []
    /// The new role and leader, when they changed.
    public var softState: RaftSoftState?
    /// Things worth tracing (role changes, step-down reasons, removal, ...).
    public var events: [RaftEvent] = []

    public init() {}

    /// Whether handing this ready over changes the node's observable state: its term, vote,
    /// commit, role or leader, log, snapshot or applied index. A ready with only messages
    /// (a heartbeat and its answer) leaves all of them as they were.
    public var changesState: Bool {
        hardState != nil || overwriteFrom != nil || !entries.isEmpty || snapshot != nil
            || !committedEntries.isEmpty || softState != nil
    }
}
