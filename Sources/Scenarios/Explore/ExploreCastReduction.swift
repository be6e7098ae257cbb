/// Smaller versions of a scenario file for `--shrink` (SCENARIO_FORMAT §11: "the fewest faults
/// and nodes"): the file's text without one service, or with one worker or manager fewer. Only
/// what a schedule and the file's `always`/`never` expectations do not name is removed, and
/// only from the end (`workers: 3` becomes `workers: 2`, dropping w3), so that every name left
/// means the same node. Each candidate is a text to load and run again: the shrinker keeps it
/// only if the run still fails the same way, and a candidate that no longer loads (a `nodes:`
/// entry naming the node removed) is simply not kept.
public struct ExploreCastReduction: Sendable {
    let source: String
    let cast: ExploreCast
    /// Every word of the texts that must keep their meaning (`kill web.2` names `web` and `2`).
    let named: Set<String>

    /// - Parameter texts: the schedule's timeline entries and the file's expectations.
    public init(source: String, cast: ExploreCast, texts: [String]) {
        self.source = source
        self.cast = cast
        named = Set(texts.flatMap { text in
            text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.map(String.init)
        })
    }

    /// The smaller texts to try, in order: without each service no text names, then with the
    /// last worker, then the last manager, removed when no text names it.
    public var candidates: [String] {
        var texts: [String] = []
        for service in cast.services.map(\.name) where !named.contains(service) {
            if let text = Self.removing(service: service, from: source) { texts.append(text) }
        }
        if let last = cast.workers.last, !named.contains(last), let text = Self.setting("workers", to: cast.workers.count - 1, in: source) {
            texts.append(text)
        }
        if cast.managers.count > 1, let last = cast.managers.last, !named.contains(last),
           let text = Self.setting("managers", to: cast.managers.count - 1, in: source) {
            texts.append(text)
        }
        return texts
    }

    /// The range of the lines of top-level key `key`'s block (its own line first), if any.
    private static func block(_ key: String, in lines: [Substring]) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { line in
            guard line.first != " ", let colon = line.firstIndex(of: ":"), line[..<colon] == key else { return false }
            let rest = line[line.index(after: colon)...].drop { $0 == " " }
            return rest.isEmpty || rest.first == "#"
        }) else { return nil }
        var end = start + 1
        while end < lines.count, !isContent(lines[end]) || indent(lines[end]) > 0 { end += 1 }
        return start..<end
    }

    private static func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    private static func isContent(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return !trimmed.isEmpty && trimmed.first != "#"
    }

    /// `source` with `cluster.KEY: N` set to `count`; nil when the file does not write it so.
    static func setting(_ key: String, to count: Int, in source: String) -> String? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cluster = block("cluster", in: lines),
              let index = cluster.dropFirst().first(where: { lines[$0].drop { $0 == " " }.hasPrefix("\(key):") && indent(lines[$0]) > 0 }),
              let colon = lines[index].firstIndex(of: ":") else { return nil }
        let value = lines[index][lines[index].index(after: colon)...]
        guard Int(String(value.prefix { $0 != "#" }.filter { $0 != " " })) != nil else { return nil }
        lines[index] = Substring(lines[index][...colon] + " \(count)")
        return lines.joined(separator: "\n")
    }

    /// `source` without the block of service `name` under `services:`; nil when not found.
    static func removing(service name: String, from source: String) -> String? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let services = block("services", in: lines),
              let first = services.dropFirst().first(where: { isContent(lines[$0]) }) else { return nil }
        let level = indent(lines[first])
        guard let start = services.dropFirst().first(where: {
            indent(lines[$0]) == level && lines[$0].drop { $0 == " " }.split(separator: ":", maxSplits: 1).first.map(String.init) == name
        }) else { return nil }
        var end = start + 1
        while end < services.upperBound, !isContent(lines[end]) || indent(lines[end]) > level { end += 1 }
        lines.removeSubrange(start..<end)
        return lines.joined(separator: "\n")
    }
}
