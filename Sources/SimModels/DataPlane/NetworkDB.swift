import SimEngine

/// libnetwork's NetworkDB on one host: per-network tables of entries that their owner writes
/// and gossip spreads to the other nodes on the network, over a memberlist failure detector
/// (moby/libnetwork `networkdb/networkdb.go`, `cluster.go`, `delegate.go`, `event_delegate.go`,
/// `nodemgmt.go`; NETWORK_FACTS.md §0 and §3.2–3.3).
///
/// A node's entries vanish on the others when their failure detector declares it failed, or at
/// once when it leaves cleanly; they come back when it is reachable again (the 1 s reconnect,
/// then a bulk sync). Everything it knows came in messages to its 7946: no peeking at other
/// hosts. Created only when something asks for it (`GossipHosting`), so it costs nothing where
/// it is not used.
///
/// Facets: `NetworkDB+Events` (what messages change: `delegate.go`), `NetworkDB+Cluster` (the
/// periodic work: gossip, bulk sync, reconnect, reaping: `cluster.go`).
public final class NetworkDB: HostComponent {
    /// A node's state in NetworkDB (libnetwork `nodeState`).
    public enum NodeStatus: Sendable, Equatable {
        case active
        case left
        case failed
    }

    /// What this node knows of another (libnetwork `node`).
    struct NodeRecord {
        var status: NodeStatus
        /// The node's latest node-event time seen.
        var time: UInt64 = 0
        /// How much longer a failed or left node is remembered (`nodeReapInterval`, 24 h).
        var reapTime: SimDuration = .zero
    }

    /// A node's membership of a network (libnetwork `network`).
    struct Membership {
        var time: UInt64
        var leaving = false
        var reapTime: SimDuration = .zero
        /// This node's own network finished its first bulk sync (`inSync`).
        var inSync = false
    }

    /// An entry's place: network, table, key.
    struct EntryKey: Hashable, Comparable {
        var network: String
        var table: String
        var key: String

        static func < (a: EntryKey, b: EntryKey) -> Bool { (a.network, a.table, a.key) < (b.network, b.table, b.key) }
    }

    /// One table entry (libnetwork `entry`).
    public struct Entry: Sendable, Equatable {
        public var owner: HostID
        public var value: String
        public var time: UInt64
        /// A tombstone, kept `reapEntryInterval` so late messages cannot bring the entry back.
        public var deleting: Bool
        public var reapTime: SimDuration
    }

    /// A change to a table as the layer above sees it (libnetwork's `broadcaster` events,
    /// which its `Watch` hands on).
    public struct Change: Sendable, Equatable {
        public enum Kind: Sendable { case create, update, delete }
        public var kind: Kind
        public var network: String
        public var table: String
        public var key: String
        public var value: String
        /// The node that wrote the entry.
        public var owner: HostID
    }

    /// libnetwork's timings (`cluster.go`, `networkdb.go` `DefaultConfig`).
    static let reapPeriod = SimDuration.seconds(5)
    static let retryInterval = SimDuration.seconds(1)
    static let nodeReapInterval = SimDuration.hours(24)
    static let nodeReapPeriod = SimDuration.hours(2)
    static let rejoinInterval = SimDuration.seconds(60)
    static let rejoinClusterDuration = SimDuration.seconds(10)
    static let reapEntryInterval = SimDuration.minutes(30)
    static let reapNetworkInterval = reapEntryInterval + reapPeriod * 5
    /// How long an unsolicited bulk sync waits for the answer (`bulkSyncNode`).
    static let bulkSyncTimeout = SimDuration.seconds(30)
    static let maxQueueLenBroadcastOnSync = 500
    /// How long a node event's sender waits for it to go out (`broadcast.go` `broadcastTimeout`).
    static let broadcastTimeout = SimDuration.seconds(5)

    public let host: Host
    let simulation: Simulation
    public private(set) var memberlist: Memberlist!
    var random: RandomStream
    public var isRunning: Bool { memberlist.isRunning }
    /// Told of every change to this node's tables (the load balancer and DNS, later).
    public var onChange: ((Change) -> Void)?

    var nodes: [HostID: NodeRecord] = [:]
    /// How many of `nodes` are active (the broadcast queues' cluster size, asked per packet).
    var activeCount = 0
    /// Every node's networks, as far as this node knows.
    var networks: [HostID: [String: Membership]] = [:]
    /// Per network, the nodes on it, in the order learned (libnetwork `networkNodes`).
    var networkNodes: [String: [HostID]] = [:]
    var entries: [EntryKey: Entry] = [:]
    var tableClock = LamportClock()
    var networkClock = LamportClock()
    var nodeBroadcasts: TransmitLimitedQueue<NetworkDBBroadcast>
    var networkBroadcasts: TransmitLimitedQueue<NetworkDBBroadcast>
    /// Per network of this node, its table events waiting for gossip.
    var tableBroadcasts: [String: TransmitLimitedQueue<NetworkDBBroadcast>] = [:]
    /// Unsolicited bulk syncs waiting for their answer, by node.
    var bulkSyncWaits: [HostID: (token: UInt64, timer: TimerID, completion: (Bool) -> Void)] = [:]
    var nextWaitToken: UInt64 = 0
    /// The hosts `start` joined through, retried every minute while none of them is active.
    var bootstrap: [HostID] = []
    var tickers: [BlockingTicker<NetworkDB>] = []

    public init(host: Host, simulation: Simulation, config: MemberlistConfig = .defaultLAN) {
        self.host = host
        self.simulation = simulation
        random = simulation.stream(named: "networkdb/\(host.name)/\(host.epoch)")
        nodeBroadcasts = TransmitLimitedQueue(retransmitMult: config.retransmitMult)
        networkBroadcasts = TransmitLimitedQueue(retransmitMult: config.retransmitMult)
        memberlist = Memberlist(host: host, simulation: simulation, config: config, delegate: self)
    }

    var me: HostID { host.id }

    // MARK: - Cluster

    /// libnetwork `clusterInit` then `Join`: starts the failure detector and the periodic work,
    /// and joins the cluster through `seeds` (none: this node starts it).
    public func start(joining seeds: [HostID] = []) {
        memberlist.start()
        startPeriodicWork()
        bootstrap = seeds.filter { $0 != me }
        guard !bootstrap.isEmpty else { return }
        memberlist.join(bootstrap) { [unowned self] answered in
            if answered > 0 { sendNodeEvent(.join) }
        }
    }

    /// libnetwork `clusterLeave`: a leave event, gossiped out (or 5 s), then memberlist's
    /// leave; then everything stops.
    public func leave() {
        sendNodeEvent(.leave) { [unowned self] in memberlist.leave {} }
    }

    // MARK: - Networks

    /// libnetwork `JoinNetwork`: this node is on `network` from now on; it says so by gossip
    /// and bulk-syncs the network's tables with every node known on it.
    public func joinNetwork(_ network: String) {
        let time = networkClock.increment()
        networks[me, default: [:]][network] = Membership(time: time)
        tableBroadcasts[network] = TransmitLimitedQueue(retransmitMult: memberlist.config.retransmitMult)
        addNetworkNode(network, me)
        sendNetworkEvent(network, .join, time: time)
        bulkSync(networkNodes[network] ?? [], all: true) { [unowned self] _ in
            networks[me]?[network]?.inSync = true
        }
    }

    /// libnetwork `LeaveNetwork`: gossips the leave, drops every entry of the network.
    public func leaveNetwork(_ network: String) {
        let time = networkClock.increment()
        sendNetworkEvent(network, .leave, time: time)
        deleteNetworkNode(network, me)
        deleteNodeNetworkEntries(network, node: me)
        guard networks[me]?[network] != nil else { return }
        networks[me]?[network]?.time = time
        networks[me]?[network]?.reapTime = Self.reapNetworkInterval
        networks[me]?[network]?.leaving = true
    }

    // MARK: - Entries

    /// libnetwork `CreateEntry`: writes an entry this node owns; false if it exists already.
    @discardableResult
    public func createEntry(table: String, network: String, key: String, value: String) -> Bool {
        let place = EntryKey(network: network, table: table, key: key)
        if let old = entries[place], !old.deleting { return false }
        write(place, kind: .create, value: value)
        return true
    }

    /// libnetwork `UpdateEntry`: changes an entry; false if there is none.
    @discardableResult
    public func updateEntry(table: String, network: String, key: String, value: String) -> Bool {
        let place = EntryKey(network: network, table: table, key: key)
        guard entries[place] != nil else { return false }
        write(place, kind: .update, value: value)
        return true
    }

    /// libnetwork `DeleteEntry`: marks the entry deleted (a tombstone kept 30 min) and gossips it.
    @discardableResult
    public func deleteEntry(table: String, network: String, key: String) -> Bool {
        let place = EntryKey(network: network, table: table, key: key)
        guard let old = entries[place], !old.deleting else { return false }
        let entry = Entry(owner: me, value: old.value, time: tableClock.increment(), deleting: true,
                          reapTime: Self.reapEntryInterval)
        entries[place] = entry
        sendTableEvent(.delete, place, entry)
        return true
    }

    private func write(_ place: EntryKey, kind: TableEvent.Kind, value: String) {
        let entry = Entry(owner: me, value: value, time: tableClock.increment(), deleting: false, reapTime: .zero)
        entries[place] = entry
        sendTableEvent(kind, place, entry)
    }

    // MARK: - Reading

    /// The live entries of a table on a network, by key: `(key, value, owner)`
    /// (libnetwork `GetTableByNetwork`).
    public func table(_ table: String, network: String) -> [(key: String, value: String, owner: HostID)] {
        entries.keys.filter { $0.network == network && $0.table == table && !(entries[$0]?.deleting ?? true) }
            .sorted().compactMap { place in entries[place].map { (place.key, $0.value, $0.owner) } }
    }

    /// The state of `node` in this node's NetworkDB, nil if unknown.
    public func status(of node: HostID) -> NodeStatus? { nodes[node]?.status }

    /// The nodes this node holds active, itself included, in host order.
    public var activeNodes: [HostID] { nodes.keys.sorted().filter { nodes[$0]?.status == .active } }

    /// The nodes this node knows on `network`, in host order.
    public func peers(on network: String) -> [HostID] { (networkNodes[network] ?? []).sorted() }
}
