import SimEngine
import SimModels

/// Faults that do nothing, or not what they seem to (`crash m1` twice, `restart` of a node
/// that is up), and placement constraints Docker refuses or no node meets: warnings, found
/// from the timeline alone, which a file may still run with.
/// A fault on `leader` is not followed (who leads is only known while running), and after one
/// that takes a node down or up the managers' states are unknown, so nothing is said of them.
public enum TimelineWarnings {
    private enum HostState {
        case up
        case down(since: TimelineEntry)
        case unknown
    }

    public static func warnings(for scenario: Scenario) -> [Diagnostic] {
        var states: [String: HostState] = [:]
        for name in scenario.nodeNames { states[name] = .up }
        let managers = scenario.nodes.filter { $0.role == .manager }.map(\.name)
        var warnings: [Diagnostic] = []
        if let ignored = scenario.ignoredComposeOptions {
            // docker/cli `cli/command/stack/swarm/deploy_composefile.go`: the sorted keys, on stderr.
            warnings.append(Diagnostic(.warning, file: scenario.file, location: ignored.location,
                                       message: "Ignoring unsupported options: " + ignored.options.joined(separator: ", "),
                                       hint: "docker stack deploy ignores these keys; the services are deployed without them"))
        }
        for entry in scenario.timeline {
            if case let .docker(command) = entry.action {
                warnings += constraintWarnings(command, entry: entry, in: scenario)
                continue
            }
            guard case let .fault(fault) = entry.action else { continue }
            let target: NodeReference
            let takesDown: Bool
            switch fault {
            case let .crash(node), let .stop(node): (target, takesDown) = (node, true)
            case let .restart(node): (target, takesDown) = (node, false)
            default: continue
            }
            guard case let .named(name) = target else {
                for manager in managers { states[manager] = .unknown }
                continue
            }
            switch (states[name] ?? .unknown, takesDown) {
            case let (.down(since), true):
                warnings.append(warning(entry, in: scenario, "'\(entry.text)' does nothing: \(name) is already down ('\(since.text)' at \(timeText(since)))",
                                        hint: "add a 'restart \(name)' before it, or remove it"))
                continue
            case (.up, false):
                warnings.append(warning(entry, in: scenario, "'\(entry.text)': \(name) is running, so it crashes and boots again",
                                        hint: "restart boots a node that a crash or stop took down; write 'crash \(name)' first if a reboot is what you mean"))
            default:
                break
            }
            states[name] = takesDown ? .down(since: entry) : .up
        }
        return warnings
    }

    /// A constraint of `docker service create|update` that SwarmKit refuses (the command fails
    /// with its text) or that no node can meet (an unknown attribute: tasks stay pending).
    private static func constraintWarnings(_ command: DockerCommand, entry: TimelineEntry, in scenario: Scenario) -> [Diagnostic] {
        let constraints: [String]
        switch command {
        case let .serviceCreate(spec):
            constraints = spec.task.placement.constraints
        case let .serviceUpdate(update):
            constraints = update.changes.compactMap { if case let .addConstraint(text) = $0 { text } else { nil } }
        default:
            return []
        }
        return constraints.compactMap { (text: String) -> Diagnostic? in
            do throws(ValueParseError) {
                _ = try PlacementSyntax.checkConstraint(text)
                return nil
            } catch {
                let outcome: String
                if case let .failure(refusal) = PlacementConstraint.parse([text]) {
                    outcome = "Docker refuses the command: \(refusal.message)"
                } else {
                    outcome = "Docker accepts it, but no node meets it"
                }
                return warning(entry, in: scenario, error.message + " (\(outcome))", hint: error.hint ?? "")
            }
        }
    }

    private static func warning(_ entry: TimelineEntry, in scenario: Scenario, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.warning, file: scenario.file, location: entry.location, message: message, hint: hint)
    }

    private static func timeText(_ entry: TimelineEntry) -> String {
        TextReport.shortDuration(entry.time.sinceStart)
    }
}
