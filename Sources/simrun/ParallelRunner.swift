import Foundation

/// Runs independent jobs on several threads. Each job builds its own `Simulation`; jobs share
/// nothing, so the results are the same whatever the thread count. Results keep job order.
enum ParallelRunner {
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(count: count)
        let workers = max(1, min(jobs, count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                box.set(index, body(index))
            }
        }
        return box.values
    }

    /// The number of cores.
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Hands out job indexes under a lock.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}

/// Collects results under a lock.
private final class ResultBox<T>: @unchecked Sendable {
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

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
