/// A timeline output that keeps a 64-bit FNV-1a digest of each line instead of its text:
/// two runs wrote the same bytes when their digests are equal, and the first unequal digest
/// says on which line they part. A long run's JSON lines take tens of megabytes; their
/// digests take eight bytes a line.
public final class LineDigestOutput: TimelineOutput {
    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The digest of every complete line, in order; a last line without its newline is added by `flush`.
    public private(set) var lines: [UInt64] = []
    /// Bytes written.
    public private(set) var byteCount = 0
    private var current = LineDigestOutput.offsetBasis
    private var lineIsOpen = false

    public init() {}

    /// - Complexity: O(n) in the length of `text`.
    public func write(_ text: String) {
        var hash = current
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* Self.prime
            if byte == UInt8(ascii: "\n") {
                lines.append(hash)
                hash = Self.offsetBasis
                lineIsOpen = false
            } else {
                lineIsOpen = true
            }
        }
        current = hash
        byteCount += text.utf8.count
    }

    public func flush() {
        guard lineIsOpen else { return }
        lines.append(current)
        current = Self.offsetBasis
        lineIsOpen = false
    }

    /// The 1-based number of the first line where `self` and `other` differ, nil if they are equal.
    public func firstDifference(from other: LineDigestOutput) -> Int? {
        if lines == other.lines && byteCount == other.byteCount { return nil }
        let common = min(lines.count, other.lines.count)
        let index = (0..<common).first { lines[$0] != other.lines[$0] } ?? common
        return index + 1
    }

    /// One digest of the whole output: the line digests folded together.
    public var digest: UInt64 {
        var hash = Self.offsetBasis
        for line in lines {
            hash ^= line
            hash = hash &* Self.prime
        }
        return hash
    }
}
