import SimEngine

// `docker swarm init`, `docker swarm init --force-new-cluster`, `docker swarm join`,
// `docker swarm leave`: what the engine does on its own node (moby `daemon/cluster/swarm.go`).

extension SwarmNode {
    // MARK: - docker swarm init

    /// `docker swarm init`: becomes the single manager of a new swarm and campaigns at once;
    /// `ready` runs when it leads with its subsystems started (when the command returns).
    public func initSwarm(ready: @escaping () -> Void = {}) -> Result<Void, SwarmNodeError> {
        guard identity == nil else { return .failure(.alreadyInSwarm) }
        let nodeID = SwarmID.generate(using: &random)
        let raftID = randomRaftID()
        saveIdentity(NodeIdentity(nodeID: nodeID, role: .manager, raftID: raftID, managers: [host.name], clusterID: nodeID))
        knownRole = .manager
        var raftNode = RaftNode<StoreProposal, ClusterStore>.bootstrap(
            id: raftID, members: [RaftMember(id: raftID, address: host.name)], config: world.raftConfig,
            random: raftStream())
        raftNode.campaign()
        startManager(raftNode)
        manager?.onLeaderReady = { [unowned self] in
            // `swarm init` returns once the node leads; its engine then connects its agent.
            self.startAgent()
            ready()
        }
        return .success(())
    }

    /// `docker swarm init --force-new-cluster` on a manager that lost its quorum: the manager
    /// restarts from its own Raft data as the only member of a new cluster (SWARM_FACTS §1.5):
    /// uncommitted entries are discarded, every other member is removed, and it becomes leader
    /// with every service, task, network and node of the store. Its agent reconnects; the
    /// workers' sessions find the new leader. On a node outside a swarm it is a plain init.
    ///
    /// moby refuses it on a worker (`errSwarmNotManager`).
    public func forceNewCluster(ready: @escaping () -> Void = {}) -> Result<Void, SwarmNodeError> {
        guard let identity else { return initSwarm(ready: ready) }
        guard identity.role == .manager, let raftID = identity.raftID else {
            return .failure(.refused(SwarmNode.workerMessage))
        }
        cancelRoleWait()
        cancelJoin()
        stopManager(wipingData: false, reason: "restarting the manager with --force-new-cluster", tellAgent: false)
        var persisted = ManagerNode.Raft.Storage(disk: host.disk).read()
        // SwarmKit appends the removals at the WAL's term, at indexes where discarded entries
        // of that same term may have stood. Nobody else can hold those entries any more (every
        // other member is removed), but an observer of the logs would see one index and term
        // with two payloads; starting from the next term keeps the log-matching property whole.
        persisted.hardState.term += 1
        persisted.hardState.vote = nil
        let random = raftStream()
        let others = RaftNode<StoreProposal, ClusterStore>(id: raftID, config: world.raftConfig, persisted: persisted, random: random)
            .membership.members.filter { $0.id != raftID }
        let raftNode = RaftNode<StoreProposal, ClusterStore>.forceNewCluster(
            id: raftID, address: host.name, config: world.raftConfig, persisted: persisted, random: random)
        let removed = others.map { "\(RaftNodeIDFormat.hex($0.id)) at \($0.address)" }.joined(separator: ", ")
        simulation.emit(node: host.name, component: "raft", kind: "raft.forceNewCluster",
                        "forced a new cluster" + (removed.isEmpty ? "" : "; removed \(removed)"))
        startManager(raftNode, recovered: true)
        knownRole = .manager
        manager?.onLeaderReady = { [unowned self] in
            self.agent?.setLocalManager(self.host.id)
            self.agent?.reconnect()
            ready()
        }
        return .success(())
    }

    /// What `docker swarm init` prints once this node leads (docker/cli `init.go`): the node's ID
    /// and the command that adds a worker, which the CLI reads from this engine (its own store).
    public var swarmInitOutput: String {
        let nodeID = identity?.nodeID ?? NodeID("")
        guard let tokens = manager?.store.cluster?.joinTokens else {
            return "Swarm initialized: current node (\(nodeID)) is now a manager."
        }
        let address = manager?.store.node(nodeID)?.managerStatus?.address ?? host.name
        return JoinTokenView.initialized(nodeID: nodeID, workerToken: tokens.worker, managerAddress: JoinTokenView.managerAddress(address))
    }

    // MARK: - docker swarm join

    /// `docker swarm join --token TOKEN [--availability A] MANAGER`: asks the managers (through
    /// `manager`) to admit this node with the token; the CA gives it the token's role, which
    /// `completion` gets. A token that does not parse fails at once (SwarmKit `ParseJoinToken`);
    /// one the CA refuses fails when the answer comes; otherwise the node retries until the
    /// leader answers or 25 s pass (SwarmKit's join timeout).
    public func join(token text: String, availability: NodeAvailability = .active, via managerHost: HostID,
                     completion: @escaping (Result<NodeRole, SwarmNodeError>) -> Void) {
        guard identity == nil else {
            completion(.failure(.alreadyInSwarm))
            return
        }
        guard let token = JoinToken(parsing: text) else {
            completion(.failure(.refused(JoinToken.invalidMessage)))
            return
        }
        cancelJoin()
        pendingJoin = PendingJoin(requestID: takeRequestID(), role: .worker, token: token, availability: availability, via: managerHost,
                                  nodeID: nil, deadline: simulation.now + .seconds(25)) { [unowned self] result in
            completion(result.map { self.identity?.role ?? .worker })
        }
        sendJoin()
    }

    /// A node already in the swarm whose role is manager but that runs no manager (it was
    /// promoted, or its Raft data was wiped) joins Raft through a manager, as SwarmKit's manager
    /// does when it starts without a WAL. Retried until it succeeds, as long as the role holds.
    func joinRaft() {
        guard let identity, manager == nil, pendingJoin == nil else { return }
        simulation.emit(node: host.name, component: "manager", kind: "manager.join", "starting a manager: joining Raft")
        pendingJoin = PendingJoin(requestID: takeRequestID(), role: .manager, token: nil, availability: .active, via: nil, nodeID: identity.nodeID,
                                  deadline: simulation.now + .seconds(25)) { [unowned self] result in
            guard case .failure = result else { return }
            // SwarmKit's manager fails to start and is started again; try again shortly.
            self.simulation.schedule(after: .seconds(5), for: self) { node in
                guard node.identity?.role == .manager, node.knownRole != .worker else { return }
                node.joinRaft()
            }
        }
        sendJoin()
    }

    func sendJoin() {
        guard let pending = pendingJoin else { return }
        if let destination = pending.via ?? agent?.remoteManager() {
            var request = JoinRequest(requestID: pending.requestID, nodeID: pending.nodeID, role: pending.role, token: pending.token,
                                      description: description, address: host.name, labels: initialLabels)
            request.availability = pending.availability
            simulation.network.send(SwarmMessage.request(.join(request), origin: host.id), from: host.id, to: destination)
        }
        joinTimer = simulation.schedule(after: .seconds(1), for: self) { node in
            guard node.pendingJoin?.requestID == pending.requestID else { return }
            if node.simulation.now >= pending.deadline {
                node.pendingJoin = nil
                pending.completion(.failure(.joinTimedOut))
            } else {
                node.sendJoin()
            }
        }
    }

    func cancelJoin() {
        if let joinTimer { simulation.cancel(joinTimer) }
        joinTimer = nil
        pendingJoin = nil
    }

    func finishJoin(_ reply: JoinReply) {
        guard let pending = pendingJoin, pending.requestID == reply.requestID else { return }
        switch reply.outcome {
        case let .accepted(nodeID, raftID, managers, clusterID):
            cancelJoin()
            // The CA gave a manager a Raft ID: a token's role is known from the answer.
            let role: NodeRole = raftID == nil ? .worker : .manager
            saveIdentity(NodeIdentity(nodeID: nodeID, role: role, raftID: raftID, managers: managers, clusterID: clusterID))
            knownRole = role
            if role == .manager, let raftID {
                let raftNode = RaftNode<StoreProposal, ClusterStore>(id: raftID, config: world.raftConfig, random: raftStream())
                startManager(raftNode)
                if pending.nodeID == nil {
                    // Its agent uses the local manager: start it once that manager follows the leader.
                    manager?.onLeaderKnown = { [unowned self] in self.startAgent() }
                } else {
                    simulation.emit(node: host.name, component: "manager", kind: "manager.joined", "joined Raft as a manager")
                    manager?.onLeaderKnown = { [unowned self] in
                        self.agent?.setLocalManager(self.host.id)
                    }
                }
            } else {
                startAgent()
            }
            pending.completion(.success(()))
        case .refused:
            return  // retried by the join timer until the deadline
        case let .rejected(message):
            cancelJoin()
            pending.completion(.failure(.refused(message)))
        }
    }

    // MARK: - docker swarm leave

    /// `docker swarm leave [--force]`, with moby's checks: a manager is refused without
    /// `--force` (the message counts the managers the leader sees, through a `ListNodes` given
    /// 5 s); otherwise the node stops its manager (without leaving Raft: it stays a member,
    /// unreachable), drops every assignment (its containers stop), and forgets the swarm.
    /// Its node object stays in the store and goes Down when its heartbeats stop.
    public func leave(force: Bool, completion: @escaping (Result<String, SwarmNodeError>) -> Void) {
        guard identity != nil else {
            completion(.failure(.notInSwarm))
            return
        }
        let isManager = identity?.role == .manager
        guard !isManager || force else {
            checkManagerLeave(completion: completion)
            return
        }
        leaveNow()
        completion(.success("Node left the swarm."))
    }

    private static let leavePrefix = "You are attempting to leave the swarm on a node that is participating as a manager. "
    private static let leaveSuffix = "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message."

    /// moby's refusal for a manager: with the member counts when its manager answers.
    private func checkManagerLeave(completion: @escaping (Result<String, SwarmNodeError>) -> Void) {
        guard let manager, !manager.isStopped, let identity else {
            completion(.failure(.refused(Self.leavePrefix + "Doing so may lose the consensus of your cluster. " + Self.leaveSuffix)))
            return
        }
        if let previous = pendingLeave {
            simulation.cancel(previous.timer)
            previous.completion(.failure(.refused(Self.leavePrefix + Self.leaveSuffix)))
        }
        let requestID = takeRequestID()
        let timer = simulation.schedule(after: .seconds(5), for: self) { node in
            guard let pending = node.pendingLeave, pending.requestID == requestID else { return }
            node.pendingLeave = nil
            pending.completion(.failure(.refused(Self.leavePrefix + Self.leaveSuffix)))
        }
        pendingLeave = (requestID, timer, completion)
        manager.handle(.memberList(MemberListRequest(requestID: requestID, nodeID: identity.nodeID)), origin: host.id, proxy: nil)
    }

    func finishLeaveCheck(_ reply: MemberListReply) {
        guard let pending = pendingLeave, pending.requestID == reply.requestID else { return }
        pendingLeave = nil
        simulation.cancel(pending.timer)
        var message = Self.leavePrefix
        if let raft = reply.raft, let identity {
            // moby `managerStats`: managers are the nodes ListNodes gives a manager status.
            let members = raft.members.filter { !$0.nodeID.rawValue.isEmpty }
            let reachable = members.filter { raft.isReachable($0) }.count
            let unreachable = members.count - reachable
            let active = members.contains { $0.nodeID == identity.nodeID && raft.isReachable($0) }
            if active && reachable - 2 <= unreachable {
                if reachable == 1 && unreachable == 0 {
                    message += "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. "
                    pending.completion(.failure(.refused(message)))
                    return
                }
                message += "Removing this node leaves \(reachable - 1) managers out of \(reachable + unreachable). Without a Raft quorum your swarm will be inaccessible. "
            }
        }
        pending.completion(.failure(.refused(message + Self.leaveSuffix)))
    }

    /// Leaves: the manager stops (its Raft data with the rest of the swarm state), the agent
    /// drops its assignments, and the identity is erased.
    private func leaveNow() {
        cancelRoleWait()
        cancelJoin()
        stopManager(wipingData: true, reason: "leaving the swarm", tellAgent: false)
        if let agent {
            agent.leave()
            retiredAgents.append(agent)
        }
        agent = nil
        knownRole = nil
        saveIdentity(nil)
        simulation.emit(node: host.name, component: "engine", kind: "swarm.leave", "node left the swarm")
    }
}
