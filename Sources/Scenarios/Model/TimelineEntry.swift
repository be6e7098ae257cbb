import SimEngine

/// One entry of the timeline: at a time, one action, with optional `via:` and `expect:`.
public struct TimelineEntry: Equatable, Sendable {
    /// When the action happens.
    public var time: SimInstant
    /// What happens.
    public var action: TimelineAction
    /// The node whose engine a docker command talks to (`via:`); nil for the default,
    /// the first manager in name order that is up. Always nil for a fault.
    public var via: NodeReference?
    /// The outcome the command must have (`expect:`); nil when any outcome is fine.
    /// Always nil for a fault.
    public var expect: CommandExpectation?
    /// The action as written (`docker service scale web=8`), for reports.
    public var text: String
    /// Where the entry starts (its `at` key), for reports.
    public var location: SourceLocation

    /// An entry.
    public init(
        time: SimInstant,
        action: TimelineAction,
        via: NodeReference? = nil,
        expect: CommandExpectation? = nil,
        text: String,
        location: SourceLocation
    ) {
        self.time = time
        self.action = action
        self.via = via
        self.expect = expect
        self.text = text
        self.location = location
    }
}

/// What a timeline entry does: a docker command sent to a manager, or a fault.
public enum TimelineAction: Equatable, Sendable {
    /// A Docker CLI command.
    case docker(DockerCommand)
    /// A fault or change of environment.
    case fault(Fault)
    /// Traffic through the data plane: `curl`, `docker exec TASK ping|nslookup`.
    case traffic(TrafficAction)
}

/// The outcome a timeline command must have (`expect: ok | error | error "text"`).
public enum CommandExpectation: Equatable, Sendable {
    /// The command succeeds.
    case ok
    /// The command fails; when `containing` is set, its error text contains it.
    case error(containing: String?)

    /// Whether a command's outcome matches: `error` is nil on success, else its text.
    public func isMatched(byError error: String?) -> Bool {
        switch (self, error) {
        case (.ok, nil): true
        case (.ok, _?): false
        case (.error, nil): false
        case (.error(let expected), let actual?): expected.map { actual.contains($0) } ?? true
        }
    }
}

extension CommandExpectation: CustomStringConvertible {
    /// As written in the file: `ok`, `error`, `error "text"`.
    public var description: String {
        switch self {
        case .ok: "ok"
        case .error(nil): "error"
        case .error(let text?): "error \"\(text)\""
        }
    }
}
