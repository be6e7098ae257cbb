/// `--shard I/N`: the I-th of N disjoint slices of a seed range, so that a sweep can be spread
/// over machines (a Kubernetes Indexed Job, a CI matrix). A seed belongs to shard I when its
/// position in the range (its distance from the range's first seed) is I-1 modulo N: every
/// seed of the range is in exactly one shard, the shards' union is the range, and each shard
/// gets an even share of early and late seeds (a slice by blocks would give the last machine
/// the seeds drawn last, which are no harder, but the modulo keeps shard sizes within one).
struct SeedShard: Equatable {
    /// 1-based, as `--shard` writes it and `JOB_COMPLETION_INDEX + 1` gives it.
    var index: Int
    var count: Int

    /// The whole range, as one shard.
    static let whole = SeedShard(index: 1, count: 1)

    /// Parses `I/N`, 1 ≤ I ≤ N.
    static func parse(_ text: String, command: String) throws(UsageError) -> SeedShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 1_000_000 else {
            throw UsageError("'--shard' needs I/N, the I-th of N slices of the seeds, such as 2/4; got '\(text)'", command: command)
        }
        guard (1...count).contains(index) else {
            throw UsageError("'--shard \(text)': I must be between 1 and \(count)", command: command)
        }
        return SeedShard(index: index, count: count)
    }

    /// The `I/N` text.
    var text: String { "\(index)/\(count)" }

    /// Whether `seed` of `range` is in this shard.
    func contains(_ seed: UInt64, of range: SeedRange) -> Bool {
        seed >= range.lower && seed <= range.upper && (seed - range.lower) % UInt64(count) == UInt64(index - 1)
    }

    /// How many seeds of `range` are in this shard.
    func count(of range: SeedRange) -> Int {
        let span = range.upper - range.lower + 1
        let offset = UInt64(index - 1)
        return span > offset ? Int((span - offset - 1) / UInt64(count) + 1) : 0
    }

    /// This shard's seeds of `range`, in order.
    func seeds(of range: SeedRange) -> [UInt64] {
        guard UInt64(index - 1) <= range.upper - range.lower else { return [] }
        return Array(stride(from: range.lower + UInt64(index - 1), through: range.upper, by: count))
    }
}
