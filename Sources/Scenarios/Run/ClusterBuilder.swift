import SimEngine
import SimModels

/// Builds the simulated world a scenario describes: the engine with its seed, the network's
/// defaults, one host per node running a `SwarmNode` with the scenario's Raft and dispatcher
/// settings, and the operator's CLI client.
struct ClusterBuilder {
    let scenario: Scenario
    let seed: UInt64
    /// `--trace raft[=all]`: managers trace their Raft messages and vote decisions.
    var raftTrace: RaftTraceLevel = .off

    struct Built {
        let simulation: Simulation
        let cluster: SwarmCluster
        let client: CLIClient
    }

    func build() -> Built {
        let simulation = Simulation(seed: seed)
        simulation.network.defaults = scenario.cluster.network
        let machines = scenario.nodes.map { node in
            var description = NodeDescription(hostname: node.name, nanoCPUs: node.nanoCPUs, memoryBytes: node.memoryBytes)
            description.engineLabels = node.engineLabels
            return SwarmCluster.Machine(name: node.name, role: node.role, description: description,
                                        joinsAtStart: node.joined, labels: node.labels)
        }
        let cluster = SwarmCluster(simulation: simulation, machines: machines)
        let raft = scenario.cluster.raft
        cluster.world.raftConfig = RaftConfig(electionTick: raft.electionTick, heartbeatTick: raft.heartbeatTick,
                                              checkQuorum: raft.checkQuorum, preVote: raft.preVote,
                                              lostQuorumTicks: raft.electionTick, mutant: raft.mutant)
        cluster.world.raftConfig.recordsVotes = raftTrace != .off
        cluster.world.tracesRaftMessages = raftTrace != .off
        cluster.world.tracesEveryHeartbeat = raftTrace == .all
        cluster.world.tickInterval = raft.tick
        cluster.world.heartbeatPeriod = scenario.cluster.dispatcher.heartbeatPeriod
        var client: CLIClient!
        let clientHost = simulation.addHost(named: "client") { host in
            client = CLIClient(host: host, simulation: simulation)
            return client
        }
        simulation.network.exemptFromFaults(clientHost.id)
        clientHost.powerOn()
        cluster.powerOn()
        return Built(simulation: simulation, cluster: cluster, client: client)
    }
}
