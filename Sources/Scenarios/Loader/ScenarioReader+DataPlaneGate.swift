import SimEngine

extension ScenarioReader {
    /// Refuses, with an error at each place, what the format reads (SCENARIO_FORMAT §9) but this
    /// build cannot simulate yet because the data plane's model (load balancers, DNS, clients,
    /// health probes) is not wired to the runner: a run must never pretend to answer them.
    /// Each case leaves this list when the runner drives it through the model.
    mutating func refuseUnwiredDataPlane(timeline: [TimelineEntry]) {
        let hint = "the data plane (issue #16) is not wired into this build yet; the file is otherwise valid"
        for entry in timeline {
            let what: String?
            switch entry.action {
            case let .docker(command) where [.networkList, .networkInspect([]), .networkRemove([])].contains(where: { Self.sameCase($0, command) }):
                what = command.name
            default: what = nil
            }
            if let what { report("'\(what)' cannot be simulated yet", at: entry.location, hint: hint) }
        }
    }

    private static func sameCase(_ a: DockerCommand, _ b: DockerCommand) -> Bool {
        switch (a, b) {
        case (.networkList, .networkList), (.networkInspect, .networkInspect), (.networkRemove, .networkRemove): true
        default: false
        }
    }
}
