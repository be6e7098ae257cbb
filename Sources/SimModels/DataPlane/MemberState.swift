import SimEngine

/// What one member knows of another (memberlist `nodeState`).
public struct MemberState: Sendable {
    /// memberlist's `NodeStateType`.
    public enum Status: Sendable, Equatable {
        case alive
        case suspect
        case dead
        /// Dead by its own announcement (`dead` from itself).
        case left
    }

    public var node: HostID
    public var incarnation: UInt32
    public var status: Status
    /// When `status` last changed.
    public var changedAt: SimInstant

    var isDeadOrLeft: Bool { status == .dead || status == .left }
}
