/// One word or form of the scenario language and what it means: a row of the reference that
/// `simrun help` prints. The loader reads its keywords from the same tables, so the reference
/// cannot leave out a word the loader accepts.
public struct ReferenceEntry: Sendable, Equatable {
    /// The word the loader dispatches on (a key, a fault's first word, a condition's subject).
    public let keyword: String
    /// How it is written, such as `crash NODE` or `managers: 3`.
    public let form: String
    /// What it means, in a sentence or two.
    public let meaning: String

    public init(_ keyword: String, _ form: String, _ meaning: String) {
        self.keyword = keyword
        self.form = form
        self.meaning = meaning
    }
}

extension Array where Element == ReferenceEntry {
    /// The distinct keywords, in table order.
    var keywords: [String] {
        var seen: [String] = []
        for entry in self where !seen.contains(entry.keyword) { seen.append(entry.keyword) }
        return seen
    }
}
