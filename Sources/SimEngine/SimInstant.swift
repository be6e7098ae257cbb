/// A point in simulated time: nanoseconds since the start of the run.
public struct SimInstant: Hashable, Comparable, Sendable {
    public var nanoseconds: Int64

    @inline(__always)
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The start of every run.
    public static let zero = SimInstant(nanoseconds: 0)
    /// Later than any instant a run reaches.
    public static let distantFuture = SimInstant(nanoseconds: .max)

    /// Time since the start of the run.
    public var sinceStart: SimDuration { SimDuration(nanoseconds: nanoseconds) }

    public static func < (a: SimInstant, b: SimInstant) -> Bool { a.nanoseconds < b.nanoseconds }
    public static func + (a: SimInstant, d: SimDuration) -> SimInstant {
        let (sum, overflow) = a.nanoseconds.addingReportingOverflow(d.nanoseconds)
        return SimInstant(nanoseconds: overflow ? .max : sum)
    }
    public static func - (a: SimInstant, d: SimDuration) -> SimInstant { SimInstant(nanoseconds: a.nanoseconds - d.nanoseconds) }
    public static func - (a: SimInstant, b: SimInstant) -> SimDuration { SimDuration(nanoseconds: a.nanoseconds - b.nanoseconds) }
}

extension SimInstant: CustomStringConvertible {
    /// Seconds with millisecond digits, as the timeline prints them: `12.345s`.
    public var description: String { DurationFormat.secondsWithMillis(sinceStart) + "s" }
}
