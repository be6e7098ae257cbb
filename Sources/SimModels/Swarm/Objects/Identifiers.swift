import SimEngine

/// A Swarm object ID: 25 lowercase alphanumeric characters, like SwarmKit's `identity.NewID()`,
/// drawn from a seeded stream so that a run's IDs depend only on its seed.
public struct SwarmID: DigestHashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// Computed once from `rawValue`: IDs key most of the store's and the dispatcher's
    /// dictionaries, and hashing or comparing 25 characters on every lookup dominated them.
    private let key: Key

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        key = Key(rawValue)
    }

    public static func == (a: SwarmID, b: SwarmID) -> Bool {
        a.key.digest == b.key.digest && a.rawValue == b.rawValue
    }

    /// A digest of the whole text (keys that contain IDs, like `SlotKey`, build theirs from it).
    public var hashDigest: UInt64 { key.digest }

    /// The order of `rawValue` (decided by the first eight characters when they differ).
    public static func < (a: SwarmID, b: SwarmID) -> Bool {
        if a.key.asciiPrefix != b.key.asciiPrefix, a.key.isASCII, b.key.isASCII {
            return a.key.asciiPrefix < b.key.asciiPrefix
        }
        return a.rawValue < b.rawValue
    }

    /// A digest of the whole text (FNV-1a) and, for ASCII text, its first eight bytes
    /// big-endian (zero-padded), whose order is the text's order wherever two prefixes differ.
    private struct Key: Sendable {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        var asciiPrefix: UInt64 = 0
        var isASCII = true

        init(_ text: String) {
            var count = 0
            for byte in text.utf8 {
                digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                if byte >= 0x80 { isASCII = false }
                if count < 8 { asciiPrefix |= UInt64(byte) << (56 - 8 * count) }
                count += 1
            }
        }
    }

    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A fresh 25-character ID from `random`.
    public static func generate(using random: inout RandomStream) -> SwarmID {
        var bytes = [UInt8](repeating: 0, count: 25)
        for index in bytes.indices { bytes[index] = alphabet[random.nextInt(below: alphabet.count)] }
        return SwarmID(String(decoding: bytes, as: UTF8.self))
    }

    /// The first 12 characters, as `docker node ls` and `docker service ps` print IDs.
    public var short: String { String(rawValue.prefix(12)) }

    public var description: String { rawValue }
}

public typealias NodeID = SwarmID
public typealias ServiceID = SwarmID
public typealias TaskID = SwarmID
public typealias NetworkID = SwarmID
