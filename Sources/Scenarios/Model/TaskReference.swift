/// A task as `kill` names it.
public enum TaskReference: Hashable, Sendable, CustomStringConvertible {
    /// `web.2`: the task in slot 2 of a replicated service.
    case replica(service: String, slot: Int)
    /// `app@w1`: the task of a global service on a node.
    case global(service: String, node: NodeReference)

    /// The service the task belongs to.
    public var service: String {
        switch self {
        case .replica(let service, _), .global(let service, _): service
        }
    }

    /// As written: `web.2` or `app@w1`.
    public var description: String {
        switch self {
        case .replica(let service, let slot): "\(service).\(slot)"
        case .global(let service, let node): "\(service)@\(node)"
        }
    }
}
