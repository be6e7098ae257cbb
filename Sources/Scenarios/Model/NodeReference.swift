/// A node as an action names it: by name, or `leader` (the leader at the instant the
/// action runs).
public enum NodeReference: Hashable, Sendable, CustomStringConvertible {
    /// The node with this name.
    case named(String)
    /// Whichever node is the leader when the action runs.
    case leader
    /// Classic mode only (`mode: classic`): the host whose manager holds the leader lock in the
    /// Consul store at the instant the action runs (`kill manage@primary`, `crash primary`).
    case primary
    /// `NAME.id` (`NAME.id:N`): the node ID (its first `N` characters) that the node named
    /// `NAME` holds when the command runs, as a user copies it from `docker node ls`; docker
    /// commands only. The daemon resolves it as it resolves any ID or ID prefix.
    case id(of: String, prefix: Int?)

    /// The word the file uses: the name, or `leader`.
    public var description: String {
        switch self {
        case .named(let name): name
        case .leader: "leader"
        case .primary: "primary"
        case let .id(name, prefix): name + ".id" + (prefix.map { ":\($0)" } ?? "")
        }
    }
}
