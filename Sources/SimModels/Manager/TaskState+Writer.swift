extension TaskState {
    /// The manager component that writes a task into this observed state, as the timeline
    /// names it: the orchestrators create tasks (NEW), the allocator moves them to PENDING, the
    /// scheduler to ASSIGNED, and from then on the dispatcher writes what the node's agent
    /// reports (SwarmKit `manager/dispatcher` `UpdateTaskStatus`); `docker node rm --force`
    /// orphans the tasks of the removed node through the control API (`manager/controlapi`).
    var writer: String {
        switch self {
        case .new: "orchestrator"
        case .pending: "allocator"
        case .assigned: "scheduler"
        case .orphaned: "controlapi"
        case .accepted, .preparing, .ready, .starting, .running, .complete, .shutdown, .failed, .rejected, .remove: "dispatcher"
        }
    }
}
