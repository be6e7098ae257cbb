/// Shrinks a failing schedule (`simrun explore --shrink`): delta debugging over its faults
/// (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", IEEE TSE
/// 2002, the `ddmin` algorithm), keeping a subset only if its run still fails the same way
/// (same invariant kind, same expectation text or same missed recovery). The quiet phase is
/// rebuilt for every subset, so a kept crash is still followed by its restart. Then the fewest
/// nodes and services: each service, the last worker and the last manager that the faults left
/// and the file's expectations do not name is removed, one at a time, while the run still fails
/// the same way (`ExploreCastReduction`).
public struct ExploreShrinker: Sendable {
    public let run: ExploreRun

    public init(run: ExploreRun) {
        self.run = run
    }

    /// The shrunk outcome of `failing` (a failing outcome of `run`), and the runs it took.
    public func shrink(_ failing: ExploreRun.Outcome) -> (outcome: ExploreRun.Outcome, runs: Int) {
        guard let way = failing.failures.first?.way else { return (failing, 0) }
        let header = run.header(seed: failing.seed, schedule: failing.schedule)
        var runs = 0
        var best = failing
        func fails(_ indices: [Int]) -> Bool {
            let outcome = run.run(seed: failing.seed, schedule: failing.schedule.keeping(indices), header: header)
            runs += 1
            guard outcome.failures.contains(where: { $0.way == way }) else { return false }
            if outcome.schedule.faults.count < best.schedule.faults.count { best = outcome }
            return true
        }
        var kept = Array(failing.schedule.faults.indices)
        var parts = 2
        while kept.count >= 2 {
            let chunks = Self.split(kept, into: parts)
            if let chunk = chunks.first(where: { fails($0) }) {
                kept = chunk
                parts = 2
            } else if let rest = chunks.indices.lazy.map({ index in kept.filter { !chunks[index].contains($0) } }).first(where: { fails($0) }) {
                kept = rest
                parts = max(parts - 1, 2)
            } else if parts < kept.count {
                parts = min(kept.count, parts * 2)
            } else {
                break
            }
        }
        if kept.count == 1, fails([]) { kept = [] }
        let reduced = reduceCast(best, way: way, header: header)
        return (reduced.outcome, runs + reduced.runs)
    }

    /// `failing` run again with fewer services and nodes, as long as it fails the same way.
    func reduceCast(_ failing: ExploreRun.Outcome, way: String, header: [String]) -> (outcome: ExploreRun.Outcome, runs: Int) {
        var best = failing
        var source = run.source
        var runs = 0
        var reduced = true
        while reduced {
            reduced = false
            let texts = best.schedule.timeline.map(\.text) + run.writer.invariantExpectations
            for candidate in ExploreCastReduction(source: source, cast: best.cast, texts: texts).candidates {
                guard let scenario = ScenarioLoader.load(source: candidate, file: run.file).scenario else { continue }
                let smaller = ExploreRun(file: run.file, source: candidate, scenario: scenario, allowed: run.allowed)
                let outcome = smaller.run(seed: failing.seed, schedule: best.schedule, header: header)
                runs += 1
                guard outcome.failures.contains(where: { $0.way == way }) else { continue }
                (best, source, reduced) = (outcome, candidate, true)
                break
            }
        }
        return (best, runs)
    }

    /// `items` cut into `parts` runs of nearly equal length, in order.
    static func split(_ items: [Int], into parts: Int) -> [[Int]] {
        var chunks: [[Int]] = []
        var start = 0
        for part in 0..<parts {
            let end = start + (items.count - start) / (parts - part)
            if end > start { chunks.append(Array(items[start..<end])) }
            start = end
        }
        return chunks
    }
}
