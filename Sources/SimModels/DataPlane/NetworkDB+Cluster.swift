import SimEngine

/// NetworkDB's periodic work, as libnetwork's `clusterInit` starts it (moby libnetwork
/// `networkdb/cluster.go`): table gossip every 200 ms, a bulk sync every 30 s, a reconnect to
/// one failed node every second, reaping of tombstones every 5 s and of failed or left nodes
/// every 2 h, and a rejoin through the bootstrap nodes every minute while none is active.
extension NetworkDB {
    func startPeriodicWork() {
        let config = memberlist.config
        simulation.schedule(after: config.gossipInterval, for: self) { $0.gossipTick() }
        simulation.schedule(after: Self.reapPeriod, for: self) { $0.reapTick() }
        simulation.schedule(after: Self.nodeReapPeriod, for: self) { $0.reapDeadNodesTick() }
        tickers = [
            BlockingTicker(every: config.pushPullInterval) { db, done in db.bulkSyncTables(then: done) },
            BlockingTicker(every: Self.retryInterval) { db, done in db.reconnectNode(then: done) },
            BlockingTicker(every: Self.rejoinInterval) { db, done in db.rejoinClusterBootstrap(then: done) },
        ]
        for ticker in tickers { ticker.start(for: self, on: simulation) }
    }

    // MARK: - Gossip

    private func gossipTick() {
        gossip()
        simulation.schedule(after: memberlist.config.gossipInterval, for: self) { $0.gossipTick() }
    }

    /// libnetwork `gossip`: per network of this node, one packet of its queued table events to
    /// 3 random nodes of the network (`SendBestEffort`: UDP, nothing piggybacked).
    private func gossip() {
        for network in (networks[me] ?? [:]).keys.sorted() {
            let peers = networkNodes[network] ?? []
            let targets = randomNodes(3, of: peers)
            let limit = memberlist.config.udpBufferSize - Memberlist.compoundHeaderOverhead
            guard let parts = tableBroadcasts[network]?.take(overhead: Memberlist.compoundOverhead, limit: limit,
                                                             nodes: peers.count).map(\.part),
                  !parts.isEmpty else { continue }
            for target in targets {
                guard nodes[target]?.status == .active else { break }
                memberlist.sendRaw(parts, to: target)
            }
        }
    }

    // MARK: - Bulk sync

    /// libnetwork `bulkSyncTables`: for each network of this node, a bulk sync with a random
    /// node on it; the networks that sync covered are done.
    private func bulkSyncTables(then done: @escaping () -> Void) {
        let pending = (networks[me] ?? [:]).filter { !$0.value.leaving }.keys.sorted()
        syncNetworks(pending, then: done)
    }

    private func syncNetworks(_ pending: [String], then done: @escaping () -> Void) {
        guard let network = pending.first else { return done() }
        let rest = Array(pending.dropFirst())
        let peers = networkNodes[network] ?? []
        if peers.isEmpty { return syncNetworks(rest, then: done) }
        bulkSync(peers, all: false) { [unowned self] covered in
            syncNetworks(rest.filter { !(covered ?? []).contains($0) }, then: done)
        }
    }

    /// libnetwork `bulkSync`: an unsolicited bulk sync of the common networks with each of
    /// `candidates` (`all`), or with the first that answers of 2 random ones. `completion` gets
    /// the networks of the last sync answered, nil if none was.
    func bulkSync(_ candidates: [HostID], all: Bool, completion: @escaping ([String]?) -> Void) {
        let chosen = all ? candidates : randomNodes(2, of: candidates)
        syncEach(chosen[...], all: all, covered: nil, completion: completion)
    }

    private func syncEach(_ rest: ArraySlice<HostID>, all: Bool, covered: [String]?,
                          completion: @escaping ([String]?) -> Void) {
        guard let node = rest.first else { return completion(covered) }
        let remaining = rest.dropFirst()
        if node == me { return syncEach(remaining, all: all, covered: covered, completion: completion) }
        let common = commonNetworks(with: node)
        bulkSyncNode(common, to: node, unsolicited: true) { [unowned self] answered in
            if answered && !all { return completion(common) }
            syncEach(remaining, all: all, covered: answered ? common : covered, completion: completion)
        }
    }

    /// libnetwork `bulkSyncNode`: every entry of `networks` (tombstones included) to `node` over
    /// TCP. An unsolicited one waits up to 30 s for the answer; `completion` says whether it came
    /// (taken as the TCP send succeeding: a peer that is down or cut off never answers).
    func bulkSyncNode(_ networks: [String], to node: HostID, unsolicited: Bool, completion: @escaping (Bool) -> Void) {
        guard nodes[node]?.status == .active else { return completion(true) }
        let wanted = Set(networks)
        var events: [TableEvent] = []
        for place in entries.keys.sorted() where wanted.contains(place.network) {
            guard let entry = entries[place] else { continue }
            events.append(TableEvent(kind: entry.deleting ? .delete : .create, time: entry.time, node: entry.owner,
                                     network: place.network, table: place.table, key: place.key, value: entry.value,
                                     residualReapTime: entry.reapTime))
        }
        let sync = BulkSync(time: tableClock.time, unsolicited: unsolicited, node: me, networks: networks, events: events)
        simulation.network.send(GossipMessage.bulkSync(sync), from: me, to: node)
        guard unsolicited else { return completion(true) }
        nextWaitToken += 1
        let token = nextWaitToken
        let timer = simulation.schedule(after: Self.bulkSyncTimeout, for: self) { db in
            guard let wait = db.bulkSyncWaits[node], wait.token == token else { return }
            db.bulkSyncWaits[node] = nil
            wait.completion(false)
        }
        if let earlier = bulkSyncWaits[node] { simulation.cancel(earlier.timer); earlier.completion(false) }
        bulkSyncWaits[node] = (token, timer, completion)
    }

    /// libnetwork `findCommonNetworks`.
    private func commonNetworks(with node: HostID) -> [String] {
        (networks[me] ?? [:]).keys.sorted().filter { network in
            if let theirs = networks[node]?[network] { return !theirs.leaving }
            return false
        }
    }

    // MARK: - Reconnect and rejoin

    /// libnetwork `reconnectNode`: a memberlist join to one random failed node; if it answers,
    /// a join event and a bulk sync with it.
    private func reconnectNode(then done: @escaping () -> Void) {
        let failed = nodes.keys.sorted().filter { nodes[$0]?.status == .failed }
        guard !failed.isEmpty else { return done() }
        let node = failed[random.nextInt(below: failed.count)]
        memberlist.join([node]) { [unowned self] answered in
            guard answered > 0 else { return done() }
            sendNodeEvent(.join) { [unowned self] in
                bulkSync([node], all: true) { _ in done() }
            }
        }
    }

    /// libnetwork `rejoinClusterBootStrap`: while no bootstrap node is active, retry joining
    /// them every second for 10 s (`retryJoin`).
    private func rejoinClusterBootstrap(then done: @escaping () -> Void) {
        guard !bootstrap.isEmpty, nodes[me]?.status == .active,
              !bootstrap.contains(where: { nodes[$0]?.status == .active }) else { return done() }
        retryJoin(until: simulation.now + Self.rejoinClusterDuration, then: done)
    }

    private func retryJoin(until deadline: SimInstant, then done: @escaping () -> Void) {
        simulation.schedule(after: Self.retryInterval, for: self) { db in
            guard db.simulation.now <= deadline else { return done() }
            db.memberlist.join(db.bootstrap) { [unowned db] answered in
                if answered > 0 {
                    db.sendNodeEvent(.join)
                    return done()
                }
                db.retryJoin(until: deadline, then: done)
            }
        }
    }

    // MARK: - Reaping

    private func reapTick() {
        reapTableEntries()
        reapNetworks()
        simulation.schedule(after: Self.reapPeriod, for: self) { $0.reapTick() }
    }

    /// libnetwork `reapTableEntries`: tombstones of this node's networks count down and go.
    private func reapTableEntries() {
        let mine = networks[me] ?? [:]
        for place in entries.keys.sorted() where mine[place.network] != nil {
            guard var entry = entries[place], entry.deleting else { continue }
            if entry.reapTime > Self.reapPeriod + .seconds(1) {
                entry.reapTime = entry.reapTime - Self.reapPeriod
                entries[place] = entry
            } else {
                entries[place] = nil
            }
        }
    }

    /// libnetwork `reapNetworks`: networks left count down and go.
    private func reapNetworks() {
        for node in networks.keys.sorted() {
            for network in (networks[node] ?? [:]).keys.sorted() {
                guard var membership = networks[node]?[network], membership.leaving else { continue }
                if membership.reapTime <= .zero {
                    networks[node]?[network] = nil
                } else {
                    membership.reapTime = membership.reapTime - Self.reapPeriod
                    networks[node]?[network] = membership
                }
            }
        }
    }

    private func reapDeadNodesTick() {
        for node in nodes.keys.sorted() {
            guard var record = nodes[node], record.status != .active else { continue }
            if record.reapTime > Self.nodeReapPeriod {
                record.reapTime = record.reapTime - Self.nodeReapPeriod
                nodes[node] = record
            } else {
                nodes[node] = nil
            }
        }
        simulation.schedule(after: Self.nodeReapPeriod, for: self) { $0.reapDeadNodesTick() }
    }

    /// libnetwork `mRandomNodes`: up to `count` distinct nodes other than this one, drawn at
    /// random (at most 3 × n draws).
    func randomNodes(_ count: Int, of candidates: [HostID]) -> [HostID] {
        let n = candidates.count
        var chosen: [HostID] = []
        var draws = 0
        while draws < 3 * n && chosen.count < count {
            draws += 1
            let node = candidates[random.nextInt(below: n)]
            if node == me || chosen.contains(node) { continue }
            chosen.append(node)
        }
        return chosen
    }
}
