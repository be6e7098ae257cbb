import Testing
import SimEngine
@testable import SimModels
@testable import Scenarios

/// `docker info` of a seed-like cluster, line by line against the seed.
@Suite struct ClassicInfoRendererTests {
    static let epoch: Int64 = 1_458_715_440   // 2016-03-23T06:44:00Z

    static func engine(_ name: String, ip: String, memory: Int64, checkedAt seconds: Int64, containers: Int, images: Int) -> ClassicEngine {
        var engine = ClassicEngine(address: "\(ip):2375", at: .zero)
        _ = engine.applySpecs(EngineSpecs(id: "ID-" + name, name: name, cpus: 2, memory: memory))
        engine.completeValidation()
        engine.containers = (0..<containers).map { index in
            ClassicContainer(id: "\(name)\(index)", name: "\(name)-\(index)", config: ClassicContainerConfig(image: "x"),
                             state: index == 0 ? .running(since: .zero) : .exited(code: 0, at: .zero), created: .zero)
        }
        engine.images = (0..<images).map { ClassicImage(id: "\(name)-image\($0)", repoTags: ["image\($0):latest"]) }
        _ = engine.recordCall(failure: nil, at: .zero + .seconds(seconds), version: .v1_1_3)
        return engine
    }

    /// The seed's cluster after both joins (row 8): h104 with 2 GB, docker with 4 GB.
    static func seedCluster(_ version: ClassicSwarmVersion) -> ClassicCluster {
        var cluster = ClassicCluster(version: version)
        cluster.engines = [
            engine("h104", ip: "192.168.100.104", memory: 2_090_300_000, checkedAt: 109, containers: 4, images: 9),
            engine("docker", ip: "192.168.100.103", memory: 4_136_900_000, checkedAt: 92, containers: 4, images: 8),
        ]
        return cluster
    }

    @Test func seedPrimaryInfoMatchesTheSeedLineByLine() {
        let info = Self.seedCluster(.v1_1_3).info(role: .primary, name: "de2669846044", kernelVersion: "3.10.0-327.4.4.el7.x86_64")
        let expected = """
            Containers: 8
            Images: 17
            Server Version: swarm/1.1.3
            Role: primary
            Strategy: spread
            Filters: health, port, dependency, affinity, constraint
            Nodes: 2
             docker: 192.168.100.103:2375
              └ Status: Healthy
              └ Containers: 4
              └ Reserved CPUs: 0 / 2
              └ Reserved Memory: 0 B / 4.045 GiB
              └ Labels: executiondriver=native-0.2, kernelversion=3.10.0-327.4.4.el7.x86_64, operatingsystem=CentOS Linux 7 (Core), storagedriver=devicemapper
              └ Error: (none)
              └ UpdatedAt: 2016-03-23T06:45:32Z
             h104: 192.168.100.104:2375
              └ Status: Healthy
              └ Containers: 4
              └ Reserved CPUs: 0 / 2
              └ Reserved Memory: 0 B / 2.044 GiB
              └ Labels: executiondriver=native-0.2, kernelversion=3.10.0-327.4.4.el7.x86_64, operatingsystem=CentOS Linux 7 (Core), storagedriver=devicemapper
              └ Error: (none)
              └ UpdatedAt: 2016-03-23T06:45:49Z
            Kernel Version: 3.10.0-327.4.4.el7.x86_64
            Operating System: linux
            CPUs: 4
            Total Memory: 6.09 GiB
            Name: de2669846044
            """
        expectSameLines(ClassicInfoRenderer.render(info, epoch: Self.epoch), expected)
    }

    @Test func emptyReplicaNamesThePrimary() {
        let info = ClassicCluster(version: .v1_1_3).info(role: .replica(primary: "192.168.100.103:4000"), name: "a6a0adaa76a8", kernelVersion: "3.10.0-327.4.4.el7.x86_64")
        #expect(ClassicInfoRenderer.render(info, epoch: Self.epoch) == """
            Containers: 0
            Images: 0
            Server Version: swarm/1.1.3
            Role: replica
            Primary: 192.168.100.103:4000
            Strategy: spread
            Filters: health, port, dependency, affinity, constraint
            Nodes: 0
            Kernel Version: 3.10.0-327.4.4.el7.x86_64
            Operating System: linux
            CPUs: 0
            Total Memory: 0 B
            Name: a6a0adaa76a8
            """)
    }

    @Test func pendingDuplicateIsListedButNotTotalled() {
        var cluster = Self.seedCluster(.v1_1_3)
        var docker = cluster.engines.removeLast()
        docker.state = .pending
        docker.recordIDConflict(otherAddress: "192.168.100.104:2375", at: .zero + .seconds(60))
        cluster.pendingEngines = [docker]
        let text = ClassicInfoRenderer.render(cluster.info(role: .primary, name: "a8f16aa3a7d1", kernelVersion: "k"), epoch: Self.epoch)
        #expect(text.contains("Containers: 4\nImages: 9\n"))
        #expect(text.contains("Nodes: 2\n docker: 192.168.100.103:2375\n  └ Status: Pending\n  └ Containers: 4\n"))
        #expect(text.contains("  └ Error: ID duplicated. ID-docker shared by this node 192.168.100.103:2375 and another node 192.168.100.104:2375\n  └ UpdatedAt: 2016-03-23T06:45:00Z\n"))
        #expect(text.contains("CPUs: 2\nTotal Memory: 2.044 GiB\n"))
    }

    @Test func release129AddsIDBreakdownAndServerVersionAndDropsAnEmptyError() {
        var cluster = Self.seedCluster(.v1_2_9)
        _ = cluster.engines[0].recordCall(failure: .connectionRefused("connection refused"), at: .zero + .seconds(200), version: .v1_2_9)
        let text = ClassicInfoRenderer.render(cluster.info(role: .primary, name: "m1", kernelVersion: "k"), epoch: Self.epoch)
        #expect(text.contains("Filters: health, port, containerslots, dependency, affinity, constraint, whitelist\n"))
        #expect(text.contains("""
             docker: 192.168.100.103:2375
              └ ID: ID-docker
              └ Status: Healthy
              └ Containers: 4 (1 Running, 0 Paused, 3 Stopped)
              └ Reserved CPUs: 0 / 2
              └ Reserved Memory: 0 B / 4.045 GiB
              └ Labels: executiondriver=native-0.2, kernelversion=3.10.0-327.4.4.el7.x86_64, operatingsystem=CentOS Linux 7 (Core), storagedriver=devicemapper
              └ UpdatedAt: 2016-03-23T06:45:32Z
              └ ServerVersion: 1.9.1
            """))
        #expect(text.contains("  └ Error: connection refused\n  └ UpdatedAt: 2016-03-23T06:47:20Z\n"))
    }

    @Test func unhealthyEngineShowsPlainCountIn129() {
        var cluster = Self.seedCluster(.v1_2_9)
        for second in 1...3 { _ = cluster.engines[0].recordCall(failure: .connectionRefused("connection refused"), at: .zero + .seconds(Int64(second)), version: .v1_2_9) }
        let text = ClassicInfoRenderer.render(cluster.info(role: .primary, name: "m1", kernelVersion: "k"), epoch: Self.epoch)
        #expect(text.contains("  └ Status: Unhealthy\n  └ Containers: 4\n"))
    }
}
