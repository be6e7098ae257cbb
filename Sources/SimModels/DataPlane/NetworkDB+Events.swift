import SimEngine

/// What messages and the failure detector change in NetworkDB: moby libnetwork
/// `networkdb/delegate.go` (`handleNodeEvent`, `handleNetworkEvent`, `handleTableEvent`,
/// `handleBulkSync`, `LocalState`, `MergeRemoteState`), `event_delegate.go` (`NotifyJoin`,
/// `NotifyLeave`) and `nodemgmt.go` (`changeNodeState`).
extension NetworkDB: MemberlistDelegate {
    // MARK: - Failure detector

    /// libnetwork `NotifyJoin`: a node alive again is active again; a new one is added.
    func notifyJoin(_ node: HostID) {
        if changeNodeState(node, to: .active) { return }
        if nodes[node] == nil { activeCount += 1 }
        nodes[node] = NodeRecord(status: .active)
    }

    /// libnetwork `NotifyLeave`: an active node the failure detector declared dead (or that left
    /// without its leave event arriving first) is failed: its entries go.
    func notifyLeave(_ node: HostID) {
        guard nodes[node]?.status == .active else { return }
        changeNodeState(node, to: .failed)
    }

    /// libnetwork `changeNodeState`: a failed or left node loses its networks and entries here,
    /// and is remembered 24 h.
    @discardableResult
    func changeNodeState(_ node: HostID, to status: NodeStatus) -> Bool {
        guard var record = nodes[node], record.status != status else { return false }
        if record.status == .active { activeCount -= 1 }
        if status == .active { activeCount += 1 }
        record.status = status
        if status == .active {
            record.reapTime = .zero
        } else if record.reapTime == .zero {
            record.reapTime = Self.nodeReapInterval
        }
        nodes[node] = record
        simulation.emit(node: host.name, component: "networkdb", kind: "networkdb.node",
                              "networkdb: node \(simulation.hosts[node].name) is now \(status)")
        if status != .active {
            deleteNodeFromNetworks(node)
            deleteNodeTableEntries(node)
        }
        return true
    }

    // MARK: - Messages

    func notifyMessage(_ part: GossipPart) {
        switch part {
        case let .nodeEvent(event):
            if handleNodeEvent(event) { nodeBroadcasts.queue(NetworkDBBroadcast(part: part)) }
        case let .networkEvent(event):
            if handleNetworkEvent(event) { networkBroadcasts.queue(NetworkDBBroadcast(part: part)) }
        case let .tableEvent(event):
            handleTableMessage(event, isBulkSync: false)
        default:
            return
        }
    }

    /// libnetwork `handleNodeEvent`: a newer join or leave of an active node; a leave makes it
    /// left at once, its entries gone. True if it is news to gossip on.
    func handleNodeEvent(_ event: NodeEvent) -> Bool {
        networkClock.witness(event.time)
        guard var record = nodes[event.node], record.time < event.time else { return false }
        record.time = event.time
        nodes[event.node] = record
        guard record.status == .active else { return false }
        switch event.kind {
        case .join: return changeNodeState(event.node, to: .active)
        case .leave: return changeNodeState(event.node, to: .left)
        }
    }

    /// libnetwork `handleNetworkEvent`: a node joined or left a network. True if news.
    func handleNetworkEvent(_ event: NetworkEvent) -> Bool {
        networkClock.witness(event.time)
        if event.node == me { return false }
        if var membership = networks[event.node]?[event.network] {
            if membership.time >= event.time { return false }
            membership.time = event.time
            membership.leaving = event.kind == .leave
            if membership.leaving {
                membership.reapTime = Self.reapNetworkInterval
                networks[event.node]?[event.network] = membership
                deleteNodeNetworkEntries(event.network, node: event.node)
                deleteNetworkNode(event.network, event.node)
            } else {
                networks[event.node]?[event.network] = membership
                addNetworkNode(event.network, event.node)
            }
            return true
        }
        if event.kind == .leave { return false }
        // Only for a node the failure detector holds alive.
        guard nodes[event.node]?.status == .active else { return false }
        networks[event.node, default: [:]][event.network] = Membership(time: event.time)
        addNetworkNode(event.network, event.node)
        return true
    }

    /// libnetwork `handleTableMessage`: applies a peer's table event, and gossips it on when it
    /// was news to a network in sync.
    func handleTableMessage(_ event: TableEvent, isBulkSync: Bool) {
        if event.node == me { return }
        guard handleTableEvent(event, isBulkSync: isBulkSync),
              let own = networks[me]?[event.network], !own.leaving, tableBroadcasts[event.network] != nil else { return }
        if isBulkSync && (tableBroadcasts[event.network]?.count ?? 0) > Self.maxQueueLenBroadcastOnSync { return }
        tableBroadcasts[event.network]?.queue(NetworkDBBroadcast(part: .tableEvent(event)))
    }

    /// libnetwork `handleTableEvent`: takes an event newer than the entry held, for a network
    /// this node is on, from a node it knows on that network. True if it is to be gossiped on.
    func handleTableEvent(_ event: TableEvent, isBulkSync: Bool) -> Bool {
        tableClock.witness(event.time)
        guard let own = networks[me]?[event.network], !own.leaving,
              (networkNodes[event.network] ?? []).contains(event.node) else { return false }
        let place = EntryKey(network: event.network, table: event.table, key: event.key)
        let existed = entries[place] != nil
        if let held = entries[place] {
            if held.time >= event.time { return false }
        } else if event.kind == .delete && !isBulkSync {
            return false
        }
        var entry = Entry(owner: event.node, value: event.value, time: event.time, deleting: event.kind == .delete,
                          reapTime: event.residualReapTime)
        if entry.deleting && entry.reapTime == .zero { entry.reapTime = Self.reapEntryInterval }
        entries[place] = entry
        if !existed && event.kind == .delete {
            return own.inSync && entry.reapTime > Self.reapEntryInterval / 6
        }
        let kind: Change.Kind = switch event.kind {
        case .create: .create
        case .update: .update
        case .delete: .delete
        }
        onChange?(Change(kind: kind, network: event.network, table: event.table, key: event.key, value: event.value,
                         owner: event.node))
        return own.inSync
    }

    /// libnetwork `handleBulkSync`: applies a peer's tables; answers an unsolicited sync with
    /// this node's own, or ends the wait for the answer to one this node sent.
    func notifyBulkSync(_ sync: BulkSync) {
        if sync.time > 0 { tableClock.witness(sync.time) }
        for event in sync.events { handleTableMessage(event, isBulkSync: true) }
        if !sync.unsolicited {
            if let wait = bulkSyncWaits.removeValue(forKey: sync.node) {
                simulation.cancel(wait.timer)
                wait.completion(true)
            }
            return
        }
        bulkSyncNode(sync.networks, to: sync.node, unsolicited: false) { _ in }
    }

    // MARK: - Push-pull

    /// libnetwork `LocalState`: every node's networks (a join refreshes this node's times).
    func localState(join: Bool) -> NetworkPushPull {
        if join {
            let time = networkClock.increment()
            for network in (networks[me] ?? [:]).keys.sorted() { networks[me]?[network]?.time = time }
        }
        var listed: [NetworkPushPull.Entry] = []
        for node in networks.keys.sorted() {
            for (network, membership) in (networks[node] ?? [:]).sorted(by: { $0.key < $1.key }) {
                listed.append(.init(time: membership.time, network: network, node: node, leaving: membership.leaving))
            }
        }
        return NetworkPushPull(time: networkClock.time, node: me, networks: listed)
    }

    /// libnetwork `MergeRemoteState`: the peer's state as a join event and network events.
    func mergeRemoteState(_ state: NetworkPushPull, join: Bool) {
        _ = handleNodeEvent(NodeEvent(kind: .join, time: state.time, node: state.node))
        for entry in state.networks {
            _ = handleNetworkEvent(NetworkEvent(kind: entry.leaving ? .leave : .join, time: entry.time,
                                                node: entry.node, network: entry.network))
        }
    }

    /// The delegate's broadcasts: network events, then node events (libnetwork `GetBroadcasts`).
    func broadcasts(overhead: Int, limit: Int) -> [GossipPart] {
        guard !networkBroadcasts.isEmpty || !nodeBroadcasts.isEmpty else { return [] }
        var parts = networkBroadcasts.take(overhead: overhead, limit: limit, nodes: activeCount).map(\.part)
        let used = parts.reduce(0) { $0 + $1.size + overhead }
        parts += nodeBroadcasts.take(overhead: overhead, limit: limit - used, nodes: activeCount).map(\.part)
        return parts
    }

    // MARK: - Sending

    /// libnetwork `sendNodeEvent`: queued for gossip; `sent` is called once it has gone out
    /// its last time, or after `broadcastTimeout` (5 s), or at once with no peer to tell.
    func sendNodeEvent(_ kind: NodeEvent.Kind, sent: (() -> Void)? = nil) {
        let event = NodeEvent(kind: kind, time: networkClock.increment(), node: me)
        var called = false
        let once: () -> Void = {
            guard !called else { return }
            called = true
            sent?()
        }
        nodeBroadcasts.queue(NetworkDBBroadcast(part: .nodeEvent(event), notify: sent == nil ? nil : once))
        guard sent != nil else { return }
        if activeCount <= 1 { return once() }
        simulation.schedule(after: Self.broadcastTimeout, for: self) { _ in once() }
    }

    /// libnetwork `sendNetworkEvent`.
    func sendNetworkEvent(_ network: String, _ kind: NetworkEvent.Kind, time: UInt64) {
        let event = NetworkEvent(kind: kind, time: time, node: me, network: network)
        networkBroadcasts.queue(NetworkDBBroadcast(part: .networkEvent(event)))
    }

    /// libnetwork `sendTableEvent`: queued for gossip on the entry's network.
    func sendTableEvent(_ kind: TableEvent.Kind, _ place: EntryKey, _ entry: Entry) {
        let event = TableEvent(kind: kind, time: entry.time, node: me, network: place.network, table: place.table,
                               key: place.key, value: entry.value, residualReapTime: entry.reapTime)
        tableBroadcasts[place.network]?.queue(NetworkDBBroadcast(part: .tableEvent(event)))
    }

    // MARK: - Bookkeeping (networkdb.go)

    func addNetworkNode(_ network: String, _ node: HostID) {
        if networkNodes[network]?.contains(node) == true { return }
        networkNodes[network, default: []].append(node)
    }

    func deleteNetworkNode(_ network: String, _ node: HostID) {
        networkNodes[network]?.removeAll { $0 == node }
    }

    /// libnetwork `deleteNodeFromNetworks`.
    func deleteNodeFromNetworks(_ node: HostID) {
        for network in networkNodes.keys.sorted() { networkNodes[network]?.removeAll { $0 == node } }
        networks[node] = nil
    }

    /// libnetwork `deleteNodeTableEntries`: every entry `node` owns is removed outright.
    func deleteNodeTableEntries(_ node: HostID) {
        for place in entries.keys.sorted() {
            guard let entry = entries[place], entry.owner == node else { continue }
            entries[place] = nil
            if !entry.deleting {
                onChange?(Change(kind: .delete, network: place.network, table: place.table, key: place.key, value: entry.value,
                                  owner: node))
            }
        }
    }

    /// libnetwork `deleteNodeNetworkEntries`: a node left a network. Its entries there become
    /// tombstones (this node's own with a newer time); when this node leaves, every other
    /// node's entries there are removed.
    func deleteNodeNetworkEntries(_ network: String, node: HostID) {
        let isLocal = node == me
        for place in entries.keys.sorted() where place.network == network {
            guard let old = entries[place] else { continue }
            if old.owner != node && !isLocal { continue }
            if old.deleting && !isLocal { continue }
            if old.owner == node {
                if !old.deleting {
                    entries[place] = Entry(owner: old.owner, value: old.value, time: old.time + (isLocal ? 1 : 0),
                                           deleting: true, reapTime: Self.reapEntryInterval)
                }
            } else {
                entries[place] = nil
            }
            if !old.deleting {
                onChange?(Change(kind: .delete, network: network, table: place.table, key: place.key, value: old.value,
                                  owner: old.owner))
            }
        }
    }
}
