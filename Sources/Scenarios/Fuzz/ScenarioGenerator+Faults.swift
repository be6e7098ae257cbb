/// The faults of a timeline entry (SCENARIO_FORMAT §5, as the loader reads them).
extension ScenarioGenerator {
    /// The text of a fault of `kind`; nil when the cluster has too few nodes or no task for it.
    mutating func faultText(_ kind: EntryKind) -> String? {
        switch kind {
        case .crash, .stop:
            let node = nodeOrLeader()
            if node != "leader" { world.takeDown(node) }
            return "\(kind == .crash ? "crash" : "stop") \(node)"
        case .restart:
            let node = !world.down.isEmpty && random.percent(80) ? random.pick(world.down) : nodeOrLeader()
            world.bringUp(node)
            return "restart \(node)"
        case .isolate:
            return "isolate \(nodeOrLeader())"
        case .partition:
            return partitionText()
        case .drop:
            guard let (from, to) = twoNodes() else { return nil }
            return "drop \(from) -> \(to)"
        case .latency:
            let value = random.pick(["0s", "1ms", "20ms", "100ms", "250ms", "500ms", "1s"])
            return "latency \(linkText()) \(value)"
        case .loss:
            return "loss \(linkText()) \(random.pick([0, 1, 5, 10, 20, 30, 50]))%"
        case .heal:
            return "heal"
        case .kill:
            return killText()
        default:
            return "fail \(random.pick(world.nodes)) image-pull"
        }
    }

    /// A node of the cluster, or (rarely) `leader`.
    private mutating func nodeOrLeader() -> String {
        random.percent(10) ? "leader" : random.pick(world.nodes)
    }

    /// Two different nodes, when the cluster has two.
    private mutating func twoNodes() -> (String, String)? {
        guard world.nodes.count >= 2 else { return nil }
        let pair = random.sample(world.nodes, count: 2)
        return (pair[0], pair[1])
    }

    /// `A B` or `*` for `latency` and `loss`.
    private mutating func linkText() -> String {
        guard let (a, b) = twoNodes(), random.percent(75) else { return "*" }
        return "\(a) \(b)"
    }

    /// `partition A B | C D`: one to three groups of distinct nodes; the rest form one more.
    private mutating func partitionText() -> String {
        let chosen = random.sample(world.nodes, count: random.nextInt(in: 1...world.nodes.count))
        let groupCount = min(chosen.count, random.nextInt(in: 1...3))
        var groups = Array(repeating: [String](), count: groupCount)
        for (index, node) in chosen.enumerated() {
            // Every group gets one node first, then the rest go anywhere.
            groups[index < groupCount ? index : random.nextInt(below: groupCount)].append(node)
        }
        return "partition " + groups.map { $0.joined(separator: " ") }.joined(separator: " | ")
    }

    /// `kill s1.3` (a replica's slot) or `kill s2@w4` (a global task); nil without a service.
    private mutating func killText() -> String? {
        let services = world.liveServices.filter { $0.isGlobal || $0.replicas > 0 }
        guard !services.isEmpty else { return nil }
        let service = random.pick(services)
        if service.isGlobal { return "kill \(service.name)@\(random.pick(world.nodes))" }
        return "kill \(service.name).\(random.nextInt(in: 1...service.replicas))"
    }
}
