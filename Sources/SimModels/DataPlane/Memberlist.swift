import SimEngine

/// A SWIM failure detector with Lifeguard's suspicion, as hashicorp/memberlist builds it, on
/// one host: it probes one member a second, gossips what changed, exchanges full state with a
/// random member every 30 s, and tells its delegate (NetworkDB) who joined and who failed.
///
/// It knows only what arrives on its 7946 and what its own probes saw. Facets:
/// `Memberlist+Probe` (probing, `state.go` `probe`/`probeNode`), `Memberlist+Exchange` (gossip,
/// push-pull, join, leave, and every message received). This file holds the state changes:
/// `state.go` `aliveNode`, `suspectNode`, `deadNode` and `refute`.
///
/// Not built: Lifeguard's awareness (`awareness.go`, which stretches a node's own probe
/// timings while its probes fail), meta data, protocol versions and encryption.
public final class Memberlist: HostComponent {
    public let host: Host
    let simulation: Simulation
    let config: MemberlistConfig
    unowned let delegate: MemberlistDelegate
    var random: RandomStream
    public internal(set) var isRunning = true

    /// Every member known, this node included, by host.
    var members: [HostID: MemberState] = [:]
    /// The members in probe order (memberlist `nodes`): shuffled at each round, newcomers at a
    /// random place; dead members are dropped 30 s after they died (`resetNodes`).
    var nodes: [HostID] = []
    var probeIndex = 0
    /// This node's incarnation number.
    var incarnation: UInt32 = 0
    var sequence: UInt32 = 0
    var suspicions: [HostID: Suspicion] = [:]
    var broadcasts = TransmitLimitedQueue<MemberBroadcast>(retransmitMult: 4)
    /// Who waits for an ack, by sequence number.
    var ackHandlers: [UInt32: AckHandler] = [:]
    /// The probe in progress.
    var probe: ProbeRun?
    /// Push-pulls waiting for their reply, by exchange number.
    var exchanges: [UInt32: PendingExchange] = [:]
    var nextExchange: UInt32 = 0
    /// Set by `leave`: this node announced its own death.
    var hasLeft = false

    init(host: Host, simulation: Simulation, config: MemberlistConfig, delegate: MemberlistDelegate) {
        self.host = host
        self.simulation = simulation
        self.config = config
        self.delegate = delegate
        random = simulation.stream(named: "gossip/\(host.name)/\(host.epoch)")
        broadcasts = TransmitLimitedQueue(retransmitMult: config.retransmitMult)
    }

    var me: HostID { host.id }
    var now: SimInstant { simulation.now }

    /// memberlist `estNumNodes`: the members in `nodes`, this one and the recently dead included.
    var estimatedNodes: Int { nodes.count }

    /// The state of `node` as this member sees it.
    public func member(_ node: HostID) -> MemberState? { members[node] }

    /// Every member this node knows, in host order.
    public var knownMembers: [MemberState] { members.keys.sorted().compactMap { members[$0] } }

    // MARK: - State changes (state.go)

    /// `aliveNode`: a member announces itself alive at an incarnation. A newer incarnation (or
    /// a new member) is taken and gossiped on; a claim about this node that it did not make is
    /// refuted.
    func aliveNode(_ alive: Alive, bootstrap: Bool = false) {
        if hasLeft && alive.node == me { return }
        var state: MemberState
        if let known = members[alive.node] {
            state = known
        } else {
            state = MemberState(node: alive.node, incarnation: 0, status: .dead, changedAt: now)
            let offset = nodes.isEmpty ? 0 : random.nextInt(below: nodes.count)
            nodes.append(alive.node)
            nodes.swapAt(offset, nodes.count - 1)
        }
        let isLocal = alive.node == me
        let isNew = members[alive.node] == nil
        if alive.incarnation <= state.incarnation && !isLocal && !isNew { return }
        if alive.incarnation < state.incarnation && isLocal { return }
        cancelSuspicion(of: alive.node)
        let oldStatus = state.status
        if !bootstrap && isLocal {
            members[alive.node] = state
            if alive.incarnation == state.incarnation { return }
            refute(accused: alive.incarnation)
            return
        }
        broadcast(.alive(alive), about: alive.node)
        state.incarnation = alive.incarnation
        if state.status != .alive {
            state.status = .alive
            state.changedAt = now
        }
        members[alive.node] = state
        if oldStatus == .dead || oldStatus == .left {
            delegate.notifyJoin(alive.node)
        }
    }

    /// `suspectNode`: someone could not reach a member. A first suspicion starts the suspicion
    /// timer (`Suspicion`) and is gossiped on; later ones from other accusers confirm it and
    /// shorten the timer. A suspicion of this node is refuted.
    func suspectNode(_ suspect: Suspect) {
        guard var state = members[suspect.node], suspect.incarnation >= state.incarnation else { return }
        if var suspicion = suspicions[suspect.node] {
            if suspicion.confirm(from: suspect.from) {
                rearm(&suspicion, of: suspect.node)
                suspicions[suspect.node] = suspicion
                broadcast(.suspect(suspect), about: suspect.node)
            }
            return
        }
        guard state.status == .alive else { return }
        if suspect.node == me {
            refute(accused: suspect.incarnation)
            return
        }
        broadcast(.suspect(suspect), about: suspect.node)
        state.incarnation = suspect.incarnation
        state.status = .suspect
        state.changedAt = now
        members[suspect.node] = state
        let n = estimatedNodes
        var k = config.suspicionMult - 2
        if n - 2 < k { k = 0 }
        let min = Suspicion.minimumTimeout(mult: config.suspicionMult, nodes: n, interval: config.probeInterval)
        var suspicion = Suspicion(from: suspect.from, k: k, min: min, max: min * config.suspicionMaxTimeoutMult, start: now)
        rearm(&suspicion, of: suspect.node)
        suspicions[suspect.node] = suspicion
    }

    /// (Re)sets the timer that declares the suspected member dead at the suspicion's deadline.
    private func rearm(_ suspicion: inout Suspicion, of node: HostID) {
        if let timer = suspicion.timer { simulation.cancel(timer) }
        let changedAt = members[node]?.changedAt
        suspicion.timer = simulation.schedule(at: suspicion.deadline, for: self) { list in
            list.suspicionTimedOut(node, changedAt: changedAt)
        }
    }

    /// The suspicion timer fired: still suspect since then, the member is declared dead.
    private func suspicionTimedOut(_ node: HostID, changedAt: SimInstant?) {
        guard let state = members[node], state.status == .suspect, state.changedAt == changedAt else { return }
        let confirmations = suspicions[node]?.count ?? 0
        simulation.emit(node: host.name, component: "gossip", kind: "gossip.failed",
                              "memberlist: Marking \(name(of: node)) as failed, suspect timeout reached (\(confirmations) peer confirmations)")
        deadNode(Dead(incarnation: state.incarnation, node: node, from: me))
    }

    private func cancelSuspicion(of node: HostID) {
        if let timer = suspicions.removeValue(forKey: node)?.timer { simulation.cancel(timer) }
    }

    /// `deadNode`: a member was declared dead (or announced its leave). Gossiped on; the
    /// delegate hears `notifyLeave`. A death of this node that it did not announce is refuted.
    func deadNode(_ dead: Dead) {
        guard var state = members[dead.node], dead.incarnation >= state.incarnation else { return }
        cancelSuspicion(of: dead.node)
        if state.isDeadOrLeft { return }
        if dead.node == me && !hasLeft {
            refute(accused: dead.incarnation)
            return
        }
        broadcast(.dead(dead), about: dead.node)
        state.incarnation = dead.incarnation
        state.status = dead.node == dead.from ? .left : .dead
        state.changedAt = now
        members[dead.node] = state
        delegate.notifyLeave(dead.node)
    }

    /// `refute`: this node is alive; it takes an incarnation above the accusation and says so.
    func refute(accused: UInt32) {
        incarnation += 1
        if accused >= incarnation { incarnation = accused + 1 }
        members[me]?.incarnation = incarnation
        broadcast(.alive(Alive(incarnation: incarnation, node: me)), about: me)
    }

    /// Queues a memberlist broadcast (`encodeAndBroadcast`).
    func broadcast(_ part: GossipPart, about node: HostID) {
        broadcasts.queue(MemberBroadcast(node: node, part: part))
    }

    func name(of node: HostID) -> String { simulation.hosts[node].name }
}
