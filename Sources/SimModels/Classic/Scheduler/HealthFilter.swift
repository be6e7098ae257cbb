/// The `health` filter (`scheduler/filter/health.go`): healthy nodes only.
enum HealthFilter {
    static func apply(_ nodes: [SchedulerNode]) -> Result<[SchedulerNode], SchedulingError> {
        let healthy = nodes.filter(\.isHealthy)
        return healthy.isEmpty ? .failure(.noHealthyNode) : .success(healthy)
    }
}
