import SimEngine

/// What one host runs: the Docker engine in swarm mode. Every node has a container runtime
/// and, once in a swarm, an agent; managers also run a `ManagerNode`. Built anew at each boot
/// from the host's disk (its identity and Raft data); everything else is volatile.
public final class SwarmNode: HostSoftware {
    public let host: Host
    let world: SwarmWorld
    /// What the node reports of itself (hostname, resources, labels).
    public let description: NodeDescription
    /// Labels the operator gives the node as it joins (see `JoinRequest.labels`).
    public let initialLabels: [Label]
    public private(set) var runtime: ContainerRuntime
    public private(set) var agent: Agent?
    public private(set) var manager: ManagerNode?
    /// Who this node is in the swarm, as its disk says; nil outside a swarm.
    public private(set) var identity: NodeIdentity?
    private var random: RandomStream
    private var nextRequestID: UInt64 = 1
    private var pendingJoin: (requestID: UInt64, role: NodeRole, via: HostID, completion: (Result<Void, SwarmNodeError>) -> Void)?
    private var joinTimer: TimerID?

    var simulation: Simulation { world.simulation }

    public init(host: Host, world: SwarmWorld, description: NodeDescription, labels: [Label] = []) {
        self.host = host
        self.world = world
        self.description = description
        self.initialLabels = labels.sorted { $0.key < $1.key }
        runtime = ContainerRuntime(simulation: world.simulation, host: host)
        random = world.simulation.stream(named: "node/\(host.name)/\(host.epoch)")
        identity = host.disk.get(NodeIdentity.diskKey) as? NodeIdentity
    }

    // MARK: - Boot

    public func start() {
        guard let identity else { return }
        if identity.role == .manager, let raftID = identity.raftID {
            let persisted = ManagerNode.Raft.persistedState(on: host.disk)
            let raftNode = RaftNode<StoreProposal, ClusterStore>(id: raftID, config: world.raftConfig, persisted: persisted,
                                                                  random: simulation.stream(named: "raft/\(host.name)/\(host.epoch)"))
            startManager(raftNode)
        }
        startAgent()
    }

    private func startManager(_ raftNode: RaftNode<StoreProposal, ClusterStore>) {
        let manager = ManagerNode(node: self, raftNode: raftNode)
        self.manager = manager
        manager.start()
    }

    private func startAgent() {
        guard let identity else { return }
        let managers = identity.managers.compactMap { world.host(at: $0) }
        let configuration = Agent.Configuration(nodeID: identity.nodeID, description: description,
                                                localManager: manager == nil ? nil : host.id, initialManagers: managers)
        let agent = Agent(configuration: configuration, simulation: simulation, host: host, runtime: runtime) { [unowned self] message, destination in
            self.simulation.network.send(message, from: self.host.id, to: destination)
        }
        self.agent = agent
        agent.start()
    }

    private func saveIdentity(_ identity: NodeIdentity) {
        self.identity = identity
        host.disk.put(NodeIdentity.diskKey, identity)
        host.disk.sync {}
    }

    // MARK: - Messages

    public func receive(_ envelope: Envelope) {
        guard let message = envelope.message as? SwarmMessage else { return }
        switch message {
        case let .raft(raftMessage):
            manager?.receiveRaft(raftMessage, from: envelope.from)
        case .request(var request, let origin):
            if case var .control(control) = request, let identity {
                control.queriedNodeID = identity.nodeID  // the engine the CLI talked to
                request = .control(control)
            }
            if let manager {
                manager.handle(request, origin: origin, proxy: nil)
            } else {
                refuseNotManager(request, origin: origin)
            }
        case let .proxied(request, origin, proxy):
            manager?.handle(request, origin: origin, proxy: proxy)
        case let .relay(reply, origin):
            manager?.relay(reply, origin: origin)
        case let .reply(reply):
            receiveReply(reply)
        }
    }

    private func receiveReply(_ reply: ManagerReply) {
        switch reply {
        case let .dispatcher(dispatcherReply):
            agent?.receive(dispatcherReply)
        case let .join(joinReply):
            finishJoin(joinReply)
        case .control:
            return  // CLI answers go to the client, never to a node
        }
    }

    /// A request sent to a node that is not a manager.
    private func refuseNotManager(_ request: ManagerRequest, origin: HostID) {
        let message = identity == nil ? SwarmNode.notInSwarmMessage : SwarmNode.workerMessage
        switch request {
        case let .dispatcher(r):
            simulation.network.send(SwarmMessage.reply(.dispatcher(DispatcherReply(requestID: r.requestID, sessionID: r.sessionID, body: .failed(message)))),
                                    from: host.id, to: origin)
        case let .join(j):
            simulation.network.send(SwarmMessage.reply(.join(JoinReply(requestID: j.requestID, outcome: .refused(message)))), from: host.id, to: origin)
        case let .control(c):
            simulation.network.send(SwarmMessage.reply(.control(ControlReply(requestID: c.requestID, output: "", error: message))), from: host.id, to: origin)
        }
    }

    /// moby's texts for control calls on a node that cannot serve them.
    public static let workerMessage = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."
    public static let notInSwarmMessage = #"This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again."#

    // MARK: - docker swarm init / join

    /// `docker swarm init`: becomes the single manager of a new swarm and campaigns at once;
    /// `ready` runs when it leads with its subsystems started (when the command returns).
    public func initSwarm(ready: @escaping () -> Void = {}) -> Result<Void, SwarmNodeError> {
        guard identity == nil else { return .failure(.alreadyInSwarm) }
        let nodeID = SwarmID.generate(using: &random)
        let raftID = randomRaftID()
        saveIdentity(NodeIdentity(nodeID: nodeID, role: .manager, raftID: raftID, managers: [host.name]))
        var raftNode = RaftNode<StoreProposal, ClusterStore>.bootstrap(
            id: raftID, members: [RaftMember(id: raftID, address: host.name)], config: world.raftConfig,
            random: simulation.stream(named: "raft/\(host.name)/\(host.epoch)"))
        raftNode.campaign()
        startManager(raftNode)
        manager?.onLeaderReady = { [weak self] in
            // `swarm init` returns once the node leads; its engine then connects its agent.
            self?.startAgent()
            ready()
        }
        return .success(())
    }

    /// `docker swarm join --token worker|manager MANAGER`: asks the managers (through `manager`)
    /// to admit this node; retries until the leader answers or 25 s pass (SwarmKit's join timeout).
    public func join(as role: NodeRole, via managerHost: HostID, completion: @escaping (Result<Void, SwarmNodeError>) -> Void) {
        guard identity == nil else {
            completion(.failure(.alreadyInSwarm))
            return
        }
        let requestID = nextRequestID
        nextRequestID += 1
        pendingJoin = (requestID, role, managerHost, completion)
        let deadline = simulation.now + .seconds(25)
        sendJoin(deadline: deadline)
    }

    private func sendJoin(deadline: SimInstant) {
        guard let pending = pendingJoin else { return }
        let request = JoinRequest(requestID: pending.requestID, nodeID: nil, role: pending.role, description: description, address: host.name, labels: initialLabels)
        simulation.network.send(SwarmMessage.request(.join(request), origin: host.id), from: host.id, to: pending.via)
        joinTimer = simulation.schedule(after: .seconds(1), host: host.id) { [unowned self] in
            guard self.pendingJoin?.requestID == pending.requestID else { return }
            if self.simulation.now >= deadline {
                self.pendingJoin = nil
                pending.completion(.failure(.joinTimedOut))
            } else {
                self.sendJoin(deadline: deadline)
            }
        }
    }

    private func finishJoin(_ reply: JoinReply) {
        guard let pending = pendingJoin, pending.requestID == reply.requestID else { return }
        switch reply.outcome {
        case let .accepted(nodeID, raftID, managers):
            pendingJoin = nil
            if let joinTimer { simulation.cancel(joinTimer) }
            saveIdentity(NodeIdentity(nodeID: nodeID, role: pending.role, raftID: raftID, managers: managers))
            if pending.role == .manager, let raftID {
                let raftNode = RaftNode<StoreProposal, ClusterStore>(id: raftID, config: world.raftConfig,
                                                                      random: simulation.stream(named: "raft/\(host.name)/\(host.epoch)"))
                startManager(raftNode)
                // Its agent uses the local manager: start it once that manager follows the leader.
                manager?.onLeaderKnown = { [weak self] in self?.startAgent() }
            } else {
                startAgent()
            }
            pending.completion(.success(()))
        case .refused:
            return  // retried by the join timer until the deadline
        }
    }

    /// A clean shutdown (`stop NODE`, `systemctl stop docker` then power off): containers get
    /// SIGTERM, and once they have exited the host halts.
    public func shutDown() {
        let wait = runtime.stopAll()
        simulation.emit(node: host.name, component: "engine", kind: "engine.stop", "stopping containers, then shutting down")
        simulation.schedule(after: wait + .milliseconds(1), host: host.id) { [host] in
            host.halt()
        }
    }

    /// The manager was removed from Raft ("raft: member has been removed"): stop it.
    func managerRemoved() {
        manager?.stop()
    }

    private func randomRaftID() -> RaftNodeID {
        var id: RaftNodeID = 0
        while id == 0 { id = random.next() & 0x7FFF_FFFF_FFFF_FFFF }
        return id
    }
}

/// Why a node-level swarm operation failed.
public enum SwarmNodeError: Error, Equatable, Sendable {
    case alreadyInSwarm
    case joinTimedOut
    case refused(String)

    /// Docker's text.
    public var message: String {
        switch self {
        case .alreadyInSwarm: "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one."
        case .joinTimedOut: "Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node."
        case let .refused(text): text
        }
    }
}
