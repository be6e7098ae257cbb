// An instant in-memory network for Raft unit tests, like etcd's `network` in
// raft_test.go: messages are delivered at once (breadth first) until none is
// left, links can be cut or made lossy, ticks are driven explicitly. Every host
// persists a ready before it sends its messages, as a real host must, on a simulated disk
// through production's `RaftStorage` (see `RaftTestDisks`).

import Testing
@testable import SimModels
import SimEngine

typealias TestNode = RaftNode<String, [String]>
typealias TestMessage = RaftMessage<String, [String]>
typealias TestEntry = RaftEntry<String>
/// What a node recovers from (read back from its disk, or made by hand).
typealias TestDisk = RaftPersistentState<String, [String]>
typealias TestSnapshot = RaftSnapshot<[String]>

/// A running host: the node and the application state (the list of commands applied, in
/// order). Its disk is in `RaftTestNetwork.disks`, and outlives it.
struct TestHost {
    var node: TestNode
    var appState: [String]
    /// Index of the last entry applied to `appState`.
    var appliedIndex: RaftIndex
}

struct RaftLink: Hashable {
    var from: RaftNodeID
    var to: RaftNodeID
}

struct RaftTestNetwork {
    var config: RaftConfig
    private(set) var ids: [RaftNodeID]
    /// Live hosts; a crashed host has only its disk in `disks`.
    var hosts: [RaftNodeID: TestHost] = [:]
    let disks: RaftTestDisks
    var cutLinks: Set<RaftLink> = []
    var dropRates: [RaftLink: Double] = [:]
    var ignoredKinds: Set<RaftMessageKind> = []
    /// Drops every message for which it returns true.
    var dropFilter: ((TestMessage) -> Bool)?
    /// Rewrites every message before delivery (nil drops it).
    var rewrite: ((TestMessage) -> TestMessage?)?
    var random: RandomStream
    let seed: UInt64
    /// When true, messages are delivered as soon as they are sent.
    var deliversInstantly = true
    /// When true, a host handles its node's ready right after every input.
    var processesReadyAtOnce = true
    /// Messages sent and not yet delivered.
    var pending: [TestMessage] = []
    /// Every message delivered, when `recordsDeliveries` is on.
    var delivered: [TestMessage] = []
    var recordsDeliveries = false
    /// When true, a host snapshots its application whenever its node says so.
    var autoCompacts = false
    /// Events the nodes reported, with the node.
    var events: [(node: RaftNodeID, event: RaftEvent)] = []
    var checker: RaftInvariantChecker<String>?
    /// Proposals accepted, to acknowledge once their proposer applies them.
    var proposals: [RaftNodeID: [(index: RaftIndex, term: RaftTerm)]] = [:]
    var acknowledged: [TestEntry] = []
    /// Set when one `deliver()` exceeded its budget: a message storm (livelock)
    /// that correct Raft never produces. The test fails instead of hanging.
    private(set) var stormed = false
    var deliveryBudget = 200_000
    private var restarts = 0

    /// A cluster of `ids`, all bootstrapped with the full membership.
    init(ids: [RaftNodeID], config: RaftConfig = RaftConfig(), seed: UInt64 = 1) {
        self.config = config
        self.ids = ids.sorted()
        self.seed = seed
        random = RandomStream(seed: seed, name: "network")
        disks = RaftTestDisks(seed: seed)
        let members = ids.map { RaftMember(id: $0, address: "m\($0)") }
        for id in ids {
            let node = TestNode.bootstrap(id: id, members: members, config: config,
                                          random: RandomStream(seed: seed, name: "raft-\(id)"))
            hosts[id] = TestHost(node: node, appState: [], appliedIndex: 0)
            process(id)
        }
        deliver()
    }

    init(size: Int, config: RaftConfig = RaftConfig(), seed: UInt64 = 1) {
        self.init(ids: (1...size).map { RaftNodeID($0) }, config: config, seed: seed)
    }

    /// A network of nodes built by the test (their disks start as what they recovered from).
    init(nodes: [TestNode], disks nodeDisks: [TestDisk]? = nil, seed: UInt64 = 1) {
        config = nodes.first?.config ?? RaftConfig()
        ids = nodes.map(\.id).sorted()
        self.seed = seed
        random = RandomStream(seed: seed, name: "network")
        disks = RaftTestDisks(seed: seed)
        for (position, node) in nodes.enumerated() {
            let disk = nodeDisks?[position] ?? TestDisk()
            disks.install(disk, on: node.id)
            hosts[node.id] = TestHost(node: node, appState: disk.snapshot?.state ?? [],
                                      appliedIndex: disk.snapshot?.index ?? 0)
            process(node.id)
        }
        deliver()
    }

    // MARK: - Access

    subscript(id: RaftNodeID) -> TestNode {
        get { hosts[id]!.node }
        set { hosts[id]!.node = newValue }
    }

    var liveIDs: [RaftNodeID] { ids.filter { hosts[$0] != nil } }

    /// The live leader with the highest term, if any.
    var leader: RaftNodeID? {
        liveIDs.filter { hosts[$0]!.node.isLeader }.max { hosts[$0]!.node.term < hosts[$1]!.node.term }
    }

    func leaders() -> [RaftNodeID] { liveIDs.filter { hosts[$0]!.node.isLeader } }

    // MARK: - Driving

    mutating func tick(_ id: RaftNodeID, times: Int = 1) {
        for _ in 0..<times {
            guard hosts[id] != nil else { return }
            hosts[id]!.node.tick()
            afterInput(id)
        }
    }

    /// Ticks every live node once per round, in id order.
    mutating func tickAll(times: Int = 1) {
        for _ in 0..<times {
            for id in liveIDs { tick(id) }
        }
    }

    /// Ticks every live node until `condition` holds (at most `limit` rounds).
    @discardableResult
    mutating func tickAll(until condition: (RaftTestNetwork) -> Bool, limit: Int = 200) -> Bool {
        for _ in 0..<limit {
            if condition(self) { return true }
            tickAll()
        }
        return condition(self)
    }

    mutating func campaign(_ id: RaftNodeID) {
        hosts[id]?.node.campaign()
        afterInput(id)
    }

    @discardableResult
    mutating func propose(_ id: RaftNodeID, _ command: String) -> RaftProposalResult {
        guard hosts[id] != nil else { return .notLeader(knownLeader: nil) }
        let result = hosts[id]!.node.propose(command)
        if case .accepted(let index, let term) = result { proposals[id, default: []].append((index, term)) }
        afterInput(id)
        return result
    }

    @discardableResult
    mutating func proposeConfChange(_ id: RaftNodeID, _ change: RaftConfChange) -> RaftProposalResult {
        guard hosts[id] != nil else { return .notLeader(knownLeader: nil) }
        let result = hosts[id]!.node.proposeConfChange(change)
        afterInput(id)
        return result
    }

    @discardableResult
    mutating func transferLeadership(from id: RaftNodeID, to target: RaftNodeID) -> RaftTransferResult {
        let result = hosts[id]!.node.transferLeadership(to: target)
        afterInput(id)
        return result
    }

    /// Sends a message as if from the network (it may be dropped by the filters).
    mutating func send(_ message: TestMessage) {
        pending.append(message)
        deliver()
    }

    /// Lets `id` do something to its node directly, then handles the consequences.
    mutating func with(_ id: RaftNodeID, _ body: (inout TestNode) -> Void) {
        body(&hosts[id]!.node)
        afterInput(id)
    }

    private mutating func afterInput(_ id: RaftNodeID) {
        if processesReadyAtOnce { process(id) }
        if deliversInstantly { deliver() }
    }

    /// The host side of the ready protocol: persist and sync, restore a
    /// snapshot, send, apply — for every ready the node has.
    mutating func process(_ id: RaftNodeID) {
        guard var host = hosts[id] else { return }
        while let ready = host.node.takeReady() {
            disks.persist(ready, on: id)
            if ready.restoreSnapshot, let snapshot = ready.snapshot {
                host.appState = snapshot.state
                host.appliedIndex = snapshot.index
                checker?.recordSnapshotRestored(index: snapshot.index, term: snapshot.term, by: id)
            }
            pending.append(contentsOf: ready.messages)
            for entry in ready.committedEntries {
                precondition(entry.index == host.appliedIndex + 1, "node \(id) applies \(entry.index) after \(host.appliedIndex)")
                host.appliedIndex = entry.index
                if let command = entry.command { host.appState.append(command) }
            }
            if !ready.committedEntries.isEmpty {
                checker?.recordApplied(ready.committedEntries, by: id)
                acknowledgeApplied(ready.committedEntries, by: id, term: host.node.term)
            }
            events.append(contentsOf: ready.events.map { (id, $0) })
            if autoCompacts && host.node.needsSnapshot && host.appliedIndex == host.node.appliedIndex {
                host.node.compact(snapshotAt: host.appliedIndex, state: host.appState)
            }
        }
        hosts[id] = host
    }

    private mutating func acknowledgeApplied(_ entries: [TestEntry], by id: RaftNodeID, term: RaftTerm) {
        guard var mine = proposals[id], !mine.isEmpty else { return }
        for entry in entries {
            if let position = mine.firstIndex(where: { $0.index == entry.index }) {
                if mine[position].term == entry.term {
                    acknowledged.append(entry)
                    checker?.acknowledge(entry, leaderTerm: term)
                }
                mine.remove(at: position)
            }
        }
        proposals[id] = mine
    }

    func isDropped(_ message: TestMessage) -> Bool {
        let link = RaftLink(from: message.from, to: message.to)
        return cutLinks.contains(link) || ignoredKinds.contains(message.kind) || dropFilter?(message) == true
    }

    /// Delivers pending messages breadth first until none is left.
    mutating func deliver() {
        var position = 0
        var deliveries = 0
        while position < pending.count {
            deliveries += 1
            if deliveries > deliveryBudget {
                stormed = true
                Issue.record("message storm: more than \(deliveryBudget) deliveries without quiescence (seed \(seed))")
                break
            }
            let message = pending[position]
            position += 1
            if position > 1024 {
                pending.removeFirst(position)
                position = 0
            }
            deliverNow(message)
        }
        pending.removeAll()
    }

    /// Delivers one message now, unless a filter drops it.
    mutating func deliverNow(_ original: TestMessage) {
        if isDropped(original) { return }
        guard let message = rewrite.map({ $0(original) }) ?? original else { return }
        let link = RaftLink(from: message.from, to: message.to)
        if let rate = dropRates[link], random.nextBool(probability: rate) { return }
        guard hosts[message.to] != nil else { return }
        if recordsDeliveries { delivered.append(message) }
        hosts[message.to]!.node.step(message)
        if processesReadyAtOnce { process(message.to) }
    }

    // MARK: - Faults

    /// Cuts both directions between `a` and `b`.
    mutating func cut(_ a: RaftNodeID, _ b: RaftNodeID) {
        cutLinks.insert(RaftLink(from: a, to: b))
        cutLinks.insert(RaftLink(from: b, to: a))
    }

    mutating func isolate(_ id: RaftNodeID) {
        for other in ids where other != id { cut(id, other) }
    }

    /// Drops messages from `from` to `to` with probability `rate`.
    mutating func drop(from: RaftNodeID, to: RaftNodeID, rate: Double) {
        dropRates[RaftLink(from: from, to: to)] = rate
    }

    mutating func ignore(_ kind: RaftMessageKind) { ignoredKinds.insert(kind) }

    /// Heals every fault.
    mutating func recover() {
        cutLinks.removeAll()
        dropRates.removeAll()
        ignoredKinds.removeAll()
        dropFilter = nil
        rewrite = nil
    }

    /// The host loses power: everything its disk did not sync is gone.
    mutating func crash(_ id: RaftNodeID) {
        guard hosts[id] != nil else { return }
        disks.crash(id)
        hosts[id] = nil
        checker?.nodeCrashed(id)
        proposals[id] = nil
    }

    /// The host comes back and rebuilds its node and application from its disk.
    mutating func restart(_ id: RaftNodeID) {
        guard hosts[id] == nil else { return }
        disks.powerOn(id)
        let disk = disks.read(id)
        restarts += 1
        let node = TestNode(id: id, config: config, persisted: disk,
                            random: RandomStream(seed: seed, name: "raft-\(id)-restart-\(restarts)"))
        hosts[id] = TestHost(node: node, appState: disk.snapshot?.state ?? [],
                             appliedIndex: disk.snapshot?.index ?? 0)
        if let snapshot = disk.snapshot {
            checker?.recordSnapshotRestored(index: snapshot.index, term: snapshot.term, by: id)
        }
        afterInput(id)
    }

    /// Adds a brand-new, empty host (a joining manager).
    mutating func addHost(_ id: RaftNodeID) {
        ids = (ids + [id]).sorted()
        let node = TestNode(id: id, config: config, random: RandomStream(seed: seed, name: "raft-\(id)"))
        hosts[id] = TestHost(node: node, appState: [], appliedIndex: 0)
    }

    /// Observations of every live node, for the checker.
    mutating func observe() -> [RaftViolation] {
        guard checker != nil else { return [] }
        let observations = liveIDs.map { hosts[$0]!.node.observation }
        return checker!.observe(observations)
    }
}
