/// The `containerslots` filter (1.2.1+, `scheduler/filter/slots.go`): a node labelled
/// `containerslots=N` takes a container only while it holds fewer than N (creates in flight
/// included); a label that is not an integer sets no limit.
enum SlotsFilter {
    static func apply(_ nodes: [SchedulerNode]) -> Result<[SchedulerNode], SchedulingError> {
        let open = nodes.filter { node in
            guard let text = node.labels["containerslots"], let slots = Int(text) else { return true }
            return node.containers.count < slots
        }
        return open.isEmpty ? .failure(.noFreeSlots) : .success(open)
    }

    /// `GetFilters`: always listed.
    static let conditions = ["available container slots"]
}
