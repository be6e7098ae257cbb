import Testing
import SimEngine
@testable import SimModels

@Suite struct ClassicClusterTests {
    typealias F = ClassicFixture

    static func cluster(_ engines: [ClassicEngine], version: ClassicSwarmVersion = .v1_1_3) -> ClassicCluster {
        var cluster = ClassicCluster(version: version)
        cluster.engines = engines
        return cluster
    }

    @Test func namesMustBeUniqueAcrossTheCluster() {
        var cluster = Self.cluster([F.engine("h104", ip: "192.168.100.104", containers: [F.container("consul")]), F.engine("docker", ip: "192.168.100.103")])
        var random = RandomStream(seed: 1)
        let refused = cluster.place(F.config(), name: "consul", at: .zero, random: &random)
        #expect(refused == .failure(SchedulingError("Conflict: The name consul is already assigned. You have to delete (or rename) that container to be able to assign consul to a container again.")))
        guard case let .success(placement) = cluster.place(F.config(), name: "web", at: .zero, random: &random) else {
            Issue.record("web should be placed")
            return
        }
        #expect(placement.config.swarmID?.count == 64)
        #expect(placement.config.swarmID?.allSatisfy(\.isHexDigit) == true)
        // A create in flight holds its name too, until it finishes.
        #expect(!cluster.isNameAvailable("web"))
        cluster.finishCreate(swarmID: placement.config.swarmID!)
        #expect(cluster.isNameAvailable("web"))
        #expect(cluster.isNameAvailable(""))
    }

    @Test func createsInFlightCountOnTheirEngine() throws {
        var cluster = Self.cluster([F.engine("h104", ip: "192.168.100.104"), F.engine("docker", ip: "192.168.100.103")])
        var random = RandomStream(seed: 4)
        let big = F.config(memory: 3 << 29)   // 1.5 GiB: one per 2 GiB engine
        guard case let .success(first) = cluster.place(big, name: "a", at: .zero, random: &random),
              case let .success(second) = cluster.place(big, name: "b", at: .zero, random: &random) else {
            Issue.record("both fit, one per engine")
            return
        }
        #expect(first.engineID != second.engineID)
        #expect(cluster.place(big, name: "c", at: .zero, random: &random) == .failure(.noResources))
        cluster.finishCreate(swarmID: first.config.swarmID!)
        #expect(try cluster.place(big, name: "c", at: .zero, random: &random).get().engineID == first.engineID)
    }

    @Test func imageAffinityAppliesToThisPlacementOnly() throws {
        let withImage = F.engine("h104", ip: "192.168.100.104", images: [ClassicImage(id: "abc", repoTags: ["redis:latest"])])
        var cluster = Self.cluster([F.engine("docker", ip: "192.168.100.103"), withImage])
        var random = RandomStream(seed: 2)
        for index in 0..<6 {
            let placement = try cluster.place(F.config("redis"), name: "r\(index)", at: .zero, withImageAffinity: true, random: &random).get()
            #expect(placement.engineID == "ID-H104")
            #expect(placement.config.affinities.isEmpty)
        }
    }

    @Test func lookupByIDShortIDNameAndNodeName() {
        let cluster = Self.cluster([
            F.engine("h104", ip: "192.168.100.104", containers: [F.container("consul"), F.container("jenkins01")]),
            F.engine("docker", ip: "192.168.100.103", containers: [F.container("jenkins01")]),
        ])
        let consulID = F.hexID("consul")
        #expect(cluster.container(consulID)?.container.name == "consul")
        #expect(cluster.container(String(consulID.prefix(12)))?.container.name == "consul")
        #expect(cluster.container(String(consulID.prefix(5)))?.container.name == "consul")
        #expect(cluster.container("/consul")?.engineName == "h104")
        #expect(cluster.container("jenkins01") == nil)                      // two of them
        #expect(cluster.container("docker/jenkins01")?.engineName == "docker")
        #expect(cluster.container("nothing") == nil)
    }

    @Test func naturalOrderOfEngineNames() {
        let names = ["node10", "node2", "docker", "h104", "", "node02", "Node1"]
        #expect(names.sorted(by: SwarmNaturalOrder.less) == ["", "Node1", "docker", "h104", "node2", "node02", "node10"])
    }

    @Test func infoCountsValidatedEnginesAndListsPendingOnes() {
        var cluster = Self.cluster([F.engine("h104", ip: "192.168.100.104", containers: [
            F.container("a"), F.container("b", state: .paused(since: .zero)), F.container("c", state: .exited(code: 0, at: .zero)),
        ], images: [ClassicImage(id: "1", repoTags: ["swarm:latest"]), ClassicImage(id: "2", repoTags: ["<none>:<none>"])])])
        var pending = ClassicEngine(address: "192.168.100.103:2375", at: .seconds(3))
        _ = pending.applySpecs(EngineSpecs(id: "ID-H104", name: "docker", cpus: 2, memory: 4 << 30))
        pending.containers = [F.container("x")]
        pending.recordIDConflict(otherAddress: "192.168.100.104:2375", at: .seconds(4))
        cluster.pendingEngines = [pending]
        let info = cluster.info(role: .replica(primary: "192.168.100.103:4000"), name: "a6a0adaa76a8", kernelVersion: "3.10")
        #expect(info.containers == 3 && info.running == 1 && info.paused == 1 && info.stopped == 1)
        #expect(info.images == 1)
        #expect(info.nodeCount == 2)
        #expect(info.nodes.map(\.name) == ["docker", "h104"])
        #expect(info.nodes[0].status == .pending && info.nodes[0].containers == 1 && info.nodes[0].error.hasPrefix("ID duplicated."))
        #expect(info.cpus == 2 && info.memory == (2 << 30) + (2 << 30) * 5 / 100)
        #expect(info.strategy == "spread" && info.filters == "health, port, dependency, affinity, constraint")
        #expect(info.serverVersion == "swarm/1.1.3")
    }

    @Test func psHidesStoppedSwarmAndUnhealthyUnlessAll() {
        var sick = F.engine("docker", ip: "192.168.100.103", containers: [F.container("registry", image: "registry:2", ports: ["5000:5000"], created: .seconds(1))])
        for _ in 0..<3 { _ = sick.recordCall(failure: .connectionRefused("connection refused"), at: .zero, version: .v1_1_3) }
        let cluster = Self.cluster([
            F.engine("h104", ip: "192.168.100.104", containers: [
                F.container("consul", image: "progrium/consul", ports: ["8500:8500"], created: .seconds(2)),
                F.container("sad_mestorf", image: "swarm", created: .seconds(3)),
                F.container("jenkins01", state: .exited(code: 143, at: .seconds(5)), created: .zero),
            ]),
            sick,
        ])
        let running = cluster.psRows(all: false)
        #expect(running.map(\.names) == [["/h104/consul"]])
        #expect(running[0].ports == [ClassicPsRow.Port(ip: "192.168.100.104", privatePort: 8500, publicPort: 8500, type: "tcp")])
        let all = cluster.psRows(all: true)
        #expect(all.map(\.names) == [["/h104/sad_mestorf"], ["/h104/consul"], ["/docker/registry"], ["/h104/jenkins01"]])
        #expect(all[2].status == .hostDown)
        #expect(all[3].status == .state(.exited(code: 143, at: .seconds(5))) && all[3].ports.isEmpty)
    }
}
