import Scenarios

/// The last line of `simrun explore --format jsonl`: which run it was (the command without
/// the options that do not change results), its seed range and shard, and its counts. It ends
/// every complete result file, so that `simrun merge` knows which shards it has, that they
/// come from one sweep, and that none was cut short.
struct ExploreRunSummary: Decodable, Equatable {
    /// `simrun explore FILE --seeds A..B [--faults LIST] [--shrink]`: what must be the same in
    /// every shard of one sweep.
    var run: String
    /// The scenario file explored, as given.
    var file: String
    /// `A..B`, the whole sweep's seeds (not only the shard's).
    var seeds: String
    /// `I/N`; nil for an unsharded run (and a merged one).
    var shard: String?
    var passed: Int
    var failed: Int

    /// The JSON object, on one line.
    var jsonLine: String {
        var fields = ["\"kind\":\"explore.summary\"", "\"run\":" + YAMLJSONWriter.quoted(run), "\"file\":" + YAMLJSONWriter.quoted(file),
                      "\"seeds\":" + YAMLJSONWriter.quoted(seeds)]
        if let shard { fields.append("\"shard\":" + YAMLJSONWriter.quoted(shard)) }
        fields += ["\"passed\":\(passed)", "\"failed\":\(failed)"]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `N passed, M failed`, as `check` ends.
    var textLine: String { "\(passed) passed, \(failed) failed" }

    /// The exit status of the run it sums up: 0 when every seed passed, else 1.
    var status: Int32 { failed == 0 ? 0 : 1 }
}
