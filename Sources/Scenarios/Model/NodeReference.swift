/// A node as an action names it: by name, or `leader` (the leader at the instant the
/// action runs).
public enum NodeReference: Hashable, Sendable, CustomStringConvertible {
    /// The node with this name.
    case named(String)
    /// Whichever node is the leader when the action runs.
    case leader

    /// The word the file uses: the name, or `leader`.
    public var description: String {
        switch self {
        case .named(let name): name
        case .leader: "leader"
        }
    }
}
