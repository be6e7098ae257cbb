import Foundation
import Scenarios

/// What `simrun explore` reports about one seed, as one JSON line (`--format jsonl`) or one
/// text line. `simrun merge` reads the JSON lines of sharded runs back into records and prints
/// them the same way, so that a merged report is the unsharded run's by construction.
struct ExploreSeedRecord: Decodable, Equatable {
    var seed: UInt64
    var ok: Bool
    /// The fault families the seed turned on.
    var families: [String]
    /// The number of faults drawn.
    var faults: Int
    /// The timeline entries, `at T: ACTION`.
    var schedule: [String]
    /// The first failure: the way it failed (what `--shrink` keeps), when (nanoseconds), what.
    var way: String?
    var tNs: Int64?
    var text: String?
    /// `simrun PATH` of the scenario that replays the seed.
    var replay: String?
    /// With `--shrink`: the faults left, and `simrun PATH` of the shrunk scenario.
    var shrunkFaults: Int?
    var shrunkReplay: String?

    enum CodingKeys: String, CodingKey {
        case seed, ok, families, faults, schedule, way, text, replay
        case tNs = "t_ns", shrunkFaults = "shrunk_faults", shrunkReplay = "shrunk_replay"
    }

    /// The JSON object, on one line: `kind` `explore.seed`, then the fields above in this order.
    var jsonLine: String {
        var fields = ["\"kind\":\"explore.seed\"", "\"seed\":\(seed)", "\"ok\":\(ok)",
                      "\"families\":[" + families.map(YAMLJSONWriter.quoted).joined(separator: ",") + "]",
                      "\"faults\":\(faults)",
                      "\"schedule\":[" + schedule.map(YAMLJSONWriter.quoted).joined(separator: ",") + "]"]
        if let way { fields.append("\"way\":" + YAMLJSONWriter.quoted(way)) }
        if let tNs { fields.append("\"t_ns\":\(tNs)") }
        if let text { fields.append("\"text\":" + YAMLJSONWriter.quoted(text)) }
        if let replay { fields.append("\"replay\":" + YAMLJSONWriter.quoted(replay)) }
        if let shrunkFaults { fields.append("\"shrunk_faults\":\(shrunkFaults)") }
        if let shrunkReplay { fields.append("\"shrunk_replay\":" + YAMLJSONWriter.quoted(shrunkReplay)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `FAIL  seed N: WAY at T; replay: simrun PATH[; shrunk A -> B faults: PATH]` for a failing
    /// seed, `ok    seed N: K faults (FAMILIES)` for a passing one (nil with `quiet`).
    func textLine(quiet: Bool) -> String? {
        guard !ok else { return quiet ? nil : "ok    seed \(seed): \(faults) faults (\(families.joined(separator: ",")))" }
        let seconds = String(format: "%.3fs", Double(tNs ?? 0) / 1e9)
        var line = "FAIL  seed \(seed): \(way ?? "failed") at \(seconds); replay: \(replay ?? "")"
        if let shrunkFaults, let shrunkReplay {
            line += "; shrunk \(faults) -> \(shrunkFaults) faults: \(shrunkReplay.dropFirst("simrun ".count))"
        }
        return line
    }
}
