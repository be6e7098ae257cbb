/// One scheduled event as the queue orders it: when, the tie-breaking sequence
/// number, and the slot that holds what to do.
@usableFromInline
struct QueuedEvent {
    @usableFromInline var time: Int64
    @usableFromInline var sequence: UInt64
    @usableFromInline var slot: UInt32

    @inlinable
    init(time: Int64, sequence: UInt64, slot: UInt32) {
        self.time = time
        self.sequence = sequence
        self.slot = slot
    }

    /// Strict order on `(time, sequence)`: sequences are unique, so `<` and `==` agree
    /// and events at the same time come out in the order they were scheduled.
    @inlinable @inline(__always)
    static func precedes(_ a: QueuedEvent, _ b: QueuedEvent) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
}

/// An array-backed 4-ary min-heap of events keyed by `(time, sequence)`. Four children per
/// node halve the depth of a binary heap: a pop moves the hole through half as many levels,
/// and a node's children share a cache line. Keys are unique, so the order events come out
/// in does not depend on the heap's shape.
@usableFromInline
struct EventQueue {
    @usableFromInline var storage: [QueuedEvent] = []
    #if DEBUG
    /// Mutations so far, to space out the invariant checks of a big heap.
    @usableFromInline var mutations = 0
    #endif

    @inlinable init() {}

    /// - Complexity: O(1)
    @inlinable var count: Int { storage.count }
    /// - Complexity: O(1)
    @inlinable var isEmpty: Bool { storage.isEmpty }
    /// The earliest event.
    /// - Complexity: O(1)
    @inlinable var first: QueuedEvent? { storage.first }

    /// Adds an event.
    /// - Complexity: O(log n)
    @inlinable
    mutating func insert(_ event: QueuedEvent) {
        storage.append(event)
        siftUp(from: storage.count - 1)
        checkInvariants()
    }

    /// Removes and returns the earliest event.
    /// - Complexity: O(log n)
    @inlinable
    mutating func removeFirst() -> QueuedEvent? {
        guard !storage.isEmpty else { return nil }
        let top = storage[0]
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(from: 0)
        }
        checkInvariants()
        return top
    }

    @inlinable
    mutating func siftUp(from index: Int) {
        storage.withUnsafeMutableBufferPointer { heap in
            var child = index
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 2
                if !QueuedEvent.precedes(moving, heap[parent]) { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Floyd's bottom-up variant: walk the hole down along the smallest children to a leaf
    /// without comparing against the moving element, then sift it up from there. About half
    /// the comparisons of the textbook loop, since the moving element (the former last leaf)
    /// usually belongs near the bottom.
    @inlinable
    mutating func siftDown(from index: Int) {
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            let moving = heap[index]
            var hole = index
            while true {
                let first = 4 * hole + 1
                if first >= count { break }
                var child = first
                let end = min(first + 4, count)
                var next = first + 1
                while next < end {
                    if QueuedEvent.precedes(heap[next], heap[child]) { child = next }
                    next += 1
                }
                heap[hole] = heap[child]
                hole = child
            }
            while hole > index {
                let parent = (hole - 1) >> 2
                if !QueuedEvent.precedes(moving, heap[parent]) { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = moving
        }
    }
}
