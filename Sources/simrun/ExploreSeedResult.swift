import Foundation
import Scenarios
import SimEngine

/// One seed of `simrun explore`: its outcome and, with `--shrink`, the shrunk one; how it is
/// written to disk and what is printed about it (`ExploreSeedRecord`).
struct ExploreSeedResult: Sendable {
    var outcome: ExploreRun.Outcome
    var shrunk: ExploreRun.Outcome?

    /// Writes `NAME-seedN.scn` (and `NAME-seedN.min.scn`) into `folder`.
    func write(_ explorer: ExploreRun, folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? outcome.text.write(toFile: path(explorer, folder: folder, shrunk: false), atomically: true, encoding: .utf8)
        guard let shrunk, let failure = outcome.failures.first else { return }
        let header = [
            "shrunk by: simrun explore \(explorer.file) --seeds \(outcome.seed) --shrink",
            "it found: \(failure.way)",
            "faults before: \(outcome.schedule.faults.count), after: \(shrunk.schedule.faults.count); "
                + "nodes before: \(outcome.cast.nodes.count), after: \(shrunk.cast.nodes.count); "
                + "services before: \(outcome.cast.services.count), after: \(shrunk.cast.services.count)",
        ]
        let text = header.map { "# " + $0 }.joined(separator: "\n") + "\n" + shrunk.text
        try? text.write(toFile: path(explorer, folder: folder, shrunk: true), atomically: true, encoding: .utf8)
    }

    func path(_ explorer: ExploreRun, folder: String, shrunk: Bool) -> String {
        (folder as NSString).appendingPathComponent(explorer.fileName(seed: outcome.seed, shrunk: shrunk))
    }

    /// What is printed about the seed (`--format text` or `jsonl`, and `simrun merge`).
    func record(_ explorer: ExploreRun, folder: String) -> ExploreSeedRecord {
        var record = ExploreSeedRecord(seed: outcome.seed, ok: outcome.passed, families: outcome.schedule.families.map(\.rawValue),
                                       faults: outcome.schedule.faults.count,
                                       schedule: outcome.schedule.timeline.map { "at \(ExploreFaultTime.text($0.millisecond)): \($0.text)" })
        if let failure = outcome.failures.first {
            record.way = failure.way
            record.tNs = failure.time.nanoseconds
            record.text = failure.text
            record.replay = "simrun " + path(explorer, folder: folder, shrunk: false)
            if let shrunk {
                record.shrunkFaults = shrunk.schedule.faults.count
                record.shrunkReplay = "simrun " + path(explorer, folder: folder, shrunk: true)
            }
        }
        return record
    }
}

/// Times of a schedule's entries as the timeline writes them.
enum ExploreFaultTime {
    static func text(_ millisecond: Int) -> String { DurationFormat.format(.milliseconds(Int64(millisecond))) }
}
