import SimEngine

/// The manager half of a node (what `swarmd` runs on a manager): a Raft member whose state
/// machine is the replicated store, the proxy that forwards requests to the leader, and — on
/// the leader only, once its log is applied — the leader's subsystems (`LeaderRuntime`).
public final class ManagerNode: HostComponent {
    public typealias Raft = RaftHost<StoreProposal, ClusterStore>

    /// The store as this manager has applied it.
    public private(set) var store = ClusterStore()
    public private(set) var raft: Raft!
    /// The leader's subsystems, while this manager leads and has applied its whole log.
    public private(set) var leaderRuntime: LeaderRuntime?
    public let raftID: RaftNodeID

    unowned let node: SwarmNode
    let world: SwarmWorld
    var simulation: Simulation { world.simulation }
    public var host: Host { node.host }
    public var isRunning: Bool { !stopped }
    /// The swarm this manager's Raft cluster is (`NodeIdentity.clusterID`), fixed for its life:
    /// a node that leaves and joins or inits again starts another manager.
    public let clusterID: NodeID
    /// `host.id`, kept: most messages are sent from here, and reaching the host goes through the node.
    let hostID: HostID
    /// Where each peer's messages came from (the connection they arrived on).
    private var peerHosts = RaftPeerTable<HostID>()
    private var pending: [RaftIndex: (term: RaftTerm, completion: (Bool) -> Void)] = [:]
    private var sequence: UInt64 = 0
    /// The last term and leadership the trace announced (see `traceRaft`).
    var lastTracedTerm: RaftTerm = 0
    var tracedAsLeader = false
    /// When the message trace last showed this manager's heartbeats (a line a second at most).
    var heartbeatsTracedAt: SimInstant?
    /// The last log index applied to `store` by this manager.
    public private(set) var appliedIndex: RaftIndex = 0
    /// Entries up to here were committed before this manager started: applying them rebuilds
    /// the store and is not traced again.
    private let replayedThrough: RaftIndex
    private var wasLeader = false
    private var stopped = false
    /// Called once when this manager's leader subsystems first start and the swarm's first
    /// objects are committed (`docker swarm init` returns).
    var onLeaderReady: (() -> Void)?
    /// Called once when this manager first learns who leads (a joined manager is then usable).
    var onLeaderKnown: (() -> Void)?

    /// - Parameters:
    ///   - raftNode: the node recovered from disk, bootstrapped by `swarm init`, or empty for a
    ///     manager that just joined.
    ///   - recovered: the node was rebuilt from the disk (a restart, `--force-new-cluster`): the
    ///     entries it already committed are re-applied quietly.
    init(node: SwarmNode, raftNode: RaftNode<StoreProposal, ClusterStore>, recovered: Bool) {
        self.node = node
        self.world = node.world
        self.hostID = node.host.id
        self.raftID = raftNode.id
        clusterID = node.identity?.clusterID ?? SwarmID("")
        lastTracedTerm = raftNode.term
        replayedThrough = recovered ? raftNode.commitIndex : 0
        let callbacks = Raft.Callbacks(
            send: { [unowned self] message in self.sendRaft(message) },
            apply: { [unowned self] entry in self.apply(entry) },
            restore: { [unowned self] state in
                self.store = state
                if let snapshot = self.raft?.node.snapshot {
                    self.appliedIndex = snapshot.index
                    self.world.observer?.snapshotRestored(index: snapshot.index, term: snapshot.term, by: self)
                }
            },
            snapshotState: { [unowned self] in self.store },
            softStateChanged: { [unowned self] soft in self.softStateChanged(soft) },
            event: { [unowned self] event in self.raftEvent(event) })
        raft = Raft(node: raftNode, simulation: world.simulation, host: node.host, tickInterval: world.tickInterval, callbacks: callbacks)
        raft.onReady = { [unowned self] in self.world.observer?.raftStateChanged(self) }
        raft.onHandOver = { [unowned self] soft, events in self.traceRaft(soft, events) }
    }

    /// - Parameter firstOnHost: the first manager this host runs since it booted for the first
    ///   time (any other start rebuilds its state from the disk, as after a restart).
    func start(firstOnHost: Bool) {
        world.observer?.managerStarted(self, firstTime: firstOnHost && host.epoch == 0 || raft.node.lastIndex == 0)
        var phase = simulation.stream(named: "raft-phase/\(host.name)/\(host.epoch)")
        raft.start(phase: &phase)
    }

    /// Stops the manager on this host (demotion, removal, leave, `--force-new-cluster`).
    /// Writes waiting for a commit fail; the caller decides whether Raft's data is wiped.
    func stop() {
        guard !stopped else { return }
        stopped = true
        world.observer?.managerStopped(self)
        leaderRuntime?.stop()
        leaderRuntime = nil
        raft.stop()
        failPending()
        onLeaderReady = nil
        onLeaderKnown = nil
    }

    // MARK: - Observation

    /// True while this manager's Raft node is the leader (and the manager runs).
    public var isLeader: Bool { !stopped && raft.node.isLeader }

    /// True once the manager was stopped on its host (demoted, removed, left).
    public var isStopped: Bool { stopped }

    /// The host of the leader this manager knows of, if any.
    public var leaderHost: HostID? {
        guard let leader = raft.node.leaderID else { return nil }
        if leader == raftID { return hostID }
        return memberHost(leader) ?? peerHosts[leader]
    }

    /// Whether this manager (as leader) considers a member reachable, as SwarmKit's transport
    /// `Active` flag does: itself always; a peer if it answered within the last 2 ticks
    /// (a send fails after SwarmKit's 2 s send timeout). Only the leader tracks its peers.
    public func isReachable(_ id: RaftNodeID) -> Bool {
        if id == raftID { return !stopped }
        guard let peer = raft.node.peers.first(where: { $0.id == id }) else { return false }
        return peer.ticksSinceHeard <= 2
    }

    /// Raft as this manager sees it, for the control API and `docker node ls`.
    public var raftView: RaftView {
        let members = raft.node.membership.members.map { member -> RaftView.Member in
            let nodeID = store.nodesSorted.first { $0.managerStatus?.raftID == member.id }?.id ?? SwarmID("")
            return RaftView.Member(raftID: member.id, nodeID: nodeID, address: member.address,
                                   reachability: isReachable(member.id) ? .reachable : .unreachable)
        }
        return RaftView(members: members, leaderRaftID: raft.node.leaderID, selfRaftID: raftID)
    }

    /// The hosts of the Raft members, as this manager knows them.
    var memberHosts: [HostID] {
        raft.node.membership.members.compactMap { world.host(at: $0.address) }
    }

    // MARK: - Raft transport

    private func sendRaft(_ message: RaftMessage<StoreProposal, ClusterStore>) {
        let destination = memberHost(message.to)
            ?? peerHosts[message.to] ?? addressOfRemoved(message.to).flatMap { world.host(at: $0) }
        guard let destination else { return }
        if world.tracesRaftMessages { traceMessage(message, to: destination) }
        simulation.network.send(SwarmMessage.raft(message), from: hostID, to: destination)
    }

    /// The host of a member of the configuration, by its address. Every Raft message and every
    /// request a follower forwards asks this: the answers are kept while the membership is the
    /// same (addresses never change host).
    private func memberHost(_ id: RaftNodeID) -> HostID? {
        let members = raft.node.membership.members
        // While the configuration stands, its array is the one cached: `==` sees the same
        // buffer and answers at once (a follower asks for every request it forwards).
        if members != hostOfMemberOf {
            hostOfMemberOf = members
            hostOfMember = RaftPeerTable()
        } else if let host = hostOfMember[id] {
            return host
        }
        guard let host = raft.node.membership.address(of: id).flatMap({ world.host(at: $0) }) else { return nil }
        hostOfMember[id] = host
        return host
    }
    /// The members' hosts, as far as looked up, for the configuration `hostOfMemberOf`.
    private var hostOfMember = RaftPeerTable<HostID>()
    private var hostOfMemberOf: [RaftMember] = []

    /// Messages to a member just removed still need an address (to tell it it was removed).
    private func addressOfRemoved(_ id: RaftNodeID) -> String? {
        store.nodesSorted.first { $0.managerStatus?.raftID == id }?.managerStatus?.address
    }

    /// A Raft message arrived from the host `sender`: answers go back the same way even to a
    /// peer this manager does not yet know as a member (a new member hears from the leader first).
    func receiveRaft(_ message: RaftMessage<StoreProposal, ClusterStore>, from sender: HostID) {
        guard !stopped else { return }
        peerHosts[message.from] = sender
        raft.receive(message)
    }

    // MARK: - Proposals

    /// Proposes store actions; `completion(true)` once they are committed and applied here,
    /// `false` if this manager is not the leader or loses leadership first.
    func propose(_ actions: [StoreAction], completion: @escaping (Bool) -> Void) {
        guard !stopped, !actions.isEmpty else {
            completion(!stopped)
            return
        }
        sequence += 1
        let proposal = StoreProposal(proposer: raftID, sequence: sequence, actions: actions)
        let result = raft.withNode { $0.propose(proposal) }
        track(result, completion)
    }

    /// Proposes a Raft membership change, with the same completion rule.
    func proposeConfChange(_ change: RaftConfChange, completion: @escaping (Bool, String?) -> Void) {
        guard !stopped else {
            completion(false, "the manager is stopped")
            return
        }
        let result = raft.withNode { $0.proposeConfChange(change) }
        switch result {
        case let .accepted(index, term):
            pending[index] = (term, { completion($0, nil) })
        case .notLeader:
            completion(false, "this node is not the leader")
        case .leadershipTransferInProgress:
            completion(false, "leadership transfer in progress")
        case .configurationChangePending:
            completion(false, "a configuration change is already in progress")
        case .noCommittedEntryInCurrentTerm:
            completion(false, "the new leader has not committed an entry yet")
        case let .invalidConfChange(reason):
            completion(false, reason)
        }
    }

    /// Hands leadership to the peer that has been active the longest, as SwarmKit's
    /// `TransferLeadership` does (`transport.LongestActive`). The transport's notion is
    /// approximated by the leader's progress: among peers heard from within the last two ticks,
    /// the one with the most of the log (it can take over at once), lowest Raft ID on ties.
    /// Returns the peer chosen, or nil if there is none or the transfer could not start.
    func transferLeadershipToLongestActive() -> RaftNodeID? {
        guard !stopped, raft.node.isLeader else { return nil }
        let candidates = raft.node.peers.filter { $0.ticksSinceHeard <= 2 }
        guard let target = candidates.max(by: { a, b in a.match != b.match ? a.match < b.match : a.id > b.id }) else { return nil }
        let result = raft.withNode { $0.transferLeadership(to: target.id) }
        switch result {
        case .started, .alreadyInProgress:
            simulation.emit(node: host.name, component: "raft", kind: "raft.transfer",
                            "transferring leadership to \(RaftNodeIDFormat.hex(target.id))")
            return target.id
        default:
            return nil
        }
    }

    private func track(_ result: RaftProposalResult, _ completion: @escaping (Bool) -> Void) {
        if case let .accepted(index, term) = result {
            pending[index] = (term, completion)
        } else {
            completion(false)
        }
    }

    private func failPending() {
        let waiting = pending.keys.sorted().map { pending[$0]!.completion }
        pending.removeAll()
        for completion in waiting { completion(false) }
    }

    // MARK: - Applying committed entries

    private func apply(_ entry: RaftEntry<StoreProposal>) {
        appliedIndex = entry.index
        world.observer?.entryApplied(entry, by: self)
        var changes: [StoreChange] = []
        if let proposal = entry.command {
            changes = store.apply(proposal.actions)
            if entry.index > replayedThrough { traceChanges(changes) }
        } else if let change = entry.confChange, raft.node.isLeader, entry.index > replayedThrough {
            simulation.emit(node: host.name, component: "raft", kind: "raft.conf", "configuration change applied: \(change)")
            leaderRuntime?.membershipChanged()
        }
        if let waiting = pending.removeValue(forKey: entry.index) {
            // Resolved after the store reflects the entry, so callers read the new state.
            leaderRuntime?.observe(changes)
            let committed = waiting.term == entry.term
            if committed { world.observer?.entryAcknowledged(entry, leaderTerm: entry.term, by: self) }
            waiting.completion(committed)
        } else {
            leaderRuntime?.observe(changes)
        }
        checkLeadershipReady()
    }

    /// Leader-only subsystems start once the new leader has applied every entry in its log
    /// (SwarmKit publishes `IsLeader` only when caught up).
    private func checkLeadershipReady() {
        guard leaderRuntime == nil, !stopped, raft.node.isLeader,
              appliedIndex >= raft.node.lastIndex else { return }
        simulation.emit(node: host.name, component: "manager", kind: "manager.leader",
                        "leader subsystems started (dispatcher, orchestrators, scheduler, allocator)")
        let runtime = LeaderRuntime(manager: self)
        leaderRuntime = runtime
        let ready = onLeaderReady
        onLeaderReady = nil
        runtime.start(ready: ready ?? {})
    }

    // MARK: - Role changes

    private func softStateChanged(_ soft: RaftSoftState) {
        let leads = soft.role == .leader
        if !leads && wasLeader {
            leaderRuntime?.stop()
            leaderRuntime = nil
            failPending()
        }
        wasLeader = leads
        if leads { checkLeadershipReady() }
        if soft.leaderID != nil, let known = onLeaderKnown {
            onLeaderKnown = nil
            known()
        }
    }

    private func raftEvent(_ event: RaftEvent) {
        switch event.kind {
        case .removedFromCluster:
            simulation.emit(node: host.name, component: "raft", kind: "raft.removed", "raft: member has been removed")
            node.managerRemoved()
        default:
            return
        }
    }

    // MARK: - Trace

    private func traceChanges(_ changes: [StoreChange]) {
        guard raft.node.isLeader, simulation.trace.isEnabled else { return }
        for change in changes {
            switch change {
            case let .nodeUpdated(old, new) where old.status.state != new.status.state:
                simulation.emit(node: host.name, component: "dispatcher", kind: "node.status",
                                "node \(new.description.hostname) is \(new.status.state.displayName)"
                                    + (new.status.message.isEmpty ? "" : " (\(new.status.message))"),
                                fields: [TraceField("target", new.description.hostname), TraceField("status", new.status.state.displayName.lowercased())])
            case let .taskUpdated(old, new) where old.status.state != new.status.state:
                traceTask(new)
            case let .taskCreated(task):
                traceTask(task)
            default:
                continue
            }
        }
    }

    private func traceTask(_ task: TaskObject) {
        let hostname = task.nodeID.flatMap { store.node($0)?.description.hostname } ?? ""
        simulation.emit(node: host.name, component: task.status.state.writer, kind: "task.state", Self.text(of: task, on: hostname), fields: [
            TraceField("task", task.id.rawValue), TraceField("service", task.serviceName), TraceField("slot", task.slot),
            TraceField("target", hostname), TraceField("state", task.status.state.name),
        ])
    }

    /// `task web.1 running on w1`, with the error if any (built only if a trace sink reads texts).
    private static func text(of task: TaskObject, on hostname: String) -> String {
        var text = "task \(task.name) \(task.status.state.name)"
        if !hostname.isEmpty { text += " on \(hostname)" }
        if !task.status.err.isEmpty { text += ": \(task.status.err)" }
        return text
    }
}
