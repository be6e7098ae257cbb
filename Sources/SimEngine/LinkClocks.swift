/// Per directed link, the latest delivery time promised so far: what keeps every link FIFO.
///
/// Every message sent asks this once, so it is an open-addressing table of 16-byte entries
/// (the link's two ends packed in one word, and the time) probed linearly: one cache line per
/// lookup, where a `Dictionary` touches its bitmap, keys and values apart. Never iterated, so
/// its layout cannot reach behaviour.
struct LinkClocks {
    private struct Entry {
        /// `LinkKey.hashDigest + 1`; 0 marks an empty entry.
        var key: UInt64
        var last: Int64
    }

    private var entries = [Entry](repeating: Entry(key: 0, last: 0), count: 64)
    private var used = 0

    /// The arrival time of a message due at `proposed` on `link`: never earlier than the
    /// link's latest promised arrival (FIFO), and it becomes the link's latest.
    /// - Complexity: O(1) on average.
    mutating func arrival(on link: LinkKey, proposed: Int64) -> Int64 {
        let key = link.hashDigest &+ 1
        let mask = entries.count - 1
        var index = Self.home(of: key, mask: mask)
        while true {
            let found = entries[index].key
            if found == key {
                let last = max(entries[index].last, proposed)
                entries[index].last = last
                return last
            }
            if found == 0 {
                entries[index] = Entry(key: key, last: proposed)
                used += 1
                if used * 2 > entries.count { grow() }
                return proposed
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: 0, last: 0), count: old.count * 2)
        let mask = entries.count - 1
        for entry in old where entry.key != 0 {
            var index = Self.home(of: entry.key, mask: mask)
            while entries[index].key != 0 { index = (index + 1) & mask }
            entries[index] = entry
        }
    }

    /// Where probing for `key` starts (Fibonacci hashing of the packed ends).
    private static func home(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
