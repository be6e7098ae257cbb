import SimEngine

/// A Swarm object ID: 25 lowercase alphanumeric characters, like SwarmKit's `identity.NewID()`,
/// drawn from a seeded stream so that a run's IDs depend only on its seed.
public struct SwarmID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A fresh 25-character ID from `random`.
    public static func generate(using random: inout RandomStream) -> SwarmID {
        var text = ""
        text.reserveCapacity(25)
        for _ in 0..<25 { text.append(alphabet[random.nextInt(below: alphabet.count)]) }
        return SwarmID(text)
    }

    /// The first 12 characters, as `docker node ls` and `docker service ps` print IDs.
    public var short: String { String(rawValue.prefix(12)) }

    public var description: String { rawValue }

    public static func < (a: SwarmID, b: SwarmID) -> Bool { a.rawValue < b.rawValue }
}

public typealias NodeID = SwarmID
public typealias ServiceID = SwarmID
public typealias TaskID = SwarmID
public typealias NetworkID = SwarmID
