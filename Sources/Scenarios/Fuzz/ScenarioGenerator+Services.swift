/// The `services:` section: every Compose `deploy` key the format reads, and `x-sim:`.
extension ScenarioGenerator {
    /// The images services start with and are updated to.
    static let images = ["nginx:1.25", "nginx:1.26", "redis:7", "postgres:16", "busybox:1.36", "example/api:1.0", "example/api:1.1"]

    /// Writes `services:` (possibly none) and records them in `world`.
    mutating func writeServices() {
        let count = random.percent(10) ? 0 : random.nextInt(in: 1...max(1, limits.maximumServices))
        guard count > 0, limits.maximumServices > 0 else { return }
        write("services:")
        for index in 1...count {
            writeService(name: "s\(index)")
        }
    }

    private mutating func writeService(name: String) {
        let isGlobal = random.percent(20)
        let replicas = drawReplicas()
        world.services.append(FuzzWorld.Service(name: name, isGlobal: isGlobal, replicas: replicas))
        write("\(name):", indent: 1)
        write("image: \(random.pick(Self.images))", indent: 2)
        write("deploy:", indent: 2)
        if isGlobal {
            write("mode: global", indent: 3)
        } else {
            if random.percent(20) { write("mode: replicated", indent: 3) }
            write("replicas: \(replicas)", indent: 3)
        }
        if random.percent(50) { writePlacement(isGlobal: isGlobal) }
        if random.percent(20) { writeResources() }
        if random.percent(40) { writeMapping("restart_policy", drawRestartPolicy(), indent: 3) }
        if random.percent(60) { writeMapping("update_config", drawUpdateConfig(isRollback: false), indent: 3) }
        if random.percent(20) { writeMapping("rollback_config", drawUpdateConfig(isRollback: true), indent: 3) }
        if random.percent(50) { writeMapping("x-sim", drawSimulation(), indent: 2) }
    }

    /// Replicas: mostly a few, sometimes none or many.
    mutating func drawReplicas() -> Int {
        let upper = limits.maximumReplicas
        return random.weighted([(weight: 1, value: 0), (weight: 6, value: random.nextInt(in: 1...min(upper, 5))),
                                (weight: 3, value: random.nextInt(in: 1...upper))])
    }

    /// `placement:`: constraints, a spread preference, and for a replicated service a per-node cap.
    private mutating func writePlacement(isGlobal: Bool) {
        write("placement:", indent: 3)
        if random.percent(70) {
            let constraints = (0..<random.nextInt(in: 1...2)).map { _ in drawConstraint() }
            write("constraints: [\(constraints.joined(separator: ", "))]", indent: 4)
        }
        if random.percent(40) {
            write("preferences:", indent: 4)
            write("- spread: node.labels.\(random.pick(["zone", "storage"]))", indent: 5)
        }
        if !isGlobal && random.percent(30) { write("max_replicas_per_node: \(random.nextInt(in: 1...4))", indent: 4) }
    }

    /// A constraint on the role, a label or a host name of the cluster.
    mutating func drawConstraint() -> String {
        random.weighted([
            (weight: 3, value: "node.role == worker"), (weight: 2, value: "node.role == manager"),
            (weight: 1, value: "node.role != manager"),
            (weight: 3, value: "node.labels.zone == \(random.pick(Self.zones))"),
            (weight: 1, value: "node.labels.zone != \(random.pick(Self.zones))"),
            (weight: 1, value: "node.labels.storage == ssd"), (weight: 1, value: "node.labels.storage != hdd"),
            (weight: 1, value: "node.hostname != \(random.pick(world.nodes))"),
            (weight: 1, value: "node.hostname == \(random.pick(world.nodes))"),
        ])
    }

    /// `resources:` with reservations, limits or both.
    private mutating func writeResources() {
        write("resources:", indent: 3)
        let both = random.percent(30)
        if both || random.percent(50) {
            // Reservations below the limits, as a user would write them; some fit few nodes.
            write("reservations: {cpus: \(random.pick(["0.1", "0.25", "0.5", "1"])), memory: \(random.pick(["64MiB", "256MiB", "1GiB"]))}", indent: 4)
        }
        write("limits: {cpus: \(random.pick(["1", "2", "4"])), memory: \(random.pick(["1GiB", "2GiB", "8GiB"]))}", indent: 4)
    }

    /// Some of `condition`, `delay`, `max_attempts`, `window`.
    private mutating func drawRestartPolicy() -> [(String, String)] {
        var pairs: [(String, String)] = [("condition", random.pick(["none", "on-failure", "any"]))]
        if random.percent(60) { pairs.append(("delay", random.pick(["0s", "1s", "5s", "10s"]))) }
        if random.percent(40) { pairs.append(("max_attempts", "\(random.nextInt(in: 0...5))")) }
        if random.percent(30) { pairs.append(("window", random.pick(["0s", "10s", "1m"]))) }
        return pairs
    }

    /// Some keys of `update_config` or `rollback_config` (a rollback cannot roll back).
    private mutating func drawUpdateConfig(isRollback: Bool) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if random.percent(70) { pairs.append(("parallelism", "\(random.nextInt(in: 0...4))")) }
        if random.percent(60) { pairs.append(("delay", random.pick(["0s", "1s", "5s", "10s"]))) }
        if random.percent(60) { pairs.append(("order", random.pick(["start-first", "stop-first"]))) }
        let actions = isRollback ? ["pause", "continue"] : ["pause", "continue", "rollback"]
        if random.percent(60) { pairs.append(("failure_action", random.pick(actions))) }
        if random.percent(30) { pairs.append(("monitor", random.pick(["1s", "5s", "10s"]))) }
        if random.percent(20) { pairs.append(("max_failure_ratio", random.pick(["0", "0.2", "0.5"]))) }
        return pairs.isEmpty ? [("parallelism", "1")] : pairs
    }

    /// Some `x-sim` keys: pull, start and stop times, a container that fails after a while.
    private mutating func drawSimulation() -> [(String, String)] {
        var pairs: [(String, String)] = []
        if random.percent(30) { pairs.append(("pull", random.pick(["0s", "500ms", "2s", "10s"]))) }
        if random.percent(30) { pairs.append(("start", random.pick(["0s", "100ms", "500ms", "3s"]))) }
        if random.percent(20) { pairs.append(("stop", random.pick(["0s", "200ms", "1s", "5s"]))) }
        if random.percent(60) {
            pairs.append(("fail_after", random.pick(["5s", "20s", "45s", "2m"])))
            pairs.append(("exit_code", random.pick(["0", "1", "1", "137"])))
        }
        return pairs.isEmpty ? [("start", "500ms")] : pairs
    }

    /// `key:` with its pairs, as a block mapping or (sometimes) a flow mapping.
    mutating func writeMapping(_ key: String, _ pairs: [(String, String)], indent: Int) {
        if random.percent(30) {
            write("\(key): {\(pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", "))}", indent: indent)
            return
        }
        write("\(key):", indent: indent)
        for (name, value) in pairs { write("\(name): \(value)", indent: indent + 1) }
    }
}
