import SimEngine

/// Who waits for an ack with a given sequence number.
enum AckHandler {
    /// This node's own probe (direct, or relayed back by a peer that probed indirectly).
    case probe
    /// A peer asked this node to probe for it (`handleIndirectPing`): relay the ack to it.
    case indirect(origin: HostID, originSequence: UInt32, wantsNack: Bool)
}

/// The probe in progress (memberlist `probeNode`, one at a time).
struct ProbeRun {
    var target: HostID
    /// The target's incarnation when the probe began (memberlist probes a copy of its state).
    var incarnation: UInt32
    var sequence: UInt32
    var acked = false
    var tcpAcked = false
}

extension Memberlist {
    /// Starts the probe loop: one probe every `probeInterval` (memberlist `schedule`: a ticker
    /// created at start, so the first probe is one interval after it).
    func scheduleProbes() {
        simulation.schedule(after: config.probeInterval, for: self) { $0.probeTick() }
    }

    private func probeTick() {
        probeNext()
        // Scheduled after the probe's own timers, so at the same instant the probe ends first.
        simulation.schedule(after: config.probeInterval, for: self) { $0.probeTick() }
    }

    /// memberlist `probe`: the next member in probe order that is neither this node nor dead
    /// or left; at the end of the order, `resetNodes` and start over.
    private func probeNext() {
        var checked = 0
        while checked < nodes.count {
            if probeIndex >= nodes.count {
                resetNodes()
                probeIndex = 0
                checked += 1
                continue
            }
            let node = nodes[probeIndex]
            probeIndex += 1
            guard node != me, let state = members[node], !state.isDeadOrLeft else {
                checked += 1
                continue
            }
            probeNode(state)
            return
        }
    }

    /// memberlist `resetNodes`: drops members dead for more than `gossipToTheDeadTime` from
    /// the member list (they are forgotten), then shuffles the order.
    private func resetNodes() {
        var kept: [HostID] = []
        for node in nodes {
            if let state = members[node], state.isDeadOrLeft, now - state.changedAt > config.gossipToTheDeadTime {
                members[node] = nil
            } else {
                kept.append(node)
            }
        }
        random.shuffle(&kept)
        nodes = kept
    }

    /// memberlist `probeNode`: a direct ping (with a `suspect` beside it when the target is
    /// suspect); no ack within `probeTimeout` → indirect pings through `indirectChecks` random
    /// alive members and a TCP ping; still no ack when `probeInterval` is up → suspect it.
    private func probeNode(_ target: MemberState) {
        let sequence = nextSequence()
        probe = ProbeRun(target: target.node, incarnation: target.incarnation, sequence: sequence)
        ackHandlers[sequence] = .probe
        let ping = Ping(sequence: sequence, target: target.node, source: me)
        if target.status == .alive {
            send(.ping(ping), to: target.node)
        } else {
            let suspect = Suspect(incarnation: target.incarnation, node: target.node, from: me)
            sendRaw([.ping(ping), .suspect(suspect)], to: target.node)
        }
        simulation.schedule(after: config.probeTimeout, for: self) { $0.probeTimedOut(sequence) }
        simulation.schedule(after: config.probeInterval, for: self) { $0.probeDeadline(sequence) }
    }

    /// No direct ack in time: ask peers to probe, and try TCP.
    private func probeTimedOut(_ sequence: UInt32) {
        guard let run = probe, run.sequence == sequence, !run.acked else { return }
        let helpers = randomMembers(config.indirectChecks) { state in
            state.node == self.me || state.node == run.target || state.status != .alive
        }
        for helper in helpers {
            let request = IndirectPing(sequence: sequence, target: run.target, source: me, wantsNack: true)
            send(.indirectPing(request), to: helper)
        }
        simulation.network.send(GossipMessage.tcpPing(Ping(sequence: sequence, target: run.target, source: me)),
                                from: me, to: run.target)
    }

    /// The probe's time is up: without any ack, the target is suspected.
    private func probeDeadline(_ sequence: UInt32) {
        ackHandlers[sequence] = nil
        guard let run = probe, run.sequence == sequence else { return }
        probe = nil
        if run.acked || run.tcpAcked { return }
        simulation.emit(node: host.name, component: "gossip", kind: "gossip.suspect",
                        "memberlist: Suspect \(name(of: run.target)) has failed, no acks received")
        suspectNode(Suspect(incarnation: run.incarnation, node: run.target, from: me))
    }

    // MARK: - Answering probes

    /// memberlist `handlePing`: ack a ping meant for this node.
    func handlePing(_ ping: Ping) {
        guard ping.target == me else { return }
        send(.ack(sequence: ping.sequence), to: ping.source)
    }

    /// memberlist `handleIndirectPing`: probe the target for the asker; relay its ack, or send
    /// a nack when none came within `probeTimeout`.
    func handleIndirectPing(_ request: IndirectPing) {
        let sequence = nextSequence()
        ackHandlers[sequence] = .indirect(origin: request.source, originSequence: request.sequence,
                                          wantsNack: request.wantsNack)
        send(.ping(Ping(sequence: sequence, target: request.target, source: me)), to: request.target)
        simulation.schedule(after: config.probeTimeout, for: self) { list in
            guard case let .indirect(origin, originSequence, wantsNack)? = list.ackHandlers.removeValue(forKey: sequence)
            else { return }
            if wantsNack { list.send(.nack(sequence: originSequence), to: origin) }
        }
    }

    /// An ack arrived: for this node's probe, or one to relay.
    func handleAck(_ sequence: UInt32) {
        switch ackHandlers[sequence] {
        case .probe?:
            if probe?.sequence == sequence { probe?.acked = true }
        case let .indirect(origin, originSequence, _)?:
            ackHandlers[sequence] = nil
            send(.ack(sequence: originSequence), to: origin)
        case nil:
            return
        }
    }

    /// The TCP fallback ping's answer.
    func handleTCPAck(_ sequence: UInt32) {
        if probe?.sequence == sequence { probe?.tcpAcked = true }
    }

    func nextSequence() -> UInt32 {
        sequence &+= 1
        return sequence
    }

    /// memberlist `kRandomNodes`: up to `count` distinct members not excluded, drawn at random
    /// (at most 3 × n draws); among fewer than 3 × `count` members, the first not excluded of a
    /// shuffled copy, so that none is missed.
    func randomMembers(_ count: Int, excluding excluded: (MemberState) -> Bool) -> [HostID] {
        let n = nodes.count
        var chosen: [HostID] = []
        if n < count * 3 {
            var shuffled = nodes
            random.shuffle(&shuffled)
            for node in shuffled where chosen.count < count {
                guard let state = members[node], !excluded(state) else { continue }
                chosen.append(node)
            }
            return chosen
        }
        var draws = 0
        while draws < 3 * n && chosen.count < count {
            draws += 1
            let node = nodes[random.nextInt(below: n)]
            guard let state = members[node], !excluded(state), !chosen.contains(node) else { continue }
            chosen.append(node)
        }
        return chosen
    }
}
