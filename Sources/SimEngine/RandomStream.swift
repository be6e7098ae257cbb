/// A deterministic stream of random numbers: xoshiro256** seeded by SplitMix64.
///
/// Every component draws from its own named stream (see `Simulation.stream(named:)`),
/// so one more draw in one component never shifts another component's numbers.
/// The algorithms here are ours and fixed: the standard library's random
/// algorithms may change between Swift releases, ours may not.
public struct RandomStream: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream whose state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A stream for `name` under a run's `seed`: the same pair always gives the same stream.
    public init(seed: UInt64, name: String) {
        self.init(seed: seed ^ RandomStream.stableHash(name))
    }

    /// FNV-1a over the UTF-8 bytes: stable across processes, unlike `Hasher`.
    /// - Complexity: O(n) in the length of `text`.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The next 64 random bits (xoshiro256**).
    /// - Complexity: O(1)
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1) expected.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    /// - Complexity: O(1) expected.
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    /// - Complexity: O(1)
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability` (0 never, 1 always).
    /// - Complexity: O(1)
    public mutating func nextBool(probability: Double) -> Bool {
        if probability <= 0 { return false }
        if probability >= 1 { return true }
        return nextDouble() < probability
    }

    /// Shuffles `elements` in place (Fisher–Yates).
    /// - Complexity: O(n)
    public mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            if i != j { elements.swapAt(i, j) }
            i -= 1
        }
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
