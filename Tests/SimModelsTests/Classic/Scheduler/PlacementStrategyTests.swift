import Testing
import SimEngine
@testable import SimModels

/// The strategies' rankings, the weights with overcommit, and the random strategy's stream.
@Suite struct PlacementStrategyTests {
    typealias F = ClassicFixture

    /// The seed's two engines with four containers each (none reserving anything).
    static func seedCluster(strategy: PlacementStrategy = .spread, version: ClassicSwarmVersion = .v1_1_3) -> ClassicCluster {
        var cluster = ClassicCluster(version: version, scheduler: ClassicScheduler(version: version, strategy: strategy))
        let four = { (prefix: String) in (1...4).map { F.container("\(prefix)\($0)", state: .exited(code: 0, at: .zero)) } }
        cluster.engines = [
            F.engine("docker", ip: "192.168.100.103", memory: 4 << 30, containers: four("d")),
            F.engine("h104", ip: "192.168.100.104", containers: four("h")),
        ]
        return cluster
    }

    /// Places and creates `count` containers one after the other, returning the engines chosen.
    static func runMany(_ cluster: inout ClassicCluster, count: Int, config: ClassicContainerConfig = F.config(), seed: UInt64 = 1) -> [String] {
        var random = RandomStream(seed: seed, name: "scheduler")
        var chosen: [String] = []
        for index in 0..<count {
            guard case let .success(placement) = cluster.place(config, name: "c\(index)", at: .zero, random: &random) else { return chosen }
            let engineIndex = cluster.engineIndex(id: placement.engineID)!
            cluster.engines[engineIndex].containers.append(
                ClassicContainer(id: F.hexID("c\(index)"), name: "c\(index)", config: placement.config, state: .exited(code: 0, at: .zero), created: .zero))
            cluster.finishCreate(swarmID: placement.config.swarmID!)
            chosen.append(cluster.engines[engineIndex].name)
        }
        return chosen
    }

    @Test func spreadAlternatesHelloWorldOverTheSeedsTwoEngines() {
        for seed in UInt64(1)...20 {
            var cluster = Self.seedCluster()
            let chosen = Self.runMany(&cluster, count: 4, seed: seed)
            #expect(chosen.count == 4)
            // After each pair the engines are tied again (weights and counts), and the tie is random.
            #expect(chosen[0] != chosen[1] && chosen[2] != chosen[3], "seed \(seed): \(chosen)")
            #expect(cluster.engines.map(\.containers.count) == [6, 6])
        }
    }

    @Test func spreadTieGoesEitherWayAcrossSeeds() {
        let firsts = Set((UInt64(1)...40).map { seed -> String in
            var cluster = Self.seedCluster()
            return Self.runMany(&cluster, count: 1, seed: seed)[0]
        })
        #expect(firsts == ["docker", "h104"])
    }

    @Test func spreadPrefersFewerContainersAndLessReserved() {
        var cluster = Self.seedCluster()
        cluster.engines[1].containers.removeLast()
        #expect(Self.runMany(&cluster, count: 1) == ["h104"])
        // Reservations weigh more than container counts: 1 GiB on 2 GiB (2.1 with overcommit) vs 4 GiB.
        var reserved = Self.seedCluster()
        #expect(Self.runMany(&reserved, count: 1, config: F.config(memory: 1 << 30)) == ["docker"])
    }

    @Test func binpackFillsTheFullestEngineFirst() {
        var cluster = Self.seedCluster(strategy: .binpack)
        cluster.engines[1].containers.append(F.container("big", memory: 1 << 30))
        // 512 MiB each: h104 (2.1 GiB) is fuller; it takes containers until it cannot, then docker.
        let chosen = Self.runMany(&cluster, count: 5, config: F.config(memory: 512 << 20))
        #expect(chosen == ["h104", "h104", "docker", "docker", "docker"])
    }

    @Test func binpackTieGoesToMoreContainers() {
        var cluster = Self.seedCluster(strategy: .binpack)
        cluster.engines[0].containers.removeLast()
        #expect(Self.runMany(&cluster, count: 3) == ["h104", "h104", "h104"])
    }

    @Test func healthWeighsInBothStrategies() {
        for strategy in [PlacementStrategy.spread, .binpack] {
            var cluster = Self.seedCluster(strategy: strategy)
            _ = cluster.engines[0].recordCall(failure: .connectionRefused("connection refused"), at: .zero, version: .v1_1_3)
            #expect(cluster.engines[0].healthIndicator == 67)
            cluster.engines[1].containers += [F.container("x"), F.container("y")]   // spread would otherwise pick docker
            #expect(Self.runMany(&cluster, count: 1) == ["h104"], "\(strategy)")
        }
    }

    @Test func randomIsDeterministicPerSeedAndUsesEveryEngine() {
        func draws(_ seed: UInt64) -> [String] {
            var cluster = Self.seedCluster(strategy: .random)
            cluster.engines.append(F.engine("e3", ip: "10.0.0.3"))
            return Self.runMany(&cluster, count: 300, seed: seed)
        }
        let first = draws(5)
        #expect(first == draws(5))
        #expect(first != draws(6))
        for name in ["docker", "h104", "e3"] {
            #expect(first.filter { $0 == name }.count > 60, "\(name) drawn \(first.filter { $0 == name }.count) times")
        }
    }

    @Test func randomShufflesTheNodesWithTheGivenStream() {
        let nodes = F.nodes([F.engine("e1", ip: "10.0.0.1"), F.engine("e2", ip: "10.0.0.2"), F.engine("e3", ip: "10.0.0.3")])
        var firsts: [String: Int] = [:]
        for seed in UInt64(1)...300 {
            var random = RandomStream(seed: seed, name: "scheduler")
            var expected = RandomStream(seed: seed, name: "scheduler")
            let ranked = (try? PlacementStrategy.random.rank(F.config(), nodes, random: &random).get()) ?? []
            var shuffled = F.names(nodes)
            expected.shuffle(&shuffled)
            #expect(F.names(ranked) == shuffled, "seed \(seed)")
            firsts[ranked.first?.name ?? "", default: 0] += 1
        }
        #expect(firsts.keys.sorted() == ["e1", "e2", "e3"])
        #expect(firsts.values.allSatisfy { $0 > 60 })
        // It does not weigh: a node without the resources can come first.
        var random = RandomStream(seed: 1)
        let small = F.nodes([F.engine("small", ip: "10.0.0.9", memory: 1 << 20)])
        #expect((try? PlacementStrategy.random.rank(F.config(memory: 1 << 30), small, random: &random).get()).map(F.names) == ["small"])
    }

    @Test func overcommitOfFivePercentAdmitsWhatFitsOnlyWithIt() {
        let engine = F.engine("h104", ip: "192.168.100.104", cpus: 20, memory: 2 << 30)
        #expect(engine.totalMemory == (2 << 30) + (2 << 30) * 5 / 100)
        #expect(engine.totalCpus == 21)
        var random = RandomStream(seed: 1)
        let scheduler = ClassicScheduler(version: .v1_1_3)
        let fitsWithOvercommit = F.config(memory: (2 << 30) + (50 << 20), cpus: 21)
        #expect(scheduler.selectNodes(for: fitsWithOvercommit, from: F.nodes([engine]), random: &random).map(F.names) == .success(["h104"]))
        let beyond = F.config(memory: (2 << 30) + (110 << 20))
        #expect(scheduler.selectNodes(for: beyond, from: F.nodes([engine]), random: &random).map(F.names) == .failure(.noResources))
        #expect(scheduler.selectNodes(for: F.config(cpus: 22), from: F.nodes([engine]), random: &random).map(F.names) == .failure(.noResources))
        // Two CPUs gain nothing from 5%: three reserved CPUs never fit.
        let small = F.engine("docker", ip: "192.168.100.103")
        #expect(small.totalCpus == 2)
        #expect(scheduler.selectNodes(for: F.config(cpus: 3), from: F.nodes([small]), random: &random).map(F.names) == .failure(.noResources))
    }

    @Test func reservationsAddUp() {
        var random = RandomStream(seed: 1)
        let scheduler = ClassicScheduler(version: .v1_2_9)
        let busy = F.engine("h104", ip: "192.168.100.104", containers: [F.container("a", cpus: 1), F.container("b", cpus: 1)])
        #expect(busy.usedCpus == 2)
        #expect(scheduler.selectNodes(for: F.config(cpus: 1), from: F.nodes([busy]), random: &random).map(F.names) == .failure(.noResources))
        #expect(scheduler.selectNodes(for: F.config(), from: F.nodes([busy]), random: &random).map(F.names) == .success(["h104"]))
    }
}
