/// One fault of a drawn schedule, the unit that `--shrink` keeps or removes: its timeline
/// lines (a fault and the `heal` or `restart` that ends it), and what it does to the hosts,
/// so that the quiet phase knows what to restart and make active again.
public struct ExploreFault: Equatable, Sendable {
    /// One timeline entry: when (milliseconds from the start) and the action as written.
    public struct Line: Equatable, Sendable {
        public var millisecond: Int
        public var text: String
    }

    /// The family it was drawn from.
    public var family: ExploreFamily
    /// Its entries, in time order.
    public var lines: [Line]
    /// Hosts it crashes or stops (by name, never `leader`: the quiet phase must know them).
    public var takesDown: [String] = []
    /// Hosts it boots again (after `takesDown`, at its last line).
    public var bringsUp: [String] = []
    /// Nodes it drains.
    public var drains: [String] = []

    /// The time of its first entry.
    public var millisecond: Int { lines[0].millisecond }
    /// The time of its last entry.
    public var lastMillisecond: Int { lines[lines.count - 1].millisecond }
}
