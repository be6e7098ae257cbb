import SimEngine

/// Everything the leader's control API reads to serve one request.
public struct ControlContext: Sendable {
    /// The leader's committed store.
    public var store: ClusterStore
    /// The instant the leader serves the request.
    public var now: SimInstant
    /// Raft as the leader sees it.
    public var raft: RaftView
    /// The node whose engine the CLI talked to (`*` in `docker node ls`, `docker info`).
    public var queriedNodeID: NodeID
    /// Cluster settings `docker info` prints that the store does not hold.
    public var info: InfoSettings

    public init(store: ClusterStore, now: SimInstant, raft: RaftView, queriedNodeID: NodeID,
                info: InfoSettings = InfoSettings()) {
        self.store = store
        self.now = now
        self.raft = raft
        self.queriedNodeID = queriedNodeID
        self.info = info
    }
}

/// What the control API answers.
///
/// Texts are what the docker CLI prints, lines joined by `\n` without a final newline: the
/// table for a query, standard output for a write once committed, the error (standard error)
/// for a refusal.
public enum ControlOutcome: Equatable, Sendable {
    /// A write that changes nothing ("Node … is already a manager."), or a short answer.
    case reply(String)
    /// A query's table, laid out only if someone reads it (see `CommandOutput`).
    case query(CommandOutput)
    /// Propose `actions` as one Raft entry; once committed, print `reply`.
    case propose([StoreAction], reply: String)
    /// The request is refused; nothing to propose. Docker's error text (exit status 1).
    case failure(String)
    /// A command over several objects where some succeeded and some failed (`docker node rm a b`,
    /// `docker service scale a=1 b=2`): propose `actions` (possibly none), then print `reply` on
    /// standard output and `error` on standard error; the command fails (exit status 1).
    case partial([StoreAction], reply: String, error: String)

    /// The actions to propose (empty for queries and refusals).
    public var actions: [StoreAction] {
        switch self {
        case .reply, .query, .failure: []
        case let .propose(actions, _), let .partial(actions, _, _): actions
        }
    }

    /// Whether the docker CLI would exit with status 0.
    public var succeeded: Bool {
        switch self {
        case .reply, .query, .propose: true
        case .failure, .partial: false
        }
    }

    /// Standard output.
    public var output: String {
        printed.text
    }

    /// Standard output, not laid out yet for a query.
    public var printed: CommandOutput {
        switch self {
        case let .query(output): output
        case let .reply(text), let .propose(_, text), let .partial(_, text, _): CommandOutput(text)
        case .failure: CommandOutput("")
        }
    }

    /// Standard error (empty on success).
    public var error: String {
        switch self {
        case let .failure(text), let .partial(_, _, text): text
        case .reply, .query, .propose: ""
        }
    }

    /// Builds the outcome of a command over several objects.
    static func combining(actions: [StoreAction], output: [String], errors: [String]) -> ControlOutcome {
        let reply = output.joined(separator: "\n")
        if !errors.isEmpty {
            let error = errors.joined(separator: "\n")
            if actions.isEmpty && output.isEmpty { return .failure(error) }
            return .partial(actions, reply: reply, error: error)
        }
        return actions.isEmpty ? .reply(reply) : .propose(actions, reply: reply)
    }
}
