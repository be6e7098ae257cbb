extension EventQueue {
    /// Checks the heap property after every mutation, in debug builds only.
    /// - Complexity: O(n) in debug builds, O(1) in release builds.
    @inlinable @inline(__always)
    func checkInvariants() {
        #if DEBUG
        if storage.count > 512 { return }  // keep debug test runs fast on big queues
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
