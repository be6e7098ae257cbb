/// A growable array for the engine's hottest tables (the event slots, the free lists, the
/// messages in flight), owned by exactly one object.
///
/// It cannot be copied, so it needs no copy-on-write: an `Array` stored in a class checks that
/// its buffer is unique on every write, and with a large cluster those checks (and the
/// `popLast` calls that were not inlined) were about 6% of the run. Bounds are checked as
/// `Array` checks them.
@usableFromInline
struct OwnedArray<Element>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int

    @inlinable
    init() {
        capacity = 16
        count = 0
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inlinable var isEmpty: Bool { count == 0 }

    /// - Complexity: O(1)
    @inlinable
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return base + index
        }
    }

    /// - Complexity: O(1) amortized
    @inlinable
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes and returns the last element, or nil when empty.
    /// - Complexity: O(1)
    @inlinable
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return (base + count).move()
    }

    /// Removes every element, keeping the capacity.
    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Doubles the capacity, moving the elements.
    @usableFromInline
    mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
