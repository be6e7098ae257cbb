import SimEngine

/// A push-pull waiting for its reply.
struct PendingExchange {
    var timer: TimerID
    var join: Bool
    var completion: (Bool) -> Void
}

extension Memberlist {
    /// Bytes of a compound packet's header, and of each part's (memberlist `compoundHeaderOverhead`,
    /// `compoundOverhead`).
    static let compoundHeaderOverhead = 2
    static let compoundOverhead = 2

    // MARK: - Starting and leaving

    /// memberlist `Create`: this node is alive at incarnation 1; probing, gossip and push-pull start.
    func start() {
        incarnation = 1
        aliveNode(Alive(incarnation: incarnation, node: me), bootstrap: true)
        scheduleProbes()
        simulation.schedule(after: config.gossipInterval, for: self) { $0.gossipTick() }
        let interval = config.pushPullInterval(nodes: estimatedNodes)
        let stagger = SimDuration(nanoseconds: Int64(random.nextInt(below: Int(interval.nanoseconds))))
        simulation.schedule(after: stagger + interval, for: self) { $0.pushPullTick() }
    }

    /// memberlist `Join`: a push-pull with each of `seeds`; `completion` gets how many answered.
    func join(_ seeds: [HostID], completion: @escaping (Int) -> Void) {
        let peers = seeds.filter { $0 != me }
        guard !peers.isEmpty else { return completion(0) }
        var answered = 0
        var pending = peers.count
        for peer in peers {
            pushPull(with: peer, join: true) { success in
                if success { answered += 1 }
                pending -= 1
                if pending == 0 { completion(answered) }
            }
        }
    }

    /// memberlist `Leave`: announce this node's death (a `dead` from itself), then stop once
    /// the announcement was gossiped out or `leaveTimeout` passed (`Shutdown`).
    func leave(then done: @escaping () -> Void) {
        guard !hasLeft else { return }
        hasLeft = true
        if let state = members[me] {
            deadNode(Dead(incarnation: state.incarnation, node: me, from: me))
        }
        simulation.schedule(after: config.leaveTimeout, for: self) { list in
            list.isRunning = false
            done()
        }
    }

    // MARK: - Sending

    /// Sends one message over UDP with queued broadcasts piggybacked (memberlist `sendMsg`).
    func send(_ part: GossipPart, to node: HostID) {
        let free = config.udpBufferSize - part.size - Self.compoundHeaderOverhead
        sendRaw([part] + takeBroadcasts(limit: free), to: node)
    }

    /// Sends a packet as it is (`rawSendMsgPacket`, `SendBestEffort`).
    func sendRaw(_ parts: [GossipPart], to node: HostID) {
        simulation.network.send(GossipMessage.packet(parts), from: me, to: node)
    }

    /// memberlist `getBroadcasts`: memberlist's own first, then the delegate's.
    private func takeBroadcasts(limit: Int) -> [GossipPart] {
        var parts = broadcasts.take(overhead: Self.compoundOverhead, limit: limit, nodes: estimatedNodes).map(\.part)
        let used = parts.reduce(0) { $0 + $1.size + Self.compoundOverhead }
        parts += delegate.broadcasts(overhead: Self.compoundOverhead, limit: limit - used)
        return parts
    }

    // MARK: - Gossip

    private func gossipTick() {
        gossip()
        simulation.schedule(after: config.gossipInterval, for: self) { $0.gossipTick() }
    }

    /// memberlist `gossip`: to `gossipNodes` random members (alive, suspect, or dead for less
    /// than `gossipToTheDeadTime`), a packet of queued broadcasts each; stops when none is left.
    private func gossip() {
        let targets = randomMembers(config.gossipNodes) { state in
            if state.node == self.me { return true }
            switch state.status {
            case .alive, .suspect: return false
            case .dead: return self.now - state.changedAt > self.config.gossipToTheDeadTime
            case .left: return true
            }
        }
        let free = config.udpBufferSize - Self.compoundHeaderOverhead
        for target in targets {
            let parts = takeBroadcasts(limit: free)
            if parts.isEmpty { return }
            sendRaw(parts, to: target)
        }
    }

    // MARK: - Push-pull

    private func pushPullTick() {
        let targets = randomMembers(1) { $0.node == self.me || $0.status != .alive }
        if let target = targets.first { pushPull(with: target, join: false) { _ in } }
        simulation.schedule(after: config.pushPullInterval(nodes: estimatedNodes), for: self) { $0.pushPullTick() }
    }

    /// memberlist `pushPullNode`: sends this node's full state over TCP, merges the peer's
    /// reply; gives up after `tcpTimeout`.
    func pushPull(with peer: HostID, join: Bool, completion: @escaping (Bool) -> Void) {
        nextExchange &+= 1
        let exchange = nextExchange
        let timer = simulation.schedule(after: config.tcpTimeout, for: self) { list in
            list.exchanges.removeValue(forKey: exchange)?.completion(false)
        }
        exchanges[exchange] = PendingExchange(timer: timer, join: join, completion: completion)
        simulation.network.send(GossipMessage.pushPull(localState(join: join), exchange: exchange, join: join),
                                from: me, to: peer)
    }

    /// memberlist `sendLocalState`: every member in `nodes` order and the delegate's state.
    private func localState(join: Bool) -> PushPullState {
        let listed = nodes.compactMap { members[$0] }.map {
            PushNodeState(node: $0.node, incarnation: $0.incarnation, state: $0.status)
        }
        return PushPullState(members: listed, networks: delegate.localState(join: join))
    }

    /// memberlist `mergeRemoteState` and `mergeState`: each listed member as an alive, left or
    /// suspect message (a dead one is only suspected: this node checks for itself).
    private func mergeRemoteState(_ state: PushPullState, join: Bool) {
        for remote in state.members {
            switch remote.state {
            case .alive:
                aliveNode(Alive(incarnation: remote.incarnation, node: remote.node))
            case .left:
                deadNode(Dead(incarnation: remote.incarnation, node: remote.node, from: remote.node))
            case .dead, .suspect:
                suspectNode(Suspect(incarnation: remote.incarnation, node: remote.node, from: me))
            }
        }
        delegate.mergeRemoteState(state.networks, join: join)
    }

    // MARK: - Receiving

    /// A gossip message from `peer` (memberlist's packet and stream handlers).
    func receive(_ message: GossipMessage, from peer: HostID) {
        guard isRunning else { return }
        switch message {
        case let .packet(parts):
            for part in parts { handle(part) }
        case let .tcpPing(ping):
            guard ping.target == me else { return }
            simulation.network.send(GossipMessage.tcpAck(sequence: ping.sequence), from: me, to: ping.source)
        case let .tcpAck(sequence):
            handleTCPAck(sequence)
        case let .pushPull(state, exchange, join):
            // memberlist `handleConn`: the reply is this node's state before the merge.
            simulation.network.send(GossipMessage.pushPullReply(localState(join: false), exchange: exchange),
                                    from: me, to: peer)
            mergeRemoteState(state, join: join)
        case let .pushPullReply(state, exchange):
            guard let pending = exchanges.removeValue(forKey: exchange) else { return }
            simulation.cancel(pending.timer)
            mergeRemoteState(state, join: pending.join)
            pending.completion(true)
        case let .bulkSync(sync):
            delegate.notifyBulkSync(sync)
        }
    }

    private func handle(_ part: GossipPart) {
        switch part {
        case let .ping(ping): handlePing(ping)
        case let .indirectPing(request): handleIndirectPing(request)
        case let .ack(sequence): handleAck(sequence)
        case .nack: return  // only Lifeguard's awareness reads nacks, and it is not built
        case let .alive(alive): aliveNode(alive)
        case let .suspect(suspect): suspectNode(suspect)
        case let .dead(dead): deadNode(dead)
        case .nodeEvent, .networkEvent, .tableEvent: delegate.notifyMessage(part)
        }
    }
}
