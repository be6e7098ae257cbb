extension EventQueue {
    /// Checks the heap property in debug builds: after every mutation while the heap is small,
    /// and at any size after the mutations numbered by powers of two and every 4,096th after
    /// that, so that big queues are checked too at an amortized O(1) cost.
    /// - Complexity: amortized O(1) per mutation in debug builds (O(n) for a small heap); O(1)
    ///   in release builds.
    @inlinable @inline(__always)
    mutating func checkInvariants() {
        #if DEBUG
        mutations &+= 1
        let sampled = mutations & (mutations - 1) == 0 || mutations % 4_096 == 0
        guard storage.count <= 512 || sampled else { return }
        for index in 1..<max(storage.count, 1) {
            let parent = (index - 1) >> 2
            assert(!QueuedEvent.precedes(storage[index], storage[parent]), "heap order broken at \(index)")
        }
        #endif
    }
}

extension EventQueue: CustomDebugStringConvertible {
    /// The heap as an indented tree, one `time#sequence` per line.
    @usableFromInline
    var debugDescription: String {
        var lines: [String] = []
        func draw(_ index: Int, _ depth: Int) {
            guard index < storage.count else { return }
            let e = storage[index]
            lines.append(String(repeating: "  ", count: depth) + "\(e.time)#\(e.sequence)")
            for child in 4 * index + 1...4 * index + 4 { draw(child, depth + 1) }
        }
        draw(0, 0)
        return lines.joined(separator: "\n")
    }
}
