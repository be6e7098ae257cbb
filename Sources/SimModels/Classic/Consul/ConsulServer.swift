import SimEngine

/// A Consul server (`consul agent -server`): a member of the servers' Raft cluster holding the
/// KV store and the sessions, answering the HTTP API on port 8500.
///
/// Its Raft is the project's `RaftNode` on a `RaftHost`, configured with Consul's timings
/// (`ConsulTimings.raftConfig`, which documents the mapping from hashicorp/raft). Writes and
/// non-stale reads are served by the leader: a follower forwards them (`consul/rpc.go`
/// `forward`), and a server that knows no leader fails them with `No cluster leader`. The
/// leader alone runs the session TTL timers (`ConsulServer+Sessions`). Everything it knows
/// came from messages and its own disk.
public final class ConsulServer: HostComponent {
    public typealias Raft = RaftHost<ConsulCommand, ConsulStoreData>

    public let host: Host
    public var isRunning: Bool { !stopped }
    let simulation: Simulation
    public let timings: ConsulTimings
    /// The servers the cluster was bootstrapped with (`-bootstrap-expect`), this one included.
    let members: [RaftMember]
    public private(set) var raft: Raft!
    /// The replicated state, as applied on this server.
    public internal(set) var store = ConsulStoreData()
    /// The Raft index of the last entry applied here.
    public internal(set) var appliedIndex: RaftIndex = 0
    /// Per key, until when an acquire is refused (`state_store.go` `lockDelay`, in memory only).
    var lockDelays: [String: SimInstant] = [:]
    /// Role and leader as Raft last reported them.
    public internal(set) var softState = RaftSoftState(role: .follower, leaderID: nil)
    /// Leader only: the index of its term's first entry; once applied, leadership is
    /// established (`leader.go` `establishLeadership` after the barrier).
    var barrierIndex: RaftIndex?
    /// Leader only: leadership established (session timers armed).
    public internal(set) var isEstablishedLeader = false

    /// Writes proposed by this leader, by log index, waiting for their entry to apply.
    var pendingWrites: [RaftIndex: PendingWrite] = [:]
    /// Consistent reads waiting for the leader to confirm its quorum.
    var pendingVerifies: [(request: ConsulRequest, reply: (ConsulResponse) -> Void)] = []
    var verifyTimer: TimerID?
    /// Blocking queries held here, in arrival order.
    var waiters: [BlockingWaiter] = []
    var nextWaiterID: UInt64 = 0
    /// Calls forwarded to the leader, waiting for its answer.
    var forwarded: [UInt64: (ConsulResponse) -> Void] = [:]
    var nextRPC: UInt64 = 0
    /// Leader only: each TTL session's expiry timer (`session_ttl.go` `sessionTimers`).
    var sessionTimers: [String: TimerID] = [:]
    var random: RandomStream
    private var stopped = false

    /// Called after each entry is applied here (for observers: safety checkers, tests).
    public var onApply: ((RaftEntry<ConsulCommand>) -> Void)?
    /// Called when Raft reports a role or leader change (for observers and traces).
    public var onSoftState: ((RaftSoftState) -> Void)?

    struct PendingWrite {
        var term: RaftTerm
        var reply: (ConsulApplyOutcome?) -> Void
    }

    struct BlockingWaiter {
        var id: UInt64
        var request: ConsulRequest
        var waitIndex: UInt64
        var reply: (ConsulResponse) -> Void
        var timer: TimerID
    }

    public init(host: Host, simulation: Simulation, timings: ConsulTimings, members: [RaftMember]) {
        self.host = host
        self.simulation = simulation
        self.timings = timings
        self.members = members
        random = simulation.stream(named: "consul/\(host.name)/\(host.epoch)")
    }

    /// The Raft ID of the server on host `id` (its host ID + 1: unique and never 0).
    public static func raftID(ofHost id: HostID) -> RaftNodeID { RaftNodeID(id + 1) }
    static func hostID(of raftID: RaftNodeID) -> HostID { HostID(raftID) - 1 }

    public var raftID: RaftNodeID { Self.raftID(ofHost: host.id) }
    public var isLeader: Bool { softState.role == .leader }

    // MARK: - Life

    /// Starts Raft from the disk (bootstrapping the configured servers on first boot).
    public func start() {
        let storage = Raft.Storage(disk: host.disk)
        let persisted = storage.read()
        let config = timings.raftConfig
        let stream = simulation.stream(named: "consul-raft/\(host.name)/\(host.epoch)")
        let node: RaftNode<ConsulCommand, ConsulStoreData> = persisted.isEmpty
            ? .bootstrap(id: raftID, members: members, config: config, random: stream)
            : RaftNode(id: raftID, config: config, persisted: persisted, random: stream)
        let sim = simulation
        let callbacks = Raft.Callbacks(
            send: { [unowned self] message in
                sim.network.send(ConsulWire.raft(message), from: self.host.id, to: Self.hostID(of: message.to))
            },
            apply: { [unowned self] entry in self.apply(entry) },
            restore: { [unowned self] state in self.restore(state) },
            snapshotState: { [unowned self] in self.store },
            softStateChanged: { [unowned self] soft in self.softStateChanged(soft) },
            event: { [unowned self] event in
                sim.emit(node: self.host.name, component: "consul", kind: "consul.raft.\(event.kind.rawValue)", event.text)
            })
        raft = Raft(node: node, simulation: simulation, host: host, tickInterval: timings.tickInterval, callbacks: callbacks)
        var phase = simulation.stream(named: "consul-raft-phase/\(host.name)/\(host.epoch)")
        raft.start(phase: &phase)
    }

    /// Stops the server for good (its container was removed); the host stays up.
    public func stop() {
        stopped = true
        raft?.stop()
    }

    /// Handles Consul traffic addressed to the server.
    public func receive(_ message: ConsulWire, from sender: HostID) {
        guard !stopped else { return }
        switch message {
        case .raft(let raftMessage):
            raft.receive(raftMessage)
        case .call(let client, let call, let request):
            handle(request) { [unowned self] response in
                self.simulation.network.send(ConsulWire.answer(client: client, call: call, response),
                                             from: self.host.id, to: sender)
            }
        case .forward(let rpc, let request):
            serveAsLeader(request) { [unowned self] response in
                self.simulation.network.send(ConsulWire.forwardAnswer(rpc: rpc, response), from: self.host.id, to: sender)
            }
        case .forwardAnswer(let rpc, let response):
            forwarded.removeValue(forKey: rpc)?(response)
        case .answer:
            break
        }
    }

    // MARK: - Raft output

    private func apply(_ entry: RaftEntry<ConsulCommand>) {
        appliedIndex = entry.index
        var outcome: ConsulApplyOutcome?
        if let command = entry.command {
            let result = store.apply(command, at: entry.index)
            let now = simulation.now
            if result.lockDelay > .zero {
                for key in result.lockDelayedKeys { lockDelays[key] = now + result.lockDelay }
            }
            if case .sessionDestroy(let id) = command, let timer = sessionTimers.removeValue(forKey: id) {
                simulation.cancel(timer)
            }
            outcome = result
        }
        if let pending = pendingWrites.removeValue(forKey: entry.index) {
            // Another leader's entry at our index: our write was lost with our leadership.
            pending.reply(pending.term == entry.term ? outcome : nil)
        }
        if let outcome, !outcome.touched.isEmpty { wakeWaiters(touching: outcome.touched) }
        if isLeader, !isEstablishedLeader, let barrier = barrierIndex, entry.index >= barrier { establishLeadership() }
        onApply?(entry)
    }

    private func restore(_ state: ConsulStoreData) {
        store = state
        if let snapshot = raft?.node.snapshot { appliedIndex = snapshot.index }
        wakeWaiters(touching: nil)
    }

    private func softStateChanged(_ soft: RaftSoftState) {
        let wasLeader = isLeader
        softState = soft
        if soft.role == .leader, !wasLeader {
            barrierIndex = raft.node.lastIndex
            simulation.emit(node: host.name, component: "consul", kind: "consul.leader",
                            "consul: cluster leadership acquired")
            if appliedIndex >= barrierIndex ?? 0 { establishLeadership() }
        } else if soft.role != .leader, wasLeader {
            simulation.emit(node: host.name, component: "consul", kind: "consul.leader",
                            "consul: cluster leadership lost")
            revokeLeadership()
        }
        onSoftState?(soft)
    }

    /// `leader.go` `establishLeadership`: the new leader re-arms every session's timer.
    private func establishLeadership() {
        isEstablishedLeader = true
        initializeSessionTimers()
    }

    /// `leader.go` `revokeLeadership`: timers cleared; writes and consistent reads pending on
    /// this leader fail (hashicorp/raft answers them `ErrLeadershipLost`).
    private func revokeLeadership() {
        isEstablishedLeader = false
        barrierIndex = nil
        clearAllSessionTimers()
        let writes = pendingWrites.keys.sorted().compactMap { pendingWrites[$0] }
        pendingWrites.removeAll()
        for write in writes { write.reply(nil) }
        failPendingVerifies()
    }
}
