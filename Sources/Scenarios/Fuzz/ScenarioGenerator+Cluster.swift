import SimEngine

/// The `cluster:` and `nodes:` sections: the cluster's shape, Raft and dispatcher timing,
/// the network's defaults, and some nodes' labels and resources.
extension ScenarioGenerator {
    /// The label values the nodes get and the constraints test.
    static let zones = ["east", "west", "north"]
    static let storages = ["ssd", "hdd"]

    /// Writes `cluster:` and records the node names in `world`.
    mutating func writeCluster() {
        let managerChoices = [1, 1, 1, 2, 3, 3, 3, 3, 4, 5, 5, 6, 7, 8, 9].filter { $0 <= limits.maximumManagers }
        let managers = managerChoices.isEmpty ? limits.maximumManagers : random.pick(managerChoices)
        let workerRange = random.weighted([(weight: 1, value: 0...0), (weight: 4, value: 1...5), (weight: 3, value: 6...15),
                                           (weight: 2, value: 16...50)])
        let workers = min(limits.maximumWorkers, random.nextInt(in: workerRange))
        world.managers = (1...managers).map { "m\($0)" }
        world.workers = workers == 0 ? [] : (1...workers).map { "w\($0)" }
        world.nodes = world.managers + world.workers

        write("cluster:")
        write("managers: \(managers)", indent: 1)
        write("workers: \(workers)", indent: 1)
        if random.percent(25) { writeRaft() }
        if random.percent(20) {
            write("dispatcher:", indent: 1)
            write("heartbeat_period: \(random.pick(["500ms", "1s", "2s", "5s", "10s"]))", indent: 2)
        }
        if random.percent(50) {
            write("network:", indent: 1)
            write("latency: \(DurationFormat.format(random.milliseconds(in: 0...50)))", indent: 2)
            write("jitter: \(DurationFormat.format(.microseconds(Int64(random.nextInt(in: 0...5000)))))", indent: 2)
            write("loss: \(random.pick([0, 0, 0, 1, 2, 5]))%", indent: 2)
        }
    }

    /// `cluster.raft`: the tick, and election and heartbeat ticks with election > heartbeat.
    private mutating func writeRaft() {
        write("raft:", indent: 1)
        if random.percent(50) { write("tick: \(random.pick(["200ms", "500ms", "1s", "2s"]))", indent: 2) }
        let heartbeat = random.nextInt(in: 1...2)
        if random.percent(70) { write("election_tick: \(random.nextInt(in: (heartbeat + 2)...15))", indent: 2) }
        write("heartbeat_tick: \(heartbeat)", indent: 2)
    }

    /// `nodes:` with labels, cpus and memory for some of the cluster's nodes (none added).
    mutating func writeNodes() {
        var entries: [String] = []
        for node in world.nodes {
            var parts: [String] = []
            if random.percent(40) {
                var labels = ["zone: \(random.pick(Self.zones))"]
                if random.percent(50) { labels.append("storage: \(random.pick(Self.storages))") }
                parts.append("labels: {\(labels.joined(separator: ", "))}")
            }
            if random.percent(20) {
                parts.append("cpus: \(random.pick(["0.5", "1", "2", "4", "8", "16"]))")
                parts.append("memory: \(random.pick(["512MiB", "1GiB", "2GiB", "8GiB", "32GiB"]))")
            }
            if !parts.isEmpty { entries.append("\(node): {\(parts.joined(separator: ", "))}") }
        }
        guard !entries.isEmpty else { return }
        write("nodes:")
        for entry in entries { write(entry, indent: 1) }
    }
}
