/// The state of a task, as SwarmKit numbers it (`api/types.proto`). The values are
/// monotonic: a task only ever moves to a greater state.
public enum TaskState: Int, Comparable, Sendable, CaseIterable {
    case new = 0
    case pending = 64
    case assigned = 192
    case accepted = 256
    case preparing = 320
    case ready = 384
    case starting = 448
    case running = 512
    case complete = 576
    case shutdown = 640
    case failed = 704
    case rejected = 768
    case remove = 800
    case orphaned = 832

    public static func < (a: TaskState, b: TaskState) -> Bool { a.rawValue < b.rawValue }

    /// The engine API's lowercase name (`running`).
    public var name: String {
        switch self {
        case .new: "new"
        case .pending: "pending"
        case .assigned: "assigned"
        case .accepted: "accepted"
        case .preparing: "preparing"
        case .ready: "ready"
        case .starting: "starting"
        case .running: "running"
        case .complete: "complete"
        case .shutdown: "shutdown"
        case .failed: "failed"
        case .rejected: "rejected"
        case .remove: "remove"
        case .orphaned: "orphaned"
        }
    }

    /// As the CLI prints it (`Running`).
    public var displayName: String { name.prefix(1).uppercased() + name.dropFirst() }

    /// True once the task can no longer run (state above RUNNING).
    public var isTerminal: Bool { self > .running }
}
