import Foundation

/// Hands out the indexes of `count` jobs, each once, to several threads.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var taken = 0

    init(count: Int) {
        self.count = count
    }

    /// The next job's index, or nil when every job has been handed out.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        defer { taken += 1 }
        return taken
    }
}

/// Collects the results of jobs done on several threads, in job order.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every result, in job order; every job must have set one.
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
