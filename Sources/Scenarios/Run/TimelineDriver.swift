import SimEngine
import SimModels

/// Plays a scenario's timeline: each entry becomes an event at its time. Faults act on hosts
/// and links; docker commands go from the CLI client to the `via` engine as messages, and their
/// answers (tables of queries included) go into the timeline. A command whose outcome does not
/// match its `expect:` is a failure of the run.
final class TimelineDriver {
    private let scenario: Scenario
    private let cluster: SwarmCluster
    private let client: CLIClient
    private let truth: GroundTruth
    private var simulation: Simulation { cluster.simulation }
    /// The containers whose health `fail TASK health` made fail (node, container ID), until `heal`.
    private var failingHealth: [(String, String)] = []
    /// Failures found so far (command expectations not met).
    private(set) var failures: [RunFailure] = []

    /// The run's data plane, when the scenario observes traffic.
    private let traffic: TrafficSession?

    init(scenario: Scenario, cluster: SwarmCluster, client: CLIClient, truth: GroundTruth, traffic: TrafficSession? = nil) {
        self.traffic = traffic
        self.scenario = scenario
        self.cluster = cluster
        self.client = client
        self.truth = truth
    }

    /// Schedules every entry.
    func schedule() {
        for entry in scenario.timeline {
            simulation.schedule(at: entry.time) { [unowned self] in self.perform(entry) }
        }
    }

    /// Once every node that joins at the start is Ready on the leader (the swarm is up):
    /// calls `ready`, then deploys the file's `services:` like `docker stack deploy`.
    func whenSwarmIsUp(_ ready: @escaping () -> Void) {
        let nodesToWaitFor = scenario.nodes.filter(\.joined).count
        var lastChanges: UInt64?
        simulation.afterEachInstantUntilDone { [unowned self] now in
            guard let store = self.truth.leaderStore, store.changeCount != lastChanges else { return false }
            lastChanges = store.changeCount
            guard store.nodes.values.reduce(0, { $0 + ($1.status.state == .ready ? 1 : 0) }) >= nodesToWaitFor else { return false }
            ready()
            guard !self.scenario.services.isEmpty || !self.scenario.networks.isEmpty else { return true }
            self.simulation.schedule(after: .zero) { [unowned self] in self.deployStack(networksCreated: 0) }
            return true
        }
    }

    /// `docker stack deploy`: the file's networks first, each once the one before it answered
    /// (a service names its networks, which must exist when it is created), then the services.
    private func deployStack(networksCreated: Int) {
        if networksCreated < scenario.networks.count {
            let network = scenario.networks[networksCreated]
            run(.networkCreate(NetworkCreateRequest(name: network.name, driver: network.driver, subnet: network.subnet)),
                text: "docker stack deploy: network \(network.name)", via: nil, expect: nil) { [unowned self] in
                self.deployStack(networksCreated: networksCreated + 1)
            }
            return
        }
        for spec in scenario.services {
            run(.serviceCreate(spec), text: "docker stack deploy: service \(spec.name)", via: nil, expect: nil)
        }
    }

    // MARK: - Entries

    private func perform(_ entry: TimelineEntry) {
        switch entry.action {
        case let .fault(fault):
            apply(fault, text: entry.text)
        case let .docker(command):
            perform(command, entry: entry)
        case let .traffic(action):
            perform(action, entry: entry)
        }
    }

    /// `curl` from the clients' host; `docker exec TASK nslookup` in the task's container.
    private func perform(_ action: TrafficAction, entry: TimelineEntry) {
        guard let traffic else { preconditionFailure("a traffic action in a run without a data plane") }
        switch action {
        case let .curl(node, port, maxTime):
            guard let name = resolve(node) else {
                finish(entry.text, via: nil, expect: entry.expect, answer: CLIClient.Answer(output: "", error: "curl: (6) Could not resolve host: leader"))
                return
            }
            issued(entry.text, via: "-")
            traffic.curl(node: name, port: port, maxTime: maxTime) { [unowned self] output, ok in
                self.finish(entry.text, via: nil, expect: entry.expect,
                            answer: CLIClient.Answer(output: ok ? output : "", error: ok ? nil : output))
            }
        case let .nslookup(task, name):
            let answer = traffic.nslookup(name, from: task, resolve: resolve)
            finish(entry.text, via: nil, expect: entry.expect, answer: CLIClient.Answer(output: answer.output, error: answer.error))
        case let .ping(task, count, name):
            traffic.ping(name, count: count, from: task, resolve: resolve) { [unowned self] output, error in
                self.finish(entry.text, via: nil, expect: entry.expect, answer: CLIClient.Answer(output: output, error: error))
            }
        }
    }

    private func perform(_ command: DockerCommand, entry: TimelineEntry) {
        switch command {
        case .swarmInit, .swarmJoin, .swarmLeave:
            performLocal(command, entry: entry)
        default:
            guard let control = DockerCommandTranslation.control(for: command, resolve: resolve) else {
                finish(entry.text, via: nil, expect: entry.expect, answer: CLIClient.Answer(output: "", error: Self.unresolvedMessage(command)))
                return
            }
            run(control, text: entry.text, via: entry.via, expect: entry.expect)
        }
    }

    /// Sends a control command and records the answer.
    private func run(_ command: ControlCommand, text: String, via: NodeReference?, expect: CommandExpectation?,
                     then next: (() -> Void)? = nil) {
        guard let engine = engine(for: via) else {
            finish(text, via: nil, expect: expect, answer: CLIClient.Answer(output: "", error: "Error: no engine to send the command to"))
            next?()
            return
        }
        issued(text, via: engine.name)
        client.send(command, to: engine) { [unowned self] answer in
            self.finish(text, via: engine.name, expect: expect, answer: answer)
            next?()
        }
    }

    /// `docker swarm init|join|leave`: operations of the engine on the `via` node itself.
    private func performLocal(_ command: DockerCommand, entry: TimelineEntry) {
        guard let host = engine(for: entry.via), let node = cluster.node(named: host.name) else {
            finish(entry.text, via: nil, expect: entry.expect, answer: CLIClient.Answer(output: "", error: "Cannot connect to the Docker daemon. Is the docker daemon running?"))
            return
        }
        issued(entry.text, via: host.name)
        let done = { [unowned self] (result: Result<String, SwarmNodeError>) in
            switch result {
            case let .success(output): self.finish(entry.text, via: host.name, expect: entry.expect, answer: CLIClient.Answer(output: output, error: nil))
            case let .failure(error): self.finish(entry.text, via: host.name, expect: entry.expect, answer: CLIClient.Answer(output: "", error: "Error response from daemon: " + error.message))
            }
        }
        switch command {
        case let .swarmInit(forceNewCluster):
            let ready = { done(.success(node.swarmInitOutput)) }
            switch forceNewCluster ? node.forceNewCluster(ready: ready) : node.initSwarm(ready: ready) {
            case .success: break
            case let .failure(error): done(.failure(error))
            }
        case let .swarmLeave(force):
            node.leave(force: force, completion: done)
        case let .swarmJoin(join):
            let target = join.manager.flatMap(resolve).flatMap { cluster.host(named: $0) }
                ?? truth.liveManagers.first.map(\.host)
            guard let target else {
                done(.failure(.refused("no manager to join through")))
                return
            }
            let token: String
            switch join.token {
            case let .literal(text): token = text
            case let .current(role): token = cluster.joinToken(for: role, through: target.id) ?? ""
            }
            node.join(token: token, availability: join.availability, via: target.id) { result in
                done(result.map { "This node joined a swarm as a \($0.rawValue)." })
            }
        default:
            done(.failure(.refused("not supported yet by the simulator: \(entry.text)")))
        }
    }

    /// The command as the user types it, when it is sent (`$ docker node ls`); its answer is
    /// printed when it returns (`finish`), which takes a round trip to the engine or longer.
    private func issued(_ text: String, via: String) {
        simulation.emit(node: via, component: "cli", kind: "command.issued", "$ " + text, fields: [TraceField("command", text)])
    }

    private func finish(_ text: String, via: String?, expect: CommandExpectation?, answer: CLIClient.Answer) {
        let ok = answer.error == nil
        // The output is laid out only if a sink reads commands (see CommandOutput).
        simulation.emit(node: via ?? "-", component: "cli", kind: "command",
                        ok ? (answer.output.isEmpty ? text : text + "\n" + answer.output) : text + "\n" + answer.error!,
                        fields: [TraceField("command", text), TraceField("ok", ok),
                                 ok ? TraceField("output", answer.output) : TraceField("error", answer.error!)])
        if let expect, !expect.isMatched(byError: answer.error) {
            let outcome = answer.error.map { "failed: \($0)" } ?? "succeeded"
            failures.append(RunFailure(kind: .command, time: simulation.now,
                                       text: "'\(text)' \(outcome), but the file expects \(expect)"))
        }
    }

    // MARK: - Faults

    private func apply(_ fault: Fault, text: String) {
        let network = simulation.network
        var note = ""
        switch fault {
        case let .crash(node):
            if let host = host(node) { host.crash() } else { note = " (no leader: nothing to crash)" }
        case let .restart(node):
            if let host = host(node) {
                if host.isUp { host.crash() }
                host.boot()
            } else { note = " (no leader)" }
        case let .stop(node):
            if let host = host(node), let software = cluster.node(named: host.name) { software.shutDown() } else { note = " (not running)" }
        case let .partition(groups):
            network.partition(groups.map { $0.compactMap { host($0)?.id } })
        case let .isolate(node):
            if let host = host(node) { network.isolate(host.id) }
        case .heal:
            network.heal()
            network.resetLinks(to: scenario.cluster.network)
            allowEveryPort(network)
            for (node, container) in failingHealth { cluster.node(named: node)?.runtime.setHealthFailing(containerID: container, false) }
            failingHealth.removeAll()
            for node in cluster.liveNodes { node.runtime.pullsFail = false }
            for machine in cluster.machines {
                guard let host = cluster.host(named: machine.name) else { continue }
                if host.clock.rate != 1 { host.setClockRate(1) }
                host.disk.syncLatency = Disk.defaultSyncLatency
            }
        case let .drop(from, to):
            if let a = host(from), let b = host(to) { network.dropOneWay(from: a.id, to: b.id) }
        case let .latency(selector, latency):
            setLinks(selector) { $0.latency = latency }
        case let .loss(selector, loss):
            setLinks(selector) { $0.loss = loss }
        case let .kill(task):
            note = kill(task)
        case let .clockJump(node, offset):
            host(node)?.jumpClock(by: offset)
        case let .clockRate(node, rate):
            host(node)?.setClockRate(rate)
        case let .diskSlow(node, latency):
            host(node)?.disk.syncLatency = latency
        case let .diskWipe(node):
            host(node)?.wipesDiskAtNextBoot = true
        case let .failImagePulls(node):
            if let host = host(node), let software = cluster.node(named: host.name) { software.runtime.pullsFail = true }
        case let .firewall(node, rule):
            guard let host = host(node) else {
                note = " (no leader)"
                break
            }
            if rule.deny {
                network.deny(rule.port, rule.transport, on: host.id)
            } else {
                network.allow(rule.port, rule.transport, on: host.id)
            }
        case let .failHealth(task):
            note = failHealth(task)
        }
        simulation.emit(node: "-", component: "fault", kind: "fault", text + note, fields: [TraceField("action", text)])
    }

    /// `heal` ends every firewall rule: each host's denied ports are allowed again.
    private func allowEveryPort(_ network: Network) {
        guard network.firewall.ruleCount != 0 else { return }
        for machine in cluster.machines {
            guard let host = cluster.host(named: machine.name) else { continue }
            for port in network.firewall.deniedPorts(on: host.id) { network.allow(port.number, port.transport, on: host.id) }
        }
    }

    private func setLinks(_ selector: LinkSelector, _ change: (inout LinkParameters) -> Void) {
        let network = simulation.network
        switch selector {
        case .all:
            change(&network.defaults)
            let hosts = cluster.machines.compactMap { cluster.host(named: $0.name)?.id }
            for a in hosts { for b in hosts where a != b {
                var parameters = network.link(from: a, to: b)
                change(&parameters)
                network.setLink(from: a, to: b, parameters)
            } }
        case let .between(x, y):
            guard let a = host(x)?.id, let b = host(y)?.id else { return }
            for (from, to) in [(a, b), (b, a)] {
                var parameters = network.link(from: from, to: to)
                change(&parameters)
                network.setLink(from: from, to: to, parameters)
            }
        }
    }

    /// `kill web.2` / `kill app@w1`: the task's running container exits with code 137.
    private func kill(_ task: TaskReference) -> String {
        guard let (node, container) = runningContainer(task) else { return " (no such running task)" }
        node.runtime.kill(container.id)
        if case .replica = task { return " (container on \(node.host.name))" }
        return ""
    }

    /// `fail web.2 health`: the task's health probes fail until `heal` (moby `daemon/health.go`:
    /// the probe's command exits non-zero), so Swarm finds it unhealthy after `retries` of them.
    private func failHealth(_ task: TaskReference) -> String {
        guard let (node, container) = runningContainer(task) else { return " (no such running task)" }
        node.runtime.setHealthFailing(containerID: container.id, true)
        failingHealth.append((node.host.name, container.id))
        return container.healthcheck == nil ? " (container on \(node.host.name), which has no health check)" : " (container on \(node.host.name))"
    }

    /// The node and running container of `task`, if it runs.
    private func runningContainer(_ task: TaskReference) -> (SwarmNode, Container)? {
        for node in cluster.liveNodes {
            for container in node.runtime.runningContainers where container.serviceName == task.service {
                switch task {
                case let .replica(_, slot) where container.slot == slot: return (node, container)
                case let .global(_, target) where resolve(target) == node.host.name: return (node, container)
                default: continue
                }
            }
        }
        return nil
    }

    // MARK: - Names

    /// Why a command's node reference names nobody now.
    private static func unresolvedMessage(_ command: DockerCommand) -> String {
        let references: [NodeReference]
        switch command {
        case let .nodeUpdate(update): references = [update.node]
        case let .nodePromote(nodes), let .nodeDemote(nodes), let .nodeRemove(nodes, _), let .nodeTasks(nodes, _): references = nodes
        default: references = []
        }
        if let id = references.first(where: { if case .id = $0 { true } else { false } }) {
            return "Error: '\(id)' names no node ID: that node is in no swarm"
        }
        return "Error: no leader to stand for 'leader'"
    }

    /// A node reference as a name: `leader` is the leader at this instant.
    private func resolve(_ reference: NodeReference) -> String? {
        switch reference {
        case let .named(name): name
        case .leader: truth.leader?.host.name
        case .primary: nil  // classic mode only; the loader never puts it in a Swarm-mode scenario
        case let .id(name, prefix):
            (name == "leader" ? truth.leader?.host.name : name)
                .flatMap { cluster.nodeID(ofMachine: $0) }
                .map { prefix.map($0.rawValue.prefix) .map(String.init) ?? $0.rawValue }
        }
    }

    private func host(_ reference: NodeReference) -> Host? {
        resolve(reference).flatMap { cluster.host(named: $0) }
    }

    /// The engine a command talks to: `via`, or the first manager in name order that is up.
    private func engine(for via: NodeReference?) -> Host? {
        if let via { return host(via) }
        let running = truth.liveManagers.map(\.host.name)
        if let first = running.sorted(by: CLIText.naturalLess).first { return cluster.host(named: first) }
        let managers = scenario.nodes.filter { $0.role == .manager }.map(\.name).sorted(by: CLIText.naturalLess)
        return managers.lazy.compactMap { self.cluster.host(named: $0) }.first { $0.isUp }
    }
}
