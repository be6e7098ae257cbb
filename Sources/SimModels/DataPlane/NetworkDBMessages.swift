import SimEngine

/// A node joined or left the NetworkDB cluster (libnetwork `NodeEvent`).
public struct NodeEvent: Sendable {
    public enum Kind: Sendable { case join, leave }
    public var kind: Kind
    public var time: UInt64
    public var node: HostID
}

/// A node joined or left a network (libnetwork `NetworkEvent`).
public struct NetworkEvent: Sendable {
    public enum Kind: Sendable { case join, leave }
    public var kind: Kind
    public var time: UInt64
    public var node: HostID
    public var network: String
}

/// An entry written, changed or deleted by its owner (libnetwork `TableEvent`).
public struct TableEvent: Sendable {
    public enum Kind: Sendable { case create, update, delete }
    public var kind: Kind
    public var time: UInt64
    /// The owner, who wrote it.
    public var node: HostID
    public var network: String
    public var table: String
    public var key: String
    public var value: String
    /// For a deletion: how much longer the tombstone is kept (`ResidualReapTime`).
    public var residualReapTime: SimDuration

    var size: Int { 64 + network.utf8.count + table.utf8.count + key.utf8.count + value.utf8.count }
}

/// One node's tables for some networks, sent over TCP (libnetwork `BulkSyncMessage`).
/// Unsolicited syncs are answered with the receiver's own.
public struct BulkSync: Sendable {
    public var time: UInt64
    public var unsolicited: Bool
    public var node: HostID
    public var networks: [String]
    public var events: [TableEvent]
}

/// NetworkDB's part of a push-pull: who is on which network (libnetwork `NetworkPushPull`).
public struct NetworkPushPull: Sendable {
    public struct Entry: Sendable {
        public var time: UInt64
        public var network: String
        public var node: HostID
        public var leaving: Bool
    }

    public var time: UInt64
    public var node: HostID
    public var networks: [Entry]
}

/// Queued NetworkDB broadcasts, with libnetwork's invalidation rules (`broadcast.go`): a table
/// event replaces an older one for the same network, table and key; a network event one for the
/// same network and node; node events replace nothing.
struct NetworkDBBroadcast: GossipBroadcast {
    var part: GossipPart
    /// Told when the broadcast left the queue (a node event's sender waits for it).
    var notify: (() -> Void)?
    var size: Int { part.size }

    func finished() { notify?() }

    /// What a broadcast replaces: libnetwork's `Invalidates` rules (`broadcast.go`).
    enum Key: Hashable {
        case table(network: String, table: String, key: String)
        case network(network: String, node: HostID)
    }

    var key: Key? {
        switch part {
        case let .tableEvent(event): .table(network: event.network, table: event.table, key: event.key)
        case let .networkEvent(event): .network(network: event.network, node: event.node)
        default: nil
        }
    }
}
