import Foundation

/// One JSON-lines result file of `simrun explore --format jsonl` (a shard's, or a whole
/// run's), read back for `simrun merge`: its seed lines, as written and as records, and the
/// summary line that must end it. Anything else is an `ExploreResultsFile.Problem`.
struct ExploreResultsFile {
    var path: String
    /// The seed lines, in file order: the text as written and what it says.
    var seeds: [(line: String, record: ExploreSeedRecord)]
    var summary: ExploreRunSummary
    /// The whole sweep's range and this file's slice of it (from the summary).
    var range: SeedRange
    var shard: SeedShard

    /// Why a file cannot be merged, as a sentence that names it.
    struct Problem: Error {
        var message: String
    }

    /// Only the `kind` of a line, to tell explore's lines from other commands'.
    private struct Kind: Decodable {
        var kind: String?
    }

    /// Reads and checks `path`: every line a JSON object of explore, the summary last, the
    /// seeds in order, each in the file's shard, and as many as the summary counts.
    init(path: String) throws(Problem) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(message: FileManager.default.fileExists(atPath: path) ? "cannot read '\(path)'" : "no such file '\(path)'")
        }
        var seeds: [(line: String, record: ExploreSeedRecord)] = []
        var summary: (value: ExploreRunSummary, number: Int)?
        let decoder = JSONDecoder()
        for (offset, text) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = text.hasSuffix("\r") ? String(text.dropLast()) : String(text)
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let place = "\(path):\(offset + 1)"
            if let summary { throw Problem(message: "\(place): a line after the summary of line \(summary.number): one file holds one run") }
            let bytes = Data(line.utf8)
            guard let kind = try? decoder.decode(Kind.self, from: bytes) else {
                throw Problem(message: "\(place): not a JSON line of 'simrun explore --format jsonl'")
            }
            do {
                switch kind.kind {
                case "explore.seed":
                    seeds.append((line, try decoder.decode(ExploreSeedRecord.self, from: bytes)))
                case "explore.summary":
                    summary = (try decoder.decode(ExploreRunSummary.self, from: bytes), offset + 1)
                case let other:
                    throw Problem(message: "\(place): a line of kind '\(other ?? "none")', not of 'simrun explore --format jsonl' "
                                  + "(merge joins explore's results, not those of check or run)")
                }
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem(message: "\(place): an explore line without the fields merge needs (\(Self.describe(error)))")
            }
        }
        guard let summary = summary?.value else {
            throw Problem(message: "\(path): no explore.summary line at the end: the run did not finish or its output was cut")
        }
        self.seeds = seeds
        self.summary = summary
        (range, shard) = try Self.slice(of: summary, in: path)
        try checkSeeds()
    }

    /// The range and shard the summary names.
    private static func slice(of summary: ExploreRunSummary, in path: String) throws(Problem) -> (SeedRange, SeedShard) {
        let range: SeedRange
        var shard = SeedShard.whole
        do {
            range = try SeedRange.parse(summary.seeds, option: "seeds", command: "merge")
            if let text = summary.shard { shard = try SeedShard.parse(text, command: "merge") }
        } catch {
            throw Problem(message: "\(path): its summary's seeds '\(summary.seeds)' or shard '\(summary.shard ?? "")' do not read: \(error.message)")
        }
        return (range, shard)
    }

    /// Seeds in increasing order, each of the file's shard, counted by the summary.
    private func checkSeeds() throws(Problem) {
        var previous: UInt64?
        for (_, record) in seeds {
            guard shard.contains(record.seed, of: range) else {
                throw Problem(message: "\(path): seed \(record.seed) is not in shard \(shard.text) of seeds \(summary.seeds)")
            }
            if let previous, record.seed <= previous {
                throw Problem(message: "\(path): seed \(record.seed) comes after seed \(previous): seeds must be in order, each once")
            }
            previous = record.seed
        }
        let failed = seeds.filter { !$0.record.ok }.count
        guard seeds.count == shard.count(of: range), failed == summary.failed, seeds.count - failed == summary.passed else {
            throw Problem(message: "\(path): \(seeds.count) seed lines (\(failed) failed) but its summary says \(summary.passed) passed, "
                          + "\(summary.failed) failed, of \(shard.count(of: range)) seeds in shard \(shard.text)")
        }
    }

    private static func describe(_ error: Error) -> String {
        if case let DecodingError.keyNotFound(key, _) = error { return "no '\(key.stringValue)'" }
        if case let DecodingError.typeMismatch(_, context) = error { return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type" }
        return "\(error)"
    }
}
