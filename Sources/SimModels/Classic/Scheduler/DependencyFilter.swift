/// The `dependency` filter (`scheduler/filter/dependency.go`): a container that names others by
/// `--volumes-from`, `--link` or `--net=container:` goes where all of them are.
enum DependencyFilter {
    static func apply(_ config: ClassicContainerConfig, _ nodes: [SchedulerNode]) -> Result<[SchedulerNode], SchedulingError> {
        if nodes.isEmpty { return .success(nodes) }
        let targets = config.volumesFrom.map(beforeColon) + config.links.map(beforeColon) + (config.networkContainer.map { [$0] } ?? [])
        let candidates = nodes.filter { node in targets.allSatisfy { node.container($0) != nil } }
        if candidates.isEmpty {
            return .failure(SchedulingError("Unable to find a node fulfilling all dependencies: " + conditions(config).joined(separator: " ")))
        }
        return .success(candidates)
    }

    /// `GetFilters` / `String`: `--volumes-from=…`, `--link=…`, `--net=container:…`.
    static func conditions(_ config: ClassicContainerConfig) -> [String] {
        config.volumesFrom.map { "--volumes-from=\($0)" } + config.links.map { "--link=\($0)" }
            + (config.networkContainer != nil ? ["--net=\(config.networkMode)"] : [])
    }

    private static func beforeColon(_ text: String) -> String {
        String(text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
