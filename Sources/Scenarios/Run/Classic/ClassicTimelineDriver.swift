import SimEngine
import SimModels

/// Plays a classic scenario's timeline (SCENARIO_FORMAT §10): docker commands go from the
/// operator's host to a manager over the network and their answers, rendered as a Docker 1.9
/// client prints them, go into the timeline; `kill`/`start` act on one process of a host; the
/// faults act on hosts and links. A command whose outcome does not match its `expect:` fails
/// the run.
final class ClassicTimelineDriver {
    private let classic: ClassicScenario
    private let deployment: ClassicDeployment
    private let truth: ClassicTruth
    private var simulation: Simulation { deployment.simulation }
    /// Failures found so far (command expectations not met).
    private(set) var failures: [RunFailure] = []

    init(classic: ClassicScenario, deployment: ClassicDeployment, truth: ClassicTruth) {
        self.classic = classic
        self.deployment = deployment
        self.truth = truth
    }

    func schedule() {
        for entry in classic.timeline {
            simulation.schedule(at: entry.time) { [unowned self] in self.perform(entry) }
        }
    }

    private func perform(_ entry: ClassicTimelineEntry) {
        switch entry.action {
        case .docker(let command): run(command, entry: entry)
        case .swarmList:
            issued(entry.text, via: ClassicDeployment.cliHostName)
            deployment.swarmList { [unowned self] result in
                switch result {
                case .addresses(let addresses): self.finish(entry, via: ClassicDeployment.cliHostName, output: addresses.joined(separator: "\n"), error: nil)
                case .timedOut: self.finish(entry, via: ClassicDeployment.cliHostName, output: "", error: "Timed out")
                }
            }
        case .process(let action): perform(action, text: entry.text)
        case .fault(let fault): apply(fault, text: entry.text)
        }
    }

    // MARK: - Commands

    private func run(_ command: ClassicDockerCommand, entry: ClassicTimelineEntry) {
        guard let via = entry.via ?? defaultManager() else {
            issued(entry.text, via: "-")
            return finish(entry, via: "-", output: "", error: ClassicCommandResult.cannotConnect)
        }
        issued(entry.text, via: via)
        if classic.host(named: via)?.runs(.manager) == false {
            // The deployment's client talks to managers (port 4000) only, not to an engine's own daemon.
            return finish(entry, via: via, output: "", error: "not supported yet by the simulator: \(entry.text) through an engine's own daemon")
        }
        let request: ClassicManagerRequest
        switch command {
        case .info: request = .info
        case .ps(let all): request = .ps(all: all)
        case .rm(let name, let force): request = .remove(name, force: force)
        case .stop(let name): request = .stop(name)
        case .start(let name): request = .start(name)
        case .run(let run): request = .run(run.config, name: run.name)
        }
        deployment.docker(request, via: via) { [unowned self] result in
            switch result {
            case .info(let info): self.finish(entry, via: via, output: ClassicInfoRenderer.render(info, epoch: ClassicDeploymentBuilder.epoch), error: nil)
            case .ps(let rows): self.finish(entry, via: via, output: ClassicPsRenderer.render(rows, now: self.simulation.now), error: nil)
            case .created(let id): self.finish(entry, via: via, output: id, error: nil)
            case .done: self.finish(entry, via: via, output: Self.doneOutput(command), error: nil)
            case .failed(let text):
                // The 1.9 client adds its own line after a failed `rm` (seed 000 row 12).
                var error = text
                if case .rm(let name, _) = command { error += "\nError: failed to remove containers: [\(name)]" }
                self.finish(entry, via: via, output: "", error: error)
            }
        }
    }

    /// What the client prints when `rm`, `stop` or `start` succeed: the name it was given.
    private static func doneOutput(_ command: ClassicDockerCommand) -> String {
        switch command {
        case .rm(let name, _), .stop(let name), .start(let name): name
        default: ""
        }
    }

    /// The first manager host, in name order, that is up (SCENARIO_FORMAT §5's default `via`).
    private func defaultManager() -> String? {
        classic.hosts(running: .manager).map(\.name).sorted(by: CLIText.naturalLess).first { name in
            deployment.hostIDs[name].map { simulation.hosts[$0].isUp } ?? false
        }
    }

    private func issued(_ text: String, via: String) {
        simulation.emit(node: via, component: "cli", kind: "command.issued", "$ " + text, fields: [TraceField("command", text)])
    }

    private func finish(_ entry: ClassicTimelineEntry, via: String, output: String, error: String?) {
        let text = entry.text
        simulation.emit(node: via, component: "cli", kind: "command",
                        error.map { text + "\n" + $0 } ?? (output.isEmpty ? text : text + "\n" + output),
                        fields: [TraceField("command", text), TraceField("ok", error == nil),
                                 error.map { TraceField("error", $0) } ?? TraceField("output", output)])
        if let expect = entry.expect, !expect.isMatched(byError: error) {
            let outcome = error.map { "failed: \($0)" } ?? "succeeded"
            failures.append(RunFailure(kind: .command, time: simulation.now, text: "'\(text)' \(outcome), but the file expects \(expect)"))
        }
    }

    // MARK: - Processes and faults

    private func perform(_ action: ClassicProcessAction, text: String) {
        var note = ""
        if let node = resolve(action.node) {
            let done: Bool
            switch (action.verb, action.process) {
            case (.kill, .engine): done = deployment.killEngine(on: node)
            case (.start, .engine): done = deployment.startEngine(on: node)
            case (.kill, let process): done = deployment.kill(Self.kind(process), on: node)
            case (.start, let process): done = deployment.start(Self.kind(process), on: node)
            }
            if action.node != .named(node) { note += " (\(node))" }
            if !done { note += action.verb == .kill ? " (not running: nothing to kill)" : " (not started: already running, or the host or its engine is down)" }
        } else {
            note = " (no \(action.node == .primary ? "primary" : "Consul leader"): nothing to \(action.verb.rawValue))"
        }
        simulation.emit(node: "-", component: "fault", kind: "fault", text + note, fields: [TraceField("action", text)])
    }

    private static func kind(_ process: ClassicProcess) -> ClassicProcessKind {
        switch process {
        case .manage: .manage
        case .join: .join
        default: .consul
        }
    }

    private func apply(_ fault: Fault, text: String) {
        let network = simulation.network
        var note = ""
        switch fault {
        case .crash(let node):
            if let host = host(node) {
                host.crash()
                note = Self.standIn(node, host)
            } else { note = " (nobody stands for '\(node)': nothing to crash)" }
        case .restart(let node):
            if let host = host(node) {
                if host.isUp { host.crash() }
                host.boot()
                note = Self.standIn(node, host)
            } else { note = " (nobody stands for '\(node)')" }
        case .partition(let groups):
            network.partition(groups.map { $0.compactMap { host($0)?.id } })
        case .isolate(let node):
            if let host = host(node) { network.isolate(host.id) }
        case .heal:
            network.heal()
            network.resetLinks(to: classic.settings.network)
        case .drop(let from, let to):
            if let a = host(from), let b = host(to) { network.dropOneWay(from: a.id, to: b.id) }
        case .latency(let selector, let latency):
            setLinks(selector) { $0.latency = latency }
        case .loss(let selector, let loss):
            setLinks(selector) { $0.loss = loss }
        default:
            note = " (not a classic fault)"  // the loader accepts none of the others in a classic file
        }
        simulation.emit(node: "-", component: "fault", kind: "fault", text + note, fields: [TraceField("action", text)])
    }

    /// ` (m2)` when `primary` or `leader` stood for host m2; "" for a name.
    private static func standIn(_ reference: NodeReference, _ host: Host) -> String {
        if case .named = reference { return "" }
        return " (\(host.name))"
    }

    private func setLinks(_ selector: LinkSelector, _ change: (inout LinkParameters) -> Void) {
        let network = simulation.network
        let pairs: [(HostID, HostID)]
        switch selector {
        case .all:
            change(&network.defaults)
            let ids = classic.hosts.compactMap { deployment.hostIDs[$0.name] }
            pairs = ids.flatMap { a in ids.filter { $0 != a }.map { (a, $0) } }
        case .between(let x, let y):
            guard let a = host(x)?.id, let b = host(y)?.id else { return }
            pairs = [(a, b), (b, a)]
        }
        for (from, to) in pairs {
            var parameters = network.link(from: from, to: to)
            change(&parameters)
            network.setLink(from: from, to: to, parameters)
        }
    }

    /// A host reference as a name: `primary` is the lock holder now, `leader` the Consul leader.
    private func resolve(_ reference: NodeReference) -> String? {
        switch reference {
        case .named(let name): name
        case .primary: deployment.primaryLockHolder
        case .leader: truth.consulLeader
        case .id: nil
        }
    }

    private func host(_ reference: NodeReference) -> Host? {
        resolve(reference).flatMap { deployment.hostIDs[$0] }.map { simulation.hosts[$0] }
    }
}
