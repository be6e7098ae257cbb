/// A cheap hash for dictionary keys that are, or already carry, a well-spread 64-bit value
/// (host pairs, digests of IDs): the SplitMix64 finalizer of that value and the table's seed.
///
/// The simulator's hottest dictionaries are keyed by such values, and Swift's default
/// hashing (SipHash) cost more than the lookups themselves. Dictionary and set order never
/// reaches behaviour or output (DESIGN.md), so the choice of hash changes nothing a run prints.
public enum KeyHash {
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64, seed: Int) -> Int {
        var z = value &+ UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }
}

/// A key that hashes through `KeyHash` from a digest of itself (equal keys, equal digests).
public protocol DigestHashable: Hashable {
    var hashDigest: UInt64 { get }
}

extension DigestHashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashDigest)
    }

    public func _rawHashValue(seed: Int) -> Int {
        KeyHash.mix(hashDigest, seed: seed)
    }
}
