/// The docker commands of a timeline entry: node availability, labels and roles, service
/// scale, update, rollback, create and remove, and the queries.
extension ScenarioGenerator {
    /// The text of a docker command of `kind`; nil when there is nothing for it to act on.
    mutating func commandText(_ kind: EntryKind) -> String? {
        switch kind {
        case .availability:
            let availability = random.weighted([(weight: 10, value: "drain"), (weight: 7, value: "active"), (weight: 3, value: "pause")])
            return "docker node update --availability \(availability) \(random.pick(world.nodes))"
        case .label:
            let node = random.pick(world.nodes)
            if random.percent(30) { return "docker node update --label-rm zone \(node)" }
            return "docker node update --label-add zone=\(random.pick(Self.zones)) \(node)"
        case .promote:
            guard !world.workers.isEmpty else { return nil }
            let node = random.pick(world.workers)
            world.promote(node)
            return "docker node promote \(node)"
        case .demote:
            guard !world.managers.isEmpty else { return nil }
            let node = random.pick(world.managers)
            world.demote(node)
            return "docker node demote \(node)"
        case .scale:
            return scaleText()
        case .updateImage, .updateForce, .updateFlags, .rollback:
            return updateText(kind)
        case .create:
            return createText()
        case .remove:
            guard let service = pickService(from: world.liveServices) else { return nil }
            world.remove(service.name)
            return "docker service rm \(service.name)"
        default:
            return queryText()
        }
    }

    /// A service of `services`, if there is one.
    private mutating func pickService(from services: [FuzzWorld.Service]) -> FuzzWorld.Service? {
        services.isEmpty ? nil : random.pick(services)
    }

    /// `docker service scale s1=N [s2=M]`, replicated services only.
    private mutating func scaleText() -> String? {
        let services = world.replicatedServices
        guard !services.isEmpty else { return nil }
        var specifiers: [String] = []
        for service in random.sample(services, count: random.percent(80) ? 1 : 2) {
            let replicas = drawReplicas()
            world.scale(service.name, to: replicas)
            specifiers.append("\(service.name)=\(replicas)")
        }
        return "docker service scale " + specifiers.joined(separator: " ")
    }

    /// `docker service update` with a new image, `--force`, other flags, or `--rollback`
    /// (also written `docker service rollback`).
    private mutating func updateText(_ kind: EntryKind) -> String? {
        guard let service = pickService(from: world.liveServices) else { return nil }
        let name = service.name
        switch kind {
        case .updateImage:
            return "docker service update --image \(random.pick(Self.images)) \(name)"
        case .updateForce:
            let order = random.percent(40) ? " --update-order \(random.pick(["start-first", "stop-first"]))" : ""
            return "docker service update --force\(order) \(name)"
        case .rollback:
            return random.percent(50) ? "docker service update --rollback \(name)" : "docker service rollback \(name)"
        default:
            var flags = (0..<random.nextInt(in: 1...3)).map { _ in updateFlag() }
            if !service.isGlobal && random.percent(30) {
                let replicas = drawReplicas()
                world.scale(name, to: replicas)
                flags.append("--replicas \(replicas)")
            }
            return "docker service update \(flags.joined(separator: " ")) \(name)"
        }
    }

    /// One spec-changing flag of `docker service update`.
    private mutating func updateFlag() -> String {
        random.weighted([
            (weight: 2, value: "--update-parallelism \(random.nextInt(in: 0...3))"),
            (weight: 2, value: "--update-delay \(random.pick(["0s", "1s", "5s"]))"),
            (weight: 3, value: "--update-order \(random.pick(["start-first", "stop-first"]))"),
            (weight: 2, value: "--update-failure-action \(random.pick(["pause", "continue", "rollback"]))"),
            (weight: 1, value: "--update-monitor \(random.pick(["1s", "5s"]))"),
            (weight: 2, value: "--constraint-add '\(drawConstraint())'"),
            (weight: 2, value: "--restart-condition \(random.pick(["none", "on-failure", "any"]))"),
            (weight: 2, value: "--x-sim-fail-after \(random.pick(["5s", "30s"]))"),
            (weight: 1, value: "--x-sim-exit-code \(random.pick(["0", "1"]))"),
            (weight: 1, value: "--reserve-memory \(random.pick(["64MiB", "1GiB"]))"),
            (weight: 1, value: "--limit-cpu \(random.pick(["0.5", "1"]))"),
        ])
    }

    /// `docker service create --name cN [flags] IMAGE`: a new service the timeline may act on.
    private mutating func createText() -> String? {
        world.created += 1
        let name = "c\(world.created)"
        let isGlobal = random.percent(20)
        let replicas = drawReplicas()
        world.services.append(FuzzWorld.Service(name: name, isGlobal: isGlobal, replicas: replicas))
        var flags = ["--name \(name)", isGlobal ? "--mode global" : "--replicas \(replicas)"]
        if random.percent(40) { flags.append("--constraint '\(drawConstraint())'") }
        if random.percent(20) { flags.append("--placement-pref spread=node.labels.zone") }
        if random.percent(30) { flags.append("--update-order \(random.pick(["start-first", "stop-first"]))") }
        if random.percent(30) { flags.append("--restart-condition \(random.pick(["none", "on-failure", "any"]))") }
        if random.percent(30) { flags.append("--x-sim-fail-after \(random.pick(["10s", "1m"]))") }
        return "docker service create \(flags.joined(separator: " ")) \(random.pick(Self.images))"
    }

    /// A query whose table goes into the timeline.
    private mutating func queryText() -> String {
        let service = pickService(from: world.liveServices)
        return random.weighted([
            (weight: 2, value: "docker node ls"), (weight: 2, value: "docker service ls"), (weight: 1, value: "docker info"),
            (weight: service == nil ? 0 : 2, value: "docker service ps \(service?.name ?? "")"),
        ])
    }
}
