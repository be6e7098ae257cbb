import Testing
import SimEngine
@testable import SimModels

/// Each filter alone: a case it passes, a case it fails, and its own error text per release.
@Suite struct ClassicFilterTests {
    typealias F = ClassicFixture

    enum Outcome: Equatable {
        case placed([String])
        case refused(String)
    }

    static func run(_ filter: ClassicFilterKind, _ config: ClassicContainerConfig, _ engines: [ClassicEngine],
                    version: ClassicSwarmVersion, soft: Bool = true) -> Outcome {
        // The chain of one filter, without 1.2's list of conditions, shows the filter's own text.
        switch FilterChain(filters: [filter], version: .v1_1_3).apply(config, F.nodes(engines), soft: soft) {
        case let .success(nodes): return .placed(F.names(nodes))
        case let .failure(error): return .refused(error.message)
        }
    }

    static let h104 = F.engine("h104", ip: "192.168.100.104")
    static let docker = F.engine("docker", ip: "192.168.100.103")

    @Test func healthKeepsHealthyEnginesOnly() {
        var sick = Self.docker
        for _ in 0..<3 { _ = sick.recordCall(failure: .connectionRefused("connection refused"), at: .zero, version: .v1_1_3) }
        #expect(sick.state == .unhealthy)
        #expect(Self.run(.health, F.config(), [Self.h104, sick], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.health, F.config(), [sick], version: .v1_1_3) == .refused("No healthy node available in the cluster"))
        // 1.2 does not wrap health's error either.
        let chain = FilterChain(version: .v1_2_9).apply(F.config(), F.nodes([sick]), soft: true)
        #expect(chain == .failure(.noHealthyNode))
    }

    @Test func portRefusesAnEngineWhoseContainerHoldsThePort() {
        let web = F.engine("h104", ip: "192.168.100.104", containers: [F.container("web", ports: ["80:80"])])
        #expect(Self.run(.port, F.config(ports: ["80:80"]), [web, Self.docker], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.port, F.config(ports: ["80:80"]), [web], version: .v1_1_3) == .refused("unable to find a node with port 80 available"))
        #expect(Self.run(.port, F.config(ports: ["8080:80"]), [web], version: .v1_1_3) == .placed(["h104"]))
        // A different address on both sides does not conflict; every interface conflicts with any.
        #expect(Self.run(.port, F.config(ports: ["10.0.0.2:80:80"]), [F.engine("a", ip: "10.0.0.9", containers: [F.container("x", ports: ["10.0.0.1:80:80"])])], version: .v1_1_3) == .placed(["a"]))
        #expect(Self.run(.port, F.config(ports: ["10.0.0.2:80:80"]), [web], version: .v1_1_3) == .refused("unable to find a node with port 80 available"))
    }

    @Test func aStoppedContainerStillHoldsItsRequestedPort() {
        let stopped = F.engine("h104", ip: "192.168.100.104", containers: [F.container("web", ports: ["80:80"], state: .exited(code: 0, at: .zero))])
        #expect(Self.run(.port, F.config(ports: ["80:80"]), [stopped], version: .v1_1_3) == .refused("unable to find a node with port 80 available"))
    }

    @Test func hostModeComparesExposedPortsOfHostContainers() {
        let host = F.engine("h104", ip: "192.168.100.104", containers: [F.container("web", ports: ["80"], network: "host")])
        let config = ClassicContainerConfig(image: "nginx", exposedPorts: ["80/tcp"], networkMode: "host")
        #expect(Self.run(.port, config, [host, Self.docker], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.port, config, [host], version: .v1_1_3) == .refused("unable to find a node with port 80/tcp available in the Host mode"))
    }

    @Test func aCreateInFlightHoldsItsPortsFrom12Only() {
        var node = SchedulerNode(engine: Self.h104)
        node.add(.pending(name: "web", config: F.config(ports: ["80:80"]), at: .zero))
        let config = F.config(ports: ["80:80"])
        #expect(FilterChain(filters: [.port], version: .v1_1_3).apply(config, [node], soft: true).map(F.names) == .success(["h104"]))
        if case .success = FilterChain(filters: [.port], version: .v1_2_9).apply(config, [node], soft: true) {
            Issue.record("1.2 must see the pending container's port")
        }
    }

    @Test func containerSlotsLimitTheEngine() {
        let full = F.engine("h104", ip: "192.168.100.104", engineLabels: ["containerslots=1"], containers: [F.container("a")])
        let open = F.engine("docker", ip: "192.168.100.103", engineLabels: ["containerslots=2"], containers: [F.container("b")])
        let junk = F.engine("e3", ip: "10.0.0.3", engineLabels: ["containerslots=many"], containers: [F.container("c")])
        #expect(Self.run(.containerSlots, F.config(), [full, open, junk], version: .v1_2_9) == .placed(["docker", "e3"]))
        #expect(Self.run(.containerSlots, F.config(), [full], version: .v1_2_9) == .refused("No node with enough open slots available in the cluster"))
    }

    @Test func dependencyPlacesWithTheDependency() {
        let db = F.engine("h104", ip: "192.168.100.104", containers: [F.container("db")])
        for config in [F.config(links: ["db:database"]), F.config(volumesFrom: ["db:ro"]), F.config(network: "container:db")] {
            #expect(Self.run(.dependency, config, [Self.docker, db], version: .v1_1_3) == .placed(["h104"]))
        }
        #expect(Self.run(.dependency, F.config(links: ["db:database"], volumesFrom: ["data"]), [Self.docker, db], version: .v1_1_3)
                == .refused("Unable to find a node fulfilling all dependencies: --volumes-from=data --link=db:database"))
        #expect(Self.run(.dependency, F.config(network: "container:nope"), [db], version: .v1_1_3)
                == .refused("Unable to find a node fulfilling all dependencies: --net=container:nope"))
    }

    @Test func affinityToAContainerByNameOrID() {
        let web = F.engine("h104", ip: "192.168.100.104", containers: [F.container("web", labels: ["tier": "front"])])
        #expect(Self.run(.affinity, F.config(env: ["affinity:container==web"]), [Self.docker, web], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.affinity, F.config(env: ["affinity:container==\(F.hexID("web"))"]), [Self.docker, web], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.affinity, F.config(env: ["affinity:container!=web"]), [Self.docker, web], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.affinity, F.config(env: ["affinity:tier==front"]), [Self.docker, web], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.affinity, F.config(env: ["affinity:container==db"]), [web], version: .v1_1_3) == .refused("unable to find a node that satisfies container==db"))
    }

    @Test func affinityToAnImageByIDTagOrRepository() {
        let images = F.engine("h104", ip: "192.168.100.104", images: [ClassicImage(id: "0a6ba66e537a", repoTags: ["hello-world:latest"])])
        for value in ["hello-world", "hello-world:latest", "0a6ba66e537a", "hello*"] {
            #expect(Self.run(.affinity, F.config(env: ["affinity:image==\(value)"]), [Self.docker, images], version: .v1_1_3) == .placed(["h104"]))
        }
        #expect(Self.run(.affinity, F.config(env: ["affinity:image==redis"]), [images], version: .v1_1_3) == .refused("unable to find a node that satisfies image==redis"))
    }

    @Test func affinityTextPerVersion() {
        let config = F.config(env: ["affinity:container==db"])
        let own = AffinityFilter.apply(config, F.nodes([Self.docker]), soft: true, version: .v1_2_9)
        #expect(own.map(F.names) == .failure(SchedulingError("unable to find a node that satisfies the affinity container==db")))
    }

    @Test func constraintOnNodeAndEngineLabels() {
        let ssd = F.engine("h104", ip: "192.168.100.104", engineLabels: ["storage=ssd"])
        #expect(Self.run(.constraint, F.config(env: ["constraint:node==h104"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:node==ID-DOCKER"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:storage==ssd"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:storage!=ssd"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:node==/^h1/"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["h104"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:node==d*r"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["docker"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:storagedriver==devicemapper"]), [Self.docker, ssd], version: .v1_1_3) == .placed(["docker", "h104"]))
        #expect(Self.run(.constraint, F.config(env: ["constraint:node==node-3"]), [Self.docker, ssd], version: .v1_1_3)
                == .refused("unable to find a node that satisfies node==node-3"))
        let own = ConstraintFilter.apply(F.config(env: ["constraint:node==node-3"]), F.nodes([Self.docker]), soft: true, version: .v1_2_9)
        #expect(own.map(F.names) == .failure(SchedulingError("unable to find a node that satisfies the constraint node==node-3")))
    }

    @Test func softExpressionsAreSkippedWithoutSoft() {
        let config = F.config(env: ["constraint:node==~nowhere", "affinity:container==~nothing"])
        #expect(Self.run(.constraint, config, [Self.docker], version: .v1_1_3, soft: false) == .placed(["docker"]))
        #expect(Self.run(.affinity, config, [Self.docker], version: .v1_1_3, soft: false) == .placed(["docker"]))
        #expect(Self.run(.constraint, config, [Self.docker], version: .v1_1_3, soft: true) == .refused("unable to find a node that satisfies node==nowhere"))
    }

    @Test func whitelistNamesNodes() {
        let config = F.config(env: ["whitelist:node==h104|e9"])
        #expect(Self.run(.whitelist, config, [Self.docker, Self.h104], version: .v1_2_9) == .placed(["h104"]))
        #expect(Self.run(.whitelist, config, [Self.docker], version: .v1_2_9) == .refused("unable to find a node that satisfies the whitelist node==h104|e9"))
    }

    @Test func anInvalidExpressionIsTheFiltersError() {
        #expect(Self.run(.constraint, F.config(env: ["constraint:n==x"]), [Self.docker], version: .v1_1_3) == .refused("Key 'n' is invalid"))
    }
}
