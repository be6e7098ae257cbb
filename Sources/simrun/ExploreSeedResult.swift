import Foundation
import Scenarios
import SimEngine

/// One seed of `simrun explore`: its outcome and, with `--shrink`, the shrunk one; how it is
/// written to disk and printed.
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
            "faults before: \(outcome.schedule.faults.count), after: \(shrunk.schedule.faults.count)",
        ]
        let text = header.map { "# " + $0 }.joined(separator: "\n") + "\n" + shrunk.text
        try? text.write(toFile: path(explorer, folder: folder, shrunk: true), atomically: true, encoding: .utf8)
    }

    func path(_ explorer: ExploreRun, folder: String, shrunk: Bool) -> String {
        (folder as NSString).appendingPathComponent(explorer.fileName(seed: outcome.seed, shrunk: shrunk))
    }

    /// `FAIL  seed N: WAY at T: TEXT; replay: simrun PATH`, or nil when it passed.
    func textLine(_ explorer: ExploreRun, folder: String) -> String? {
        guard let failure = outcome.failures.first else { return nil }
        var line = "FAIL  seed \(outcome.seed): \(failure.way) at \(Self.seconds(failure.time)); replay: simrun \(path(explorer, folder: folder, shrunk: false))"
        if let shrunk {
            line += "; shrunk \(outcome.schedule.faults.count) -> \(shrunk.schedule.faults.count) faults: \(path(explorer, folder: folder, shrunk: true))"
        }
        return line
    }

    /// One JSON object: the seed, whether it passed, its families and schedule, what failed.
    func jsonLine(_ explorer: ExploreRun, folder: String) -> String {
        var fields = ["\"kind\":\"explore.seed\"", "\"seed\":\(outcome.seed)", "\"ok\":\(outcome.passed)",
                      "\"families\":[" + outcome.schedule.families.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]",
                      "\"faults\":\(outcome.schedule.faults.count)",
                      "\"schedule\":[" + outcome.schedule.timeline.map { YAMLJSONWriter.quoted("at \(ExploreFaultTime.text($0.millisecond)): \($0.text)") }.joined(separator: ",") + "]"]
        if let failure = outcome.failures.first {
            fields += ["\"way\":" + YAMLJSONWriter.quoted(failure.way), "\"t_ns\":\(failure.time.nanoseconds)",
                       "\"text\":" + YAMLJSONWriter.quoted(failure.text),
                       "\"replay\":" + YAMLJSONWriter.quoted("simrun " + path(explorer, folder: folder, shrunk: false))]
        }
        if let shrunk { fields.append("\"shrunk_faults\":\(shrunk.schedule.faults.count)") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func seconds(_ time: SimInstant) -> String {
        String(format: "%.3fs", Double(time.nanoseconds) / 1e9)
    }
}

/// Times of a schedule's entries as the timeline writes them.
enum ExploreFaultTime {
    static func text(_ millisecond: Int) -> String { DurationFormat.format(.milliseconds(Int64(millisecond))) }
}
