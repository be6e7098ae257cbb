/// The network between hosts: per directed link latency, jitter, loss and FIFO order, and
/// the faults that cut links (partitions, isolation, one-way drops).
///
/// Each directed link behaves like one TCP connection: a message never overtakes an earlier
/// one on the same link. A message in flight on a link that gets cut is lost, even if the cut
/// heals before it would have arrived; so is a message to a host that crashed or restarted.
public final class Network: EventHandler, NamedEventHandler {
    /// Parameters of every link that has no override.
    public var defaults = LinkParameters()
    /// Messages handed to the network.
    public private(set) var sent = 0
    /// Messages that reached a running host.
    public private(set) var delivered = 0
    /// Messages lost: cut links, random loss, or a destination that was down or restarted.
    public private(set) var dropped = 0
    /// Every host's inbound firewall rules (`deny`, `allow`).
    public private(set) var firewall = Firewall()
    /// Bumped whenever a partition, isolation, one-way drop or heal changes which links are cut.
    private(set) var topologyVersion = 0

    @usableFromInline unowned let simulation: Simulation
    private var overrides: [LinkKey: LinkParameters] = [:]
    /// Per link, the latest delivery time promised so far (for FIFO order).
    private var clocks = LinkClocks()
    /// Every topology the run has had; messages remember the version they were sent under.
    private var topologies: [Topology] = [Topology()]
    /// The index in `topologies` of the last one that cuts any link, or -1: those after it cut
    /// nothing, so a message sent under one of them needs no look at the links (most runs
    /// never cut anything).
    private var lastCuttingTopology = -1
    /// Messages in flight, by token, and what their delivery checks (kept apart so that a
    /// delivery moves the envelope out instead of copying it).
    private var inFlight = OwnedArray<Envelope?>()
    private var inFlightChecks = OwnedArray<DeliveryCheck>()
    private var freeInFlight = OwnedArray<Int>()
    private var streams: [RandomStream] = []

    /// What a delivery checks: the topology the message was sent under and the incarnation of
    /// its destination then.
    private struct DeliveryCheck {
        var topologyVersion: Int
        var destinationEpoch: UInt32
    }

    init(simulation: Simulation) {
        self.simulation = simulation
    }

    func hostAdded() {
        let id = streams.count
        streams.append(simulation.stream(named: "net/\(id)"))
        for index in topologies.indices {
            topologies[index].group.append(0)
            topologies[index].isolated.append(false)
            topologies[index].exempt.append(false)
        }
    }

    private var topology: Topology { topologies[topologies.count - 1] }

    // MARK: - Sending

    /// Sends `message` from one host to another. Delivery happens after the link's latency
    /// plus jitter, never before an earlier message on the same link.
    ///
    /// Generic and inlined so that the message moves into its envelope where its type is known:
    /// passed as `any NetworkMessage`, each one was copied out of the existential and the
    /// original destroyed, about 6% of a large cluster's run.
    /// - Complexity: O(log n) in the number of pending events.
    @inlinable
    public func send<Message: NetworkMessage>(_ message: consuming Message, from: HostID, to: HostID) {
        send(Envelope(from: from, to: to, message: message, sentAt: .zero))
    }

    /// The body of `send(_:from:to:)`, with the envelope built (it stamps `sentAt`: reading the
    /// clock through the unowned simulation costs a check, made once per send here).
    @usableFromInline
    func send(_ built: consuming Envelope) {
        let from = built.from, to = built.to
        sent += 1
        let key = LinkKey(from: from, to: to)
        let parameters = overrides.isEmpty ? defaults : (overrides[key] ?? defaults)
        let current = topologies.count - 1
        if current == lastCuttingTopology && topologies[current].isCut(from: from, to: to) {
            dropped += 1
            return
        }
        if parameters.loss > 0 && from != to && streams[from].nextBool(probability: parameters.loss) {
            dropped += 1
            return
        }
        var delay = from == to ? 0 : parameters.latency.nanoseconds  // loopback is immediate
        if parameters.jitter.nanoseconds > 0 && from != to {
            delay += Int64(streams[from].nextInt(below: Int(parameters.jitter.nanoseconds) + 1))
        }
        let simulation = self.simulation  // one strong reference for the whole send
        let now = simulation.now
        let arrival = clocks.arrival(on: key, proposed: now.nanoseconds + delay)
        // Swapped into its slot (or appended), not assigned: the envelope moves, with no copy
        // of the message and no destruction of the empty slot.
        built.sentAt = now
        var envelope: Envelope? = consume built
        let check = DeliveryCheck(topologyVersion: current, destinationEpoch: simulation.hosts[to].epoch)
        let token: Int
        if let free = freeInFlight.popLast() {
            swap(&envelope, &inFlight[free])
            inFlightChecks[free] = check
            token = free
        } else {
            token = inFlight.count
            inFlight.append(envelope.take())
            inFlightChecks.append(check)
        }
        simulation.schedule(at: SimInstant(nanoseconds: arrival), handler: self, token: token, host: nil)
    }

    /// Forgets every message in flight (the run is over, see `Simulation.tearDown`).
    func dropInFlight() {
        inFlight.removeAll()
        inFlightChecks.removeAll()
        freeInFlight.removeAll()
    }

    /// Names a delivery for the progress guard: the message's type and its destination.
    func eventSource(token: Int) -> String {
        guard token < inFlight.count, let envelope = inFlight[token] else { return "Network" }
        return "Network delivering \(type(of: envelope.message)) to \(simulation.hosts[envelope.to].name)"
    }

    /// Delivery of the in-flight message `token`.
    public func handleEvent(token: Int) {
        guard let envelope = inFlight[token].take() else { return }  // moved out, not copied
        freeInFlight.append(token)
        let check = inFlightChecks[token]
        let destination = simulation.hosts[envelope.to]
        if destination.epoch != check.destinationEpoch || !destination.isUp
            || wasCut(from: envelope.from, to: envelope.to, since: check.topologyVersion) {
            dropped += 1
            return
        }
        // One comparison while no host has a firewall rule: the message's port is read only then.
        if firewall.ruleCount != 0 && firewallDrops(envelope) {
            dropped += 1
            return
        }
        delivered += 1
        guard let software = destination.software else { return }
        envelope.message.deliver(envelope, to: software)
    }

    /// True if the destination's firewall drops the message. Loopback is not filtered (firewalld
    /// trusts `lo`), and senders exempt from faults (the operator's CLI client) pass as they pass
    /// every cut.
    private func firewallDrops(_ envelope: Envelope) -> Bool {
        envelope.from != envelope.to && !topology.exempt[envelope.from]
            && firewall.drops(envelope.message.port, on: envelope.to)
    }

    /// True if the link was cut under any topology since `version` (the one a message was sent under).
    private func wasCut(from: HostID, to: HostID, since version: Int) -> Bool {
        guard version <= lastCuttingTopology else { return false }
        for version in version...lastCuttingTopology where topologies[version].isCut(from: from, to: to) {
            return true
        }
        return false
    }

    // MARK: - Faults

    /// Cuts the network into groups; hosts in no group form one more group together.
    public func partition(_ groups: [[HostID]]) {
        var next = topology
        for host in next.group.indices { next.group[host] = 0 }
        for (index, members) in groups.enumerated() {
            for host in members { next.group[host] = Int32(index + 1) }
        }
        apply(next)
    }

    /// Cuts one host off from every other.
    public func isolate(_ host: HostID) {
        var next = topology
        next.isolated[host] = true
        apply(next)
    }

    /// Drops every message from `from` to `to` (one way) until `heal`.
    public func dropOneWay(from: HostID, to: HostID) {
        var next = topology
        next.oneWayDrops.insert(LinkKey(from: from, to: to))
        apply(next)
    }

    /// Keeps `host` out of every partition, isolation and one-way drop, now and later: the
    /// operator's CLI client, which reaches whichever engine it is pointed at.
    public func exemptFromFaults(_ host: HostID) {
        var next = topology
        next.exempt[host] = true
        apply(next)
    }

    /// Removes every partition, isolation and one-way drop. Latency and loss settings stay
    /// (`resetLinks(to:)` ends those).
    public func heal() {
        var next = topology
        for host in next.group.indices {
            next.group[host] = 0
            next.isolated[host] = false
        }
        next.oneWayDrops.removeAll()
        apply(next)
    }

    /// Drops from now on every inbound packet to port `number` of `host` (one transport, or
    /// both when `transport` is nil), including packets already in flight, as an
    /// `iptables -j DROP` rule on the host would: senders see timeouts. The host stays up.
    public func deny(_ number: UInt16, _ transport: NetworkPort.Transport? = nil, on host: HostID) {
        firewall.deny(number, transport, on: host)
        simulation.observer?.networkCutsChanged()
    }

    /// Removes a `deny` rule (one transport, or both when `transport` is nil).
    public func allow(_ number: UInt16, _ transport: NetworkPort.Transport? = nil, on host: HostID) {
        firewall.allow(number, transport, on: host)
        simulation.observer?.networkCutsChanged()
    }

    /// Sets the parameters of the directed link `from → to`.
    public func setLink(from: HostID, to: HostID, _ parameters: LinkParameters) {
        overrides[LinkKey(from: from, to: to)] = parameters
    }

    /// The parameters in force on the directed link `from → to`.
    public func link(from: HostID, to: HostID) -> LinkParameters {
        overrides[LinkKey(from: from, to: to)] ?? defaults
    }

    /// Drops every per-link override and makes `parameters` every link's setting: what `heal`
    /// does to latency and loss faults (SCENARIO_FORMAT §5), with the scenario's own settings.
    public func resetLinks(to parameters: LinkParameters) {
        overrides.removeAll()
        defaults = parameters
    }

    /// True if a message sent now from `from` to `to` would be cut (ground truth, for observers).
    public func isCut(from: HostID, to: HostID) -> Bool {
        topology.isCut(from: from, to: to)
    }

    private func apply(_ next: Topology) {
        topologyVersion += 1
        simulation.observer?.networkCutsChanged()
        // With nothing in flight, older topologies can never be consulted again.
        if inFlight.count == freeInFlight.count {
            topologies = [next]
            lastCuttingTopology = -1
        } else {
            topologies.append(next)
        }
        if !next.isWhole { lastCuttingTopology = topologies.count - 1 }
    }
}
