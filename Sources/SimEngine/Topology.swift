/// Which links are cut: partition groups, isolated hosts and one-way drops.
struct Topology {
    /// Partition group of each host; links between different groups are cut.
    var group: [Int32] = []
    /// Hosts cut off from every other host.
    var isolated: [Bool] = []
    /// Directed links that drop everything (`drop A -> B`).
    var oneWayDrops: Set<LinkKey> = []
    /// Hosts that no partition or isolation cuts (the operator's CLI client).
    var exempt: [Bool] = []

    /// True if a message from `from` to `to` cannot pass.
    @inline(__always)
    func isCut(from: HostID, to: HostID) -> Bool {
        if from == to || exempt[from] || exempt[to] { return false }
        if group[from] != group[to] || isolated[from] || isolated[to] { return true }
        return !oneWayDrops.isEmpty && oneWayDrops.contains(LinkKey(from: from, to: to))
    }

    /// True if nothing is cut.
    var isWhole: Bool {
        oneWayDrops.isEmpty && !isolated.contains(true) && !group.contains { $0 != 0 }
    }
}

/// A directed link.
struct LinkKey: DigestHashable {
    var from: Int32
    var to: Int32

    init(from: HostID, to: HostID) {
        self.from = Int32(from)
        self.to = Int32(to)
    }

    /// Both ends as one word.
    var hashDigest: UInt64 { UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to)) }
}
