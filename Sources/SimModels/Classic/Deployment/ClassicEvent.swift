import SimEngine

/// A line one of classic Swarm's processes logs, for the timeline (SCENARIO_FORMAT §10): the
/// host, the process and the text as the real process logs it.
public struct ClassicEvent: Equatable, Sendable {
    public enum Source: String, Sendable {
        case manage
        case join
        case consul
        case engine
    }

    public var time: SimInstant
    public var node: String
    public var source: Source
    public var text: String

    public init(time: SimInstant, node: String, source: Source, text: String) {
        self.time = time
        self.node = node
        self.source = source
        self.text = text
    }
}
