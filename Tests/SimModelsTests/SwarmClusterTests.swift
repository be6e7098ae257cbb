import Testing
@testable import SimModels
import SimEngine

/// End-to-end runs of the whole control plane on the engine.
@Suite struct SwarmClusterTests {
    static func machines(managers: Int, workers: Int) -> [SwarmCluster.Machine] {
        (1...managers).map { SwarmCluster.Machine(name: "m\($0)", role: .manager, description: NodeDescription(hostname: "m\($0)", nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30)) }
            + (0..<workers).map { SwarmCluster.Machine(name: "w\($0 + 1)", role: .worker, description: NodeDescription(hostname: "w\($0 + 1)", nanoCPUs: 4_000_000_000, memoryBytes: 8 << 30)) }
    }

    static func makeCluster(seed: UInt64, managers: Int, workers: Int) -> SwarmCluster {
        let sim = Simulation(seed: seed)
        let cluster = SwarmCluster(simulation: sim, machines: machines(managers: managers, workers: workers))
        cluster.powerOn()
        cluster.formSwarm()
        return cluster
    }

    static func createService(_ cluster: SwarmCluster, name: String, replicas: Int) {
        let manager = cluster.leader!.manager!
        var spec = ServiceSpec(name: name, image: "nginx:1.25")
        spec.mode = .replicated(replicas: replicas)
        var random = RandomStream(seed: 99)
        let service = ServiceObject(id: SwarmID.generate(using: &random), spec: spec, createdAt: cluster.simulation.now)
        manager.propose([.createService(service)]) { _ in }
    }

    static func runningContainers(_ cluster: SwarmCluster) -> [String: Int] {
        var counts: [String: Int] = [:]
        for node in cluster.liveNodes { counts[node.host.name] = node.runtime.runningCount }
        return counts
    }

    @Test func aSwarmFormsWithEveryNodeReady() throws {
        let cluster = Self.makeCluster(seed: 1, managers: 3, workers: 4)
        cluster.simulation.run(for: .seconds(10))
        let leader = try #require(cluster.leader)
        #expect(leader.host.name == "m1")
        let store = leader.manager!.store
        #expect(store.nodesSorted.count == 7)
        #expect(store.nodesSorted.allSatisfy { $0.status.state == .ready }, "\(store.nodesSorted.map { ($0.description.hostname, $0.status.state) })")
        #expect(leader.manager!.raft.node.membership.members.count == 3)
        for name in ["m2", "m3"] {
            #expect(cluster.node(named: name)?.manager?.store.nodesSorted.count == 7)
        }
    }

    @Test func aServiceRunsItsReplicasOnTheNodes() throws {
        let cluster = Self.makeCluster(seed: 2, managers: 1, workers: 2)
        cluster.simulation.run(for: .seconds(5))
        Self.createService(cluster, name: "web", replicas: 5)
        cluster.simulation.run(for: .seconds(10))
        let counts = Self.runningContainers(cluster)
        #expect(counts.values.reduce(0, +) == 5, "\(counts)")
        #expect(counts.values.sorted() == [1, 2, 2], "\(counts)")
        let store = cluster.leader!.manager!.store
        let service = try #require(store.service(named: "web"))
        #expect(store.tasks(ofService: service.id).filter { $0.status.state == .running }.count == 5)
    }

    @Test func afterTheLeaderCrashesANewLeaderIsElectedAndTasksKeepRunning() throws {
        let cluster = Self.makeCluster(seed: 3, managers: 3, workers: 4)
        cluster.simulation.run(for: .seconds(5))
        Self.createService(cluster, name: "web", replicas: 6)
        cluster.simulation.run(for: .seconds(20))
        #expect(Self.runningContainers(cluster).values.reduce(0, +) == 6)
        let old = try #require(cluster.leader)
        cluster.host(named: old.host.name)!.crash()
        cluster.simulation.run(for: .seconds(60))
        let leader = try #require(cluster.leader)
        #expect(leader.host.name != old.host.name)
        let store = leader.manager!.store
        let oldNode = store.nodesSorted.first { $0.description.hostname == old.host.name }!
        #expect(oldNode.status.state == .down)
        #expect(store.nodesSorted.filter { $0.status.state == .ready }.count == 6)
        // m1's tasks were rescheduled: six run on live hosts again.
        #expect(Self.runningContainers(cluster).values.reduce(0, +) == 6, "\(Self.runningContainers(cluster))")
    }
}
