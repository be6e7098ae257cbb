import SimEngine

/// One finished request of a simulated client: when it started and ended, how it ended, through
/// which node it entered the swarm and which task answered it.
///
/// The data plane produces these; the scenario layer turns them into outage lines, summaries and the
/// traffic conditions of SCENARIO_FORMAT §9.
public struct RequestRecord: Equatable, Sendable {
    /// The client's name in the scenario (`users`, `calls`), or `curl` for a timeline action.
    public let client: String
    /// The request's number within its client, from 1, in the order the requests started.
    public let sequence: Int
    public let started: SimInstant
    public let ended: SimInstant
    public let outcome: RequestOutcome
    /// The node the request entered by (the routing-mesh entry node, or the caller's node).
    public let entryNode: String?
    /// The task that answered (`web.3`), when the outcome is `ok` or the backend was chosen.
    public let task: String?

    public init(client: String, sequence: Int, started: SimInstant, ended: SimInstant,
                outcome: RequestOutcome, entryNode: String?, task: String?) {
        self.client = client
        self.sequence = sequence
        self.started = started
        self.ended = ended
        self.outcome = outcome
        self.entryNode = entryNode
        self.task = task
    }

    /// How long the request took from its start to its outcome.
    public var latency: SimDuration { ended - started }
}
