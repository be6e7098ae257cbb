/// Something queued for gossip: its size on the wire and which older broadcasts it replaces.
protocol GossipBroadcast {
    /// Bytes it takes in a packet.
    var size: Int { get }
    /// True if `other`, queued earlier, is superseded by this one (memberlist `Invalidates`).
    func invalidates(_ other: Self) -> Bool
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
/// `RetransmitMult × ⌈log10(n + 1)⌉` of them (`util.go` `retransmitLimit`).
struct TransmitLimitedQueue<Item: GossipBroadcast> {
    private struct Queued {
        var item: Item
        var transmits: Int
        var id: UInt64
    }

    let retransmitMult: Int
    private var queued: [Queued] = []
    private var nextID: UInt64 = 0

    init(retransmitMult: Int) {
        self.retransmitMult = retransmitMult
    }

    var count: Int { queued.count }
    var isEmpty: Bool { queued.isEmpty }

    /// Queues `item`, dropping the queued broadcasts it invalidates.
    /// - Complexity: O(n)
    mutating func queue(_ item: Item) {
        queued.removeAll { old in
            guard item.invalidates(old.item) else { return false }
            old.item.finished()
            return true
        }
        queued.append(Queued(item: item, transmits: 0, id: nextID))
        nextID += 1
    }

    /// Broadcasts for one packet with `limit` bytes free, each costing `overhead` more; every
    /// one taken counts a transmission. `nodes` is the cluster size the limit scales with.
    /// - Complexity: O(n log n)
    mutating func take(overhead: Int, limit: Int, nodes: Int) -> [Item] {
        guard !queued.isEmpty else { return [] }
        let transmitLimit = Self.retransmitLimit(mult: retransmitMult, nodes: nodes)
        let order = queued.indices.sorted { a, b in
            let x = queued[a], y = queued[b]
            if x.transmits != y.transmits { return x.transmits < y.transmits }
            if x.item.size != y.item.size { return x.item.size > y.item.size }
            return x.id > y.id
        }
        var used = 0
        var taken: [Item] = []
        var spent = [Bool](repeating: false, count: queued.count)
        for index in order {
            let cost = overhead + queued[index].item.size
            guard used + cost <= limit else { continue }
            used += cost
            taken.append(queued[index].item)
            queued[index].transmits += 1
            if queued[index].transmits >= transmitLimit { spent[index] = true }
        }
        if spent.contains(true) {
            var kept: [Queued] = []
            var done: [Item] = []
            for index in queued.indices {
                if spent[index] { done.append(queued[index].item) } else { kept.append(queued[index]) }
            }
            queued = kept
            for item in done { item.finished() }
        }
        return taken
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
