/// Events due a bucket's width (100 ms) or more ahead, kept in buckets instead of the heap
/// until their time comes near.
///
/// Most of a large cluster's pending events are timers far ahead that get cancelled and set
/// again before they fire: an agent's RPC deadline (5 s) and a session's expiry (15 s) are
/// re-armed by every heartbeat. In the heap, each would be sifted in and, cancelled, popped
/// out later. Here it costs an append, and a cancelled one is dropped when its bucket is
/// taken. The simulation takes a bucket, sorted, as a run that it merges with the heap; the
/// heap keeps only events set less than a bucket ahead (messages in flight, short timers).
/// With 1,000 agents, 100 ms buckets instead of one-second ones and the sorted run instead
/// of pushing each bucket into the heap each made the whole run 7-10% faster: the heap stays
/// a few events deep and in the cache.
///
/// Order is unchanged: the simulation takes a bucket before the first event it has taken
/// reaches that bucket's start, so the earlier of the heap's first event and the run's next
/// is always the earliest of all, by `(time, sequence)`.
@usableFromInline
struct LaterEvents {
    /// 100 ms per bucket, 256 buckets: timers up to 25.6 s ahead.
    @usableFromInline static let width: Int64 = 100_000_000
    @usableFromInline static let count: Int64 = 256

    @usableFromInline var buckets: [[QueuedEvent]] = Array(repeating: [], count: Int(count))
    /// The bucket (time / width) taken next: every event due before `base * width` has been
    /// taken (heap or run), every event here is due at or after it.
    @usableFromInline var base: Int64 = 0
    /// Events held here, cancelled ones included.
    @usableFromInline var stored = 0

    @inlinable init() {}

    /// The time before which every event has been taken.
    @inlinable var boundary: Int64 { base &* Self.width }

    /// Keeps `event` if it is due in one of the buckets ahead; false if it belongs in the heap.
    @inlinable
    mutating func add(_ event: QueuedEvent) -> Bool {
        let bucket = event.time / Self.width
        guard bucket >= base && bucket < base + Self.count else { return false }
        buckets[Int(bucket % Self.count)].append(event)
        stored += 1
        return true
    }

    /// With nothing held, moves the boundary up to the bucket after `now`'s (so that timers
    /// set from here on are held again).
    @inlinable
    mutating func catchUp(to now: Int64) {
        if stored == 0 { base = max(base, now / Self.width + 1) }
    }

    /// Whether the next bucket holds no event (most of a small cluster's 100 ms buckets).
    @inlinable var nextBucketIsEmpty: Bool { buckets[Int(base % Self.count)].isEmpty }

    /// Moves the boundary past the next bucket, which must be empty.
    @inlinable
    mutating func skipEmptyBucket() {
        assert(nextBucketIsEmpty, "skipped a bucket holding events")
        base += 1
    }

    /// Takes the events of the next bucket, moving the boundary one bucket on.
    @inlinable
    mutating func takeNextBucket(into taken: inout [QueuedEvent]) {
        let index = Int(base % Self.count)
        swap(&taken, &buckets[index])
        base += 1
        stored -= taken.count
    }

    /// Gives the bucket just taken its array back, emptied, to keep its capacity.
    @inlinable
    mutating func recycle(_ array: inout [QueuedEvent]) {
        array.removeAll(keepingCapacity: true)
        swap(&array, &buckets[Int((base - 1) % Self.count)])
    }
}
