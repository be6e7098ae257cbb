/// A `--seeds A..B` range.
struct SeedRange {
    var lower: UInt64
    var upper: UInt64

    var count: Int { Int(upper - lower + 1) }

    /// Parses `A..B` (inclusive) or a single seed `N`.
    static func parse(_ text: String, option: String, command: String) throws(UsageError) -> SeedRange {
        let parts = text.components(separatedBy: "..")
        if parts.count == 1, let single = UInt64(parts[0]) { return SeedRange(lower: single, upper: single) }
        guard parts.count == 2, let a = UInt64(parts[0]), let b = UInt64(parts[1]), a <= b, b - a < 10_000_000 else {
            throw UsageError("'\(option)' needs a range such as 1..100, got '\(text)'", command: command)
        }
        return SeedRange(lower: a, upper: b)
    }
}
