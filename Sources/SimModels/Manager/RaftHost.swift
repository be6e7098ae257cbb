import SimEngine

/// Runs a `RaftNode` on a simulated host: ticks it on a timer, persists what it hands over to
/// the host's disk and syncs **before** sending its messages, applies committed entries, takes
/// snapshots, and rebuilds the node from the disk after a restart.
///
/// Generic over the command and the application state so that the same shell drives the
/// Swarm store and the plain Raft tests.
public final class RaftHost<Command: Equatable & Sendable, AppState: Sendable> {
    public typealias Node = RaftNode<Command, AppState>
    public typealias Entry = RaftEntry<Command>
    public typealias Storage = RaftStorage<Command, AppState>

    /// What the host does with the node's output.
    public struct Callbacks {
        /// Sends a message to a peer.
        public var send: (RaftMessage<Command, AppState>) -> Void
        /// Applies one committed entry (commands and configuration changes alike).
        public var apply: (Entry) -> Void
        /// Replaces the application state with a snapshot's.
        public var restore: (AppState) -> Void
        /// The application state now, for a snapshot.
        public var snapshotState: () -> AppState
        /// Role or leader changed.
        public var softStateChanged: (RaftSoftState) -> Void
        /// Something worth tracing happened inside the node.
        public var event: (RaftEvent) -> Void

        public init(send: @escaping (RaftMessage<Command, AppState>) -> Void, apply: @escaping (Entry) -> Void,
                    restore: @escaping (AppState) -> Void, snapshotState: @escaping () -> AppState,
                    softStateChanged: @escaping (RaftSoftState) -> Void, event: @escaping (RaftEvent) -> Void) {
            self.send = send
            self.apply = apply
            self.restore = restore
            self.snapshotState = snapshotState
            self.softStateChanged = softStateChanged
            self.event = event
        }
    }

    public private(set) var node: Node
    private let simulation: Simulation
    private let host: Host
    private let storage: Storage
    private let tickInterval: SimDuration
    private let callbacks: Callbacks
    /// Called whenever the node hands over a ready that changes its state (for observers'
    /// caches); a ready that only carries messages and trace events does not.
    public var onReady: (() -> Void)?
    /// Called with a ready's role change and events as the node hands the ready over, before it
    /// is persisted, its messages go out and its entries are applied: what happened to the node
    /// (a campaign, an election won, a step-down) is traced when it happened, as etcd's raft
    /// logs it, and before what follows from it. For traces only.
    public var onHandOver: ((RaftSoftState?, [RaftEvent]) -> Void)?
    /// A ready is being persisted or handed over.
    private var busy = false
    private var stopped = false
    private var tickTimer: TimerID?

    /// - Parameter node: a node built from `RaftStorage.read()` (restart), a fresh
    ///   joining node, or a bootstrapped one.
    public init(node: Node, simulation: Simulation, host: Host, tickInterval: SimDuration, callbacks: Callbacks) {
        self.node = node
        self.simulation = simulation
        self.host = host
        storage = Storage(disk: host.disk)
        self.tickInterval = tickInterval
        self.callbacks = callbacks
        durableLastIndex = node.lastIndex
    }

    /// The last log index on disk and synced: a crash keeps the log up to here. (In a one-member
    /// cluster etcd's raft counts the leader's own entry as committed as soon as it is appended,
    /// before it is synced; safety checkers count an entry as committed on a node only once it
    /// is durable there too.)
    public private(set) var durableLastIndex: RaftIndex = 0

    // MARK: - Driving the node

    /// Starts ticking, with a first tick at a random phase within one interval (hosts'
    /// clocks are not aligned), and hands over whatever the node already has.
    @_specialize(where Command == UInt64, AppState == [UInt64])  // the Raft lab's types (see RaftHost+Observation)
    public func start(phase random: inout RandomStream) {
        let phase = SimDuration(nanoseconds: Int64(random.nextInt(below: Int(max(tickInterval.nanoseconds, 1)))))
        scheduleTick(after: phase)
        // A restarted node re-applies its committed entries (after its snapshot).
        if let snapshot = node.snapshot { callbacks.restore(snapshot.state) }
        processReady()
    }

    /// Stops ticking and handling output (the manager is shutting down on this host).
    public func stop() {
        stopped = true
        if let tickTimer { simulation.cancel(tickTimer) }
    }

    private func scheduleTick(after delay: SimDuration) {
        tickTimer = simulation.schedule(after: delay, handler: ticker, token: 0, host: host.id)
    }

    /// Ticks through one handler made once (the engine's handler path, nothing allocated per tick).
    private lazy var ticker = EventCallback { [unowned self] in
        guard !self.stopped else { return }
        self.node.tick()
        self.processReady()
        self.scheduleTick(after: self.tickInterval)
    }

    /// Feeds a message from a peer.
    @_specialize(where Command == UInt64, AppState == [UInt64])  // the Raft lab's types (see RaftHost+Observation)
    public func receive(_ message: RaftMessage<Command, AppState>) {
        guard !stopped else { return }
        node.step(message)
        processReady()
    }

    /// Runs `body` on the node (propose, campaign, transfer...) and hands over its output.
    @discardableResult
    public func withNode<T>(_ body: (inout Node) -> T) -> T {
        let result = body(&node)
        processReady()
        return result
    }

    // MARK: - Ready handling

    /// Handles the node's output one `RaftReady` at a time: persist, sync, then send and apply.
    /// Not re-entrant: what the callbacks cause (a proposal made while applying) is picked up
    /// by the loop once the current ready is finished.
    @_specialize(where Command == UInt64, AppState == [UInt64])  // the Raft lab's types (see RaftHost+Observation)
    public func processReady() {
        guard !busy, !stopped, let ready = node.takeReady() else { return }
        if let onHandOver, ready.softState != nil || !ready.events.isEmpty { onHandOver(ready.softState, ready.events) }
        busy = true
        if ready.changesState { onReady?() }
        if storage.write(ready) {
            // RaftMutant.ackBeforeSync: append acknowledgements leave before the sync.
            // A `let`, not a `var` changed in place: the sync's closure below would capture a
            // mutable ready in a heap box on every ready.
            let ready = node.config.mutant == .ackBeforeSync ? sendingAcknowledgements(of: ready) : ready
            // Held strongly, not weakly: a weak reference would give every RaftHost a side
            // table and slow down each of its retains. The sync dies with the host's
            // incarnation, and a stopped shell ignores it.
            host.disk.sync { [self] in
                guard !stopped else { return }
                finish(ready)
            }
        } else {
            finish(ready)
        }
    }

    /// Sends `ready`'s append acknowledgements now and takes them out of it: the planted bug
    /// `RaftMutant.ackBeforeSync`, never the normal path.
    private func sendingAcknowledgements(of ready: RaftReady<Command, AppState>) -> RaftReady<Command, AppState> {
        var rest = ready
        for message in ready.messages where message.kind == .appendResponse { callbacks.send(message) }
        rest.messages.removeAll { $0.kind == .appendResponse }
        return rest
    }

    private func finish(_ ready: RaftReady<Command, AppState>) {
        if let last = ready.entries.last?.index {
            durableLastIndex = last
        } else if ready.restoreSnapshot, let snapshot = ready.snapshot {
            durableLastIndex = snapshot.index
        }
        if ready.restoreSnapshot, let snapshot = ready.snapshot { callbacks.restore(snapshot.state) }
        for message in ready.messages { callbacks.send(message) }
        for entry in ready.committedEntries { callbacks.apply(entry) }
        if let soft = ready.softState { callbacks.softStateChanged(soft) }
        for event in ready.events { callbacks.event(event) }
        if node.needsSnapshot {
            _ = node.compact(snapshotAt: node.appliedIndex, state: callbacks.snapshotState())
        }
        busy = false
        processReady()
    }
}
