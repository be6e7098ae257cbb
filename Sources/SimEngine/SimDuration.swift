/// An interval of simulated time, in integer nanoseconds.
public struct SimDuration: Hashable, Comparable, Sendable {
    public var nanoseconds: Int64

    @inline(__always)
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static let zero = SimDuration(nanoseconds: 0)

    public static func nanoseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n) }
    public static func microseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000) }
    public static func milliseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000_000) }
    public static func seconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000_000_000) }
    public static func minutes(_ n: Int64) -> SimDuration { .seconds(n * 60) }
    public static func hours(_ n: Int64) -> SimDuration { .seconds(n * 3600) }

    /// The duration in (possibly fractional) seconds, for reports only.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public static func < (a: SimDuration, b: SimDuration) -> Bool { a.nanoseconds < b.nanoseconds }
    public static func + (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds + b.nanoseconds) }
    public static func - (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds - b.nanoseconds) }
    public static func * (a: SimDuration, k: Int64) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds * k) }
    public static func * (a: SimDuration, k: Int) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds * Int64(k)) }
    public static func / (a: SimDuration, k: Int64) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds / k) }
}

extension SimDuration: CustomStringConvertible {
    /// Docker (Go `time.Duration`) style: `1m30s`, `250ms`, `500us`, `0s`.
    public var description: String { DurationFormat.format(self) }
}
