import SimEngine

/// What one host runs: the Docker engine in swarm mode. Every node has a container runtime
/// and, once in a swarm, an agent; managers also run a `ManagerNode`. Built anew at each boot
/// from the host's disk (its identity and Raft data); everything else is volatile.
///
/// Facets: `SwarmNode+Membership` (`docker swarm init|join|leave`, `--force-new-cluster`),
/// `SwarmNode+Roles` (starting and stopping the manager as the node's role changes).
///
/// It lives as long as its host's incarnation (`isRunning` is always true), and what it schedules
/// dies with that incarnation (`HostComponent`). Its callbacks capture it `unowned`, never `weak`:
/// a weak reference would move its reference count to a side table for good, slowing every
/// retain of the object that handles most messages.
public final class SwarmNode: HostSoftware, HostComponent {
    public let host: Host
    let world: SwarmWorld
    /// What the node reports of itself (hostname, resources, labels).
    public let description: NodeDescription
    /// Labels the operator gives the node as it joins (see `JoinRequest.labels`).
    public let initialLabels: [Label]
    public private(set) var runtime: ContainerRuntime
    public internal(set) var agent: Agent?
    /// The manager, while one runs on this node (nil on a worker, and once a manager stopped).
    public internal(set) var manager: ManagerNode?
    /// Who this node is in the swarm, as its disk says; nil outside a swarm.
    public internal(set) var identity: NodeIdentity?
    /// The node's gossip (NetworkDB over memberlist), nil until something starts it
    /// (`SwarmNode+DataPlane`): a run that observes no traffic never does.
    public internal(set) var networkDB: NetworkDB?
    /// The node's load balancers, DNS and task endpoints, nil unless the data plane is on
    /// (`SwarmNode+DataPlane`).
    public internal(set) var dataPlane: NodeDataPlane?
    var random: RandomStream
    var nextRequestID: UInt64 = 1
    /// A join in progress: `docker swarm join` (`completion` answers the command) or a Raft
    /// join of a node already in the swarm (promotion, or a manager restarting without data).
    var pendingJoin: PendingJoin?
    var joinTimer: TimerID?
    /// The node's role as the last session message said (the certificate's role in SwarmKit).
    var knownRole: NodeRole?
    /// After the manager stopped without the node hearing it became a worker: SwarmKit's
    /// `roleChangeTimeout` wait before the manager is started again.
    var roleWaitTimer: TimerID?
    /// Managers started on this host in this incarnation (names the random streams).
    var managerStarts = 0
    /// Agents that left the swarm: kept until their containers have stopped.
    var retiredAgents: [Agent] = []
    /// `docker swarm leave` waiting for the member list.
    var pendingLeave: (requestID: UInt64, timer: TimerID, completion: (Result<String, SwarmNodeError>) -> Void)?

    struct PendingJoin {
        var requestID: UInt64
        /// The role a rejoin asks for (a token's join learns its role from the answer).
        var role: NodeRole
        /// `docker swarm join --token`, parsed; nil for a Raft rejoin.
        var token: JoinToken?
        /// `docker swarm join --availability`.
        var availability: NodeAvailability
        /// The manager asked (nil: pick one for each attempt).
        var via: HostID?
        /// Set for a Raft join of a node already in the swarm.
        var nodeID: NodeID?
        var deadline: SimInstant
        var completion: (Result<Void, SwarmNodeError>) -> Void
    }

    var simulation: Simulation { world.simulation }
    public var isRunning: Bool { true }

    public init(host: Host, world: SwarmWorld, description: NodeDescription, labels: [Label] = []) {
        self.host = host
        self.world = world
        self.description = description
        self.initialLabels = labels.sorted { $0.key < $1.key }
        runtime = ContainerRuntime(simulation: world.simulation, host: host)
        runtime.onStateChange = { [unowned world, id = host.id] in world.observer?.containersChanged(on: id) }
        random = world.simulation.stream(named: "node/\(host.name)/\(host.epoch)")
        identity = host.disk.value(NodeIdentity.diskKey)
    }

    // MARK: - Boot

    /// Restarts from the disk: a manager with Raft data restarts its Raft node; a manager whose
    /// data was wiped joins Raft again (SwarmKit: no WAL, so `Join`); every node starts its agent.
    public func start() {
        guard let identity else { return }
        knownRole = identity.role
        if identity.role == .manager, let raftID = identity.raftID {
            let persisted = ManagerNode.Raft.Storage(disk: host.disk).read()
            let raftNode = RaftNode<StoreProposal, ClusterStore>(id: raftID, config: world.raftConfig, persisted: persisted,
                                                                  random: raftStream())
            startManager(raftNode, recovered: true)
        }
        startAgent()
        if identity.role == .manager, identity.raftID == nil {
            joinRaft()
        }
    }

    /// The random stream of the next Raft node started on this host.
    func raftStream() -> RandomStream {
        let suffix = managerStarts == 0 ? "" : "/\(managerStarts)"
        return simulation.stream(named: "raft/\(host.name)/\(host.epoch)\(suffix)")
    }

    /// - Parameter recovered: the Raft node was rebuilt from this host's disk.
    func startManager(_ raftNode: RaftNode<StoreProposal, ClusterStore>, recovered: Bool = false) {
        managerStarts += 1
        let manager = ManagerNode(node: self, raftNode: raftNode, recovered: recovered)
        self.manager = manager
        manager.start(firstOnHost: managerStarts == 1)
    }

    func startAgent() {
        guard let identity else { return }
        let managers = identity.managers.compactMap { world.host(at: $0) }
        let configuration = Agent.Configuration(nodeID: identity.nodeID, description: description,
                                                localManager: manager == nil ? nil : host.id, initialManagers: managers)
        // The network and this host's ID, not the node: nothing to look up per message.
        let agent = Agent(configuration: configuration, simulation: simulation, host: host, runtime: runtime) {
            [network = simulation.network, id = host.id] message, destination in
            network.send(message, from: id, to: destination)
        }
        agent.onNodeObject = { [unowned self] node in self.nodeObjectReceived(node) }
        agent.onTaskBinding = { [unowned self] task, event in self.dataPlane?.taskEvent(task, event) }
        self.agent = agent
        agent.start()
        startDataPlaneIfEnabled()
    }

    func saveIdentity(_ identity: NodeIdentity?) {
        self.identity = identity
        if let identity {
            host.disk.put(identity, at: NodeIdentity.diskKey)
        } else {
            host.disk.remove(NodeIdentity.diskKey)
        }
        host.disk.sync {}
    }

    // MARK: - Messages

    public func receive(_ envelope: Envelope) {
        guard let message = envelope.message as? SwarmMessage else { return }
        receive(message, from: envelope.from)
    }

    /// A message from host `from` (SwarmMessage delivers itself here, without a cast).
    func receive(_ message: SwarmMessage, from: HostID) {
        switch message {
        case let .raft(raftMessage):
            manager?.receiveRaft(raftMessage, from: from)
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
        case let .memberList(list):
            finishLeaveCheck(list)
        case .control:
            return  // CLI answers go to the client, never to a node
        }
    }

    /// A request sent to a node that runs no manager: `docker info` is dockerd's own answer;
    /// anything else needs a manager.
    private func refuseNotManager(_ request: ManagerRequest, origin: HostID) {
        if case let .control(control) = request, control.command == .info {
            let reply = ControlReply(requestID: control.requestID, output: localInfo(), error: nil)
            simulation.network.send(SwarmMessage.reply(.control(reply)), from: host.id, to: origin)
            return
        }
        let message: String
        if identity == nil {
            message = SwarmNode.notInSwarmMessage
        } else if pendingJoin?.nodeID != nil {
            // moby: the manager exists but does not serve its control socket yet.
            message = SwarmNode.managerNotReadyMessage
        } else {
            message = SwarmNode.workerMessage
        }
        let reply: ManagerReply
        switch request {
        case let .dispatcher(r):
            reply = .dispatcher(DispatcherReply(requestID: r.requestID, sessionID: r.sessionID, body: .failed(message)))
        case let .join(j):
            reply = .join(JoinReply(requestID: j.requestID, outcome: .refused(message)))
        case let .control(c):
            reply = .control(ControlReply(requestID: c.requestID, output: "", error: message))
        case let .memberList(m):
            reply = .memberList(MemberListReply(requestID: m.requestID, raft: nil, error: message))
        }
        simulation.network.send(SwarmMessage.reply(reply), from: host.id, to: origin)
    }

    /// `docker info`'s Swarm part on this engine while it runs no manager: `active` in a swarm,
    /// `pending` while a `docker swarm join` waits for its answer, `inactive` outside a swarm.
    func localInfo() -> String {
        let state = identity != nil ? "active" : pendingJoin != nil ? "pending" : "inactive"
        let managers = (agent?.knownManagers.map { simulation.hosts[$0].name }) ?? identity?.managers ?? []
        return InfoView.renderWithoutManager(state: state, nodeID: identity?.nodeID, nodeAddress: host.name, managers: managers)
    }

    /// moby's texts for control calls on a node that cannot serve them (`daemon/cluster/helpers.go`).
    public static let workerMessage = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."
    public static let notInSwarmMessage = #"This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again."#
    public static let managerNotReadyMessage = "This node is not a swarm manager. Manager is being prepared or has trouble connecting to the cluster."

    /// A clean shutdown (`stop NODE`, `systemctl stop docker` then power off): containers get
    /// SIGTERM, and once they have exited the host halts.
    public func shutDown() {
        // A clean daemon stop leaves gossip: peers drop this node's entries at once
        // (NETWORK_FACTS §3.2, `NodeEventTypeLeave`).
        networkDB?.leave()
        let wait = runtime.stopAll()
        simulation.emit(node: host.name, component: "engine", kind: "engine.stop", "stopping containers, then shutting down")
        simulation.schedule(after: wait + .milliseconds(1), for: self) { node in
            node.host.halt()
        }
    }

    func takeRequestID() -> UInt64 {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    func randomRaftID() -> RaftNodeID {
        var id: RaftNodeID = 0
        while id == 0 { id = random.next() & 0x7FFF_FFFF_FFFF_FFFF }
        return id
    }
}

/// Why a node-level swarm operation failed.
public enum SwarmNodeError: Error, Equatable, Sendable {
    case alreadyInSwarm
    case joinTimedOut
    case notInSwarm
    case refused(String)

    /// Docker's text.
    public var message: String {
        switch self {
        case .alreadyInSwarm: "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one."
        case .joinTimedOut: "Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node."
        case .notInSwarm: "This node is not part of a swarm"
        case let .refused(text): text
        }
    }
}
