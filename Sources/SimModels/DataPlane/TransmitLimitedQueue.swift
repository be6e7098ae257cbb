/// Something queued for gossip: its size on the wire and what it replaces.
protocol GossipBroadcast {
    associatedtype Key: Hashable
    /// Bytes it takes in a packet.
    var size: Int { get }
    /// A newer broadcast with the same key replaces a queued one (memberlist `Invalidates`,
    /// `NamedBroadcast`); nil replaces nothing and is never replaced.
    var key: Key? { get }
    /// It left the queue: sent its last time, or replaced (memberlist `Finished`).
    func finished()
}

extension GossipBroadcast {
    func finished() {}
}

/// Broadcasts waiting to be gossiped, each sent a limited number of times: hashicorp/memberlist
/// `queue.go` `TransmitLimitedQueue`.
///
/// A packet takes the least-sent broadcasts first (the largest first among equals, then the
/// newest), as many as fit; each one taken counts a transmission and leaves the queue after
/// `RetransmitMult × ⌈log10(n + 1)⌉` of them (`util.go` `retransmitLimit`). Like memberlist's
/// (a btree ordered by transmissions, and a map by name), it never sorts the whole queue: one
/// ordered bucket per transmission count, and an index by key.
struct TransmitLimitedQueue<Item: GossipBroadcast> {
    private struct Queued {
        var item: Item
        var transmits: Int
        var id: UInt64
    }

    let retransmitMult: Int
    private var queued: [UInt64: Queued] = [:]
    private var byKey: [Item.Key: UInt64] = [:]
    /// Per transmission count, the ids in taking order: largest first, then newest.
    private var buckets: [[UInt64]] = []
    private var nextID: UInt64 = 0

    init(retransmitMult: Int) {
        self.retransmitMult = retransmitMult
    }

    var count: Int { queued.count }
    var isEmpty: Bool { queued.isEmpty }

    /// Queues `item`, dropping the queued broadcast it replaces.
    /// - Complexity: O(b) for a bucket of b broadcasts.
    mutating func queue(_ item: Item) {
        if let key = item.key, let old = byKey[key], let replaced = queued[old] {
            remove(old, from: replaced.transmits)
            queued[old] = nil
            replaced.item.finished()
        }
        let id = nextID
        nextID += 1
        queued[id] = Queued(item: item, transmits: 0, id: id)
        if let key = item.key { byKey[key] = id }
        insert(id, into: 0)
    }

    /// Broadcasts for one packet with `limit` bytes free, each costing `overhead` more; every
    /// one taken counts a transmission. `nodes` is the cluster size the limit scales with.
    /// - Complexity: O(t + b) for t broadcasts looked at and buckets of b.
    mutating func take(overhead: Int, limit: Int, nodes: Int) -> [Item] {
        guard !queued.isEmpty else { return [] }
        let transmitLimit = Self.retransmitLimit(mult: retransmitMult, nodes: nodes)
        var used = 0
        var taken: [(id: UInt64, transmits: Int)] = []
        scan: for transmits in buckets.indices {
            for id in buckets[transmits] {
                guard let entry = queued[id] else { continue }
                let cost = overhead + entry.item.size
                if used + cost > limit {
                    if limit - used <= overhead { break scan }
                    continue
                }
                used += cost
                taken.append((id, transmits))
            }
        }
        var items: [Item] = []
        var done: [Item] = []
        for (id, transmits) in taken {
            guard var entry = queued[id] else { continue }
            items.append(entry.item)
            remove(id, from: transmits)
            entry.transmits += 1
            if entry.transmits >= transmitLimit {
                queued[id] = nil
                if let key = entry.item.key, byKey[key] == id { byKey[key] = nil }
                done.append(entry.item)
            } else {
                queued[id] = entry
                insert(id, into: entry.transmits)
            }
        }
        for item in done { item.finished() }
        return items
    }

    /// Puts `id` in its bucket at its place: larger first, then newer.
    private mutating func insert(_ id: UInt64, into transmits: Int) {
        while buckets.count <= transmits { buckets.append([]) }
        guard let entry = queued[id] else { return }
        var low = 0, high = buckets[transmits].count
        while low < high {
            let middle = (low + high) / 2
            let other = queued[buckets[transmits][middle]]!
            let before = other.item.size > entry.item.size || (other.item.size == entry.item.size && other.id > entry.id)
            if before { low = middle + 1 } else { high = middle }
        }
        buckets[transmits].insert(id, at: low)
    }

    private mutating func remove(_ id: UInt64, from transmits: Int) {
        guard transmits < buckets.count, let index = buckets[transmits].firstIndex(of: id) else { return }
        buckets[transmits].remove(at: index)
    }

    /// memberlist `retransmitLimit`: `mult × ⌈log10(n + 1)⌉`, the ceiling being the number of
    /// decimal digits of n.
    static func retransmitLimit(mult: Int, nodes: Int) -> Int {
        var digits = 1
        var rest = Swift.max(nodes, 1)
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return mult * digits
    }
}
