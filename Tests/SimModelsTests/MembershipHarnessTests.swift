import Testing
@testable import SimModels
import SimEngine

/// The operator's docker CLI for engine tests: a host outside the swarm that sends control
/// commands to an engine as messages and keeps the answers.
final class TestCLI: HostSoftware {
    let host: Host
    private let simulation: Simulation
    private var nextRequestID: UInt64 = 1
    private(set) var answers: [UInt64: ControlReply] = [:]

    init(host: Host, simulation: Simulation) {
        self.host = host
        self.simulation = simulation
    }

    func start() {}

    func send(_ command: ControlCommand, to engine: Host) -> UInt64 {
        let requestID = nextRequestID
        nextRequestID += 1
        let request = ControlRequest(requestID: requestID, command: command, queriedNodeID: SwarmID(""))
        simulation.network.send(SwarmMessage.request(.control(request), origin: host.id), from: host.id, to: engine.id)
        return requestID
    }

    func receive(_ envelope: Envelope) {
        guard case let .reply(.control(reply))? = envelope.message as? SwarmMessage else { return }
        answers[reply.requestID] = reply
    }
}

/// A swarm on the engine with an operator: commands go through the control API as messages,
/// `docker swarm` commands run on the node itself, and everything observed is ground truth.
final class EngineHarness {
    let cluster: SwarmCluster
    let cli: TestCLI
    var simulation: Simulation { cluster.simulation }

    /// - Parameter spares: machines that are up but outside the swarm until they join.
    init(seed: UInt64, managers: Int, workers: Int, spares: [String] = []) {
        let simulation = Simulation(seed: seed)
        let machines = SwarmClusterTests.machines(managers: managers, workers: workers) + spares.map {
            SwarmCluster.Machine(name: $0, role: .worker, description: NodeDescription(hostname: $0, nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30),
                                 joinsAtStart: false)
        }
        cluster = SwarmCluster(simulation: simulation, machines: machines)
        var client: TestCLI!
        let clientHost = simulation.addHost(named: "client") { host in
            client = TestCLI(host: host, simulation: simulation)
            return client
        }
        simulation.network.exemptFromFaults(clientHost.id)
        clientHost.powerOn()
        cli = client
        cluster.powerOn()
        cluster.formSwarm()
        simulation.run(for: .seconds(5))
    }

    // MARK: - Commands

    /// Runs `command` against the engine of `via` and returns its answer, or nil if none came
    /// within `timeout` (the CLI's 20 s by default).
    @discardableResult
    func docker(_ command: ControlCommand, via name: String, timeout: SimDuration = .seconds(20)) -> ControlReply? {
        let requestID = cli.send(command, to: host(name))
        let deadline = simulation.now + timeout
        while simulation.now < deadline {
            simulation.run(for: .milliseconds(10))
            if let answer = cli.answers[requestID] { return answer }
        }
        return nil
    }

    /// `docker swarm join --token worker|manager` on the node, through `manager`.
    func join(_ name: String, as role: NodeRole, via manager: String) -> Result<String, SwarmNodeError>? {
        var outcome: Result<String, SwarmNodeError>?
        cluster.join(index(name), as: role, via: host(manager).id) { result in
            outcome = result.map { "This node joined a swarm as a \($0.rawValue)." }
        }
        let deadline = simulation.now + .seconds(30)
        while outcome == nil && simulation.now < deadline { simulation.run(for: .milliseconds(10)) }
        return outcome
    }

    /// `docker swarm leave [--force]` on the node.
    func leave(_ name: String, force: Bool) -> Result<String, SwarmNodeError>? {
        var outcome: Result<String, SwarmNodeError>?
        node(name)?.leave(force: force) { outcome = $0 }
        let deadline = simulation.now + .seconds(10)
        while outcome == nil && simulation.now < deadline { simulation.run(for: .milliseconds(10)) }
        return outcome
    }

    /// `docker swarm init --force-new-cluster` on the node; the answer once it leads.
    func forceNewCluster(_ name: String) -> Result<String, SwarmNodeError>? {
        var ready = false
        guard let node = node(name) else { return nil }
        if case let .failure(error) = node.forceNewCluster(ready: { ready = true }) { return .failure(error) }
        let deadline = simulation.now + .seconds(10)
        while !ready && simulation.now < deadline { simulation.run(for: .milliseconds(10)) }
        return ready ? .success("initialized") : nil
    }

    func createService(_ name: String, replicas: Int, configure: (inout ServiceSpec) -> Void = { _ in }) {
        var spec = ServiceSpec(name: name, image: "nginx:1.25")
        spec.mode = .replicated(replicas: replicas)
        configure(&spec)
        let answer = docker(.serviceCreate(spec), via: leaderName ?? "m1")
        precondition(answer?.error == nil, "service create failed: \(String(describing: answer))")
    }

    func run(for duration: SimDuration) {
        simulation.run(for: duration)
    }

    func crash(_ name: String) { host(name).crash() }

    func restart(_ name: String) {
        let host = host(name)
        if host.isUp { host.crash() }
        host.boot()
    }

    // MARK: - Ground truth

    func host(_ name: String) -> Host { cluster.host(named: name)! }
    func index(_ name: String) -> Int { cluster.machines.firstIndex { $0.name == name }! }
    func node(_ name: String) -> SwarmNode? { cluster.node(named: name) }
    var leaderName: String? { cluster.leader?.host.name }
    var leaderStore: ClusterStore? { cluster.leader?.manager?.store }

    /// The node object of `name` in the leader's store.
    func nodeObject(_ name: String) -> NodeObject? {
        leaderStore?.nodesSorted.first { $0.description.hostname == name }
    }

    /// Host names of the Raft members, as the leader knows them.
    var raftMembers: [String] {
        cluster.leader?.manager?.raft.node.membership.members.map(\.address).sorted() ?? []
    }

    /// Containers of `service` running on live hosts.
    func running(_ service: String) -> Int {
        cluster.liveNodes.reduce(0) { $0 + $1.runtime.runningContainers.filter { $0.serviceName == service }.count }
    }

    /// Containers of any service running on `name`.
    func running(on name: String) -> Int {
        node(name)?.runtime.runningCount ?? 0
    }
}

/// The harness itself: a swarm forms, and the CLI's requests reach the leader from any manager.
@Suite struct MembershipHarnessTests {
    @Test func commandsThroughAFollowerReachTheLeader() throws {
        let harness = EngineHarness(seed: 11, managers: 3, workers: 1)
        let answer = try #require(harness.docker(.nodeList(), via: "m3"))
        #expect(answer.error == nil)
        #expect(answer.output.contains("Leader"))
        #expect(answer.output.split(separator: "\n").count == 5)
    }
}
