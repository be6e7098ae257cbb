import Foundation

/// Runs independent jobs on several threads. Each job builds its own `Simulation`; jobs share
/// nothing, so the results are the same whatever the thread count. Results keep job order.
enum ParallelRunner {
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        let workers = max(1, min(jobs, count))
        let queue = JobQueue(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.next() {
                results.set(index, body(index))
            }
        }
        return results.values
    }

    /// The number of cores.
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
