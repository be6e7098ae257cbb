import SimEngine

/// `docker service inspect --pretty SERVICE`, as docker/cli's `serviceInspectPrettyTemplate`
/// (`cli/command/service/formatter.go`) prints a service the CLI created: `docker service
/// create` always sends an update, a rollback and a resources section, so those are always
/// printed. The template's tabs are expanded to 8-column stops, as a terminal shows them (the
/// seeds' "ID:             7ta2f..."), its leading empty line is left out, and Go's ways of
/// printing values are kept: a constraint list as `[a b]`, durations as `10s`, each argument
/// followed by a space.
///
/// Not modelled, so not printed: labels, env, mounts, secrets, configs, log drivers, the image
/// digest the CLI pins (`nginx:1.25@sha256:...`).
public enum ServiceInspectView {
    public static func pretty(_ service: ServiceObject, store: ClusterStore, now: SimInstant) -> String {
        let spec = service.spec
        var lines = ["ID:\t\t\(service.id)", "Name:\t\t\(spec.name)"]
        switch spec.mode {
        case .global:
            lines.append("Service Mode:\tGlobal")
        case let .replicated(replicas):
            lines.append("Service Mode:\tReplicated")
            lines.append(" Replicas:\t\(replicas)")
        }
        if let status = service.updateStatus, status.state != .unknown {
            lines.append("UpdateStatus:")
            lines.append(" State:\t\t\(stateName(status.state))")
            if let started = status.startedAt { lines.append(" Started:\t\(CLIText.humanDuration(now - started)) ago") }
            if status.state == .completed, let completed = status.completedAt {
                lines.append(" Completed:\t\(CLIText.humanDuration(now - completed)) ago")
            }
            lines.append(" Message:\t\(status.message)")
        }
        let placement = spec.task.placement
        lines.append("Placement:")
        if !placement.constraints.isEmpty { lines.append(" Constraints:\t" + goList(placement.constraints)) }
        if !placement.spreadOver.isEmpty { lines.append(" Preferences:   " + goList(placement.spreadOver.map { "spread=" + $0 })) }
        if placement.maxReplicasPerNode > 0 { lines.append(" Max Replicas Per Node:   \(placement.maxReplicasPerNode)") }
        lines += updateLines("UpdateConfig", "Update order:      ", spec.update)
        lines += updateLines("RollbackConfig", "Rollback order:    ", spec.rollback)
        lines.append("ContainerSpec:")
        lines.append(" Image:\t\t\(spec.task.image)")
        if !spec.task.command.isEmpty { lines.append(" Args:\t\t" + spec.task.command.map { $0 + " " }.joined()) }
        lines.append("Resources:")
        lines += resourceLines(" Reservations:", spec.task.reservations)
        lines += resourceLines(" Limits:", spec.task.limits)
        let networks = spec.networks.filter { store.network(named: $0)?.isIngress != true }
        if !networks.isEmpty { lines.append("Networks:" + networks.map { " " + $0 }.joined() + " ") }
        lines.append("Endpoint Mode:\tvip")
        if !service.endpoint.ports.isEmpty {
            lines.append("Ports:")
            for port in service.endpoint.ports {
                lines.append(" PublishedPort = \(port.publishedPort ?? 0)")
                lines.append("  Protocol = \(port.proto)")
                lines.append("  TargetPort = \(port.targetPort)")
                lines.append("  PublishMode = \(port.publishMode.rawValue)")
            }
            lines[lines.count - 1] += " "
        }
        return lines.map(expandingTabs).joined(separator: "\n")
    }

    private static func updateLines(_ title: String, _ orderLabel: String, _ config: UpdateConfig) -> [String] {
        var lines = ["\(title):", " Parallelism:\t\(config.parallelism)"]
        if config.delay > .zero { lines.append(" Delay:\t\t\(DurationFormat.format(config.delay))") }
        lines.append(" On failure:\t\(config.failureAction.rawValue)")
        if config.monitor > .zero { lines.append(" Monitoring Period: \(DurationFormat.format(config.monitor))") }
        lines.append(" Max failure ratio: \(goFloat(config.maxFailureRatio))")
        lines.append(" \(orderLabel)\(config.order.rawValue)")
        return lines
    }

    private static func resourceLines(_ title: String, _ resources: Resources) -> [String] {
        guard resources.nanoCPUs > 0 || resources.memoryBytes > 0 else { return [] }
        var lines = [title]
        if resources.nanoCPUs > 0 { lines.append("  CPU:\t\t" + goFloat(Double(resources.nanoCPUs) / 1e9)) }
        if resources.memoryBytes > 0 { lines.append("  Memory:\t" + CLIText.bytesSize(resources.memoryBytes)) }
        return lines
    }

    /// `swarm.UpdateState` as the API spells it.
    static func stateName(_ state: UpdateStatus.State) -> String {
        switch state {
        case .unknown: ""
        case .updating: "updating"
        case .paused: "paused"
        case .completed: "completed"
        case .rollbackStarted: "rollback_started"
        case .rollbackPaused: "rollback_paused"
        case .rollbackCompleted: "rollback_completed"
        }
    }

    /// Go's `%v` of a string slice: `[a b]`.
    static func goList(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }

    /// Go's `%v` of a float: the shortest form (`0`, `0.5`, `2`).
    static func goFloat(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A line with its tabs expanded to 8-column stops.
    static func expandingTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        for character in line {
            if character == "\t" {
                out += String(repeating: " ", count: 8 - out.count % 8)
            } else {
                out.append(character)
            }
        }
        return out
    }
}
