import Testing
import SimEngine
@testable import SimModels

@Suite struct AllocatorTests {
    static let ingressID = NetworkID("ingress-id")

    /// A harness with the ingress network (as `swarm init` creates it) and a `backend` overlay.
    func harness(extraNetworks: [NetworkObject] = []) -> LeaderHarness {
        var h = LeaderHarness(nodes: [Fixture.node("w1"), Fixture.node("w2")])
        h.commit([.createNetwork(Allocator.ingressNetwork(id: Self.ingressID)),
                  .createNetwork(NetworkObject(id: NetworkID("backend-id"), name: "backend", subnet: "", gateway: ""))]
                 + extraNetworks.map { .createNetwork($0) })
        h.settle()
        return h
    }

    @Test func ingressGetsTheFirstSubnetAndOthersFollowInOrder() {
        let h = harness()
        let ingress = h.store.network(Self.ingressID)!
        #expect(ingress.subnet == "10.0.0.0/24")
        #expect(ingress.gateway == "10.0.0.1")
        #expect(ingress.isIngress)
        #expect(h.store.network(named: "backend")?.subnet == "10.0.1.0/24")
        #expect(h.store.network(named: "backend")?.gateway == "10.0.1.1")
    }

    @Test func givenSubnetsAreKeptAndSkipped() {
        var h = LeaderHarness(nodes: [Fixture.node("w1")])
        h.commit([.createNetwork(NetworkObject(id: NetworkID("mine"), name: "mine", subnet: "10.0.0.0/23", gateway: "10.0.0.1")),
                  .createNetwork(NetworkObject(id: NetworkID("next"), name: "next", subnet: "", gateway: ""))])
        h.settle()
        #expect(h.store.network(named: "mine")?.subnet == "10.0.0.0/23")
        #expect(h.store.network(named: "next")?.subnet == "10.0.2.0/24")
    }

    @Test func serviceGetsOneVirtualIPPerNetworkAndTasksGetAddresses() {
        var h = harness()
        h.commit([.createService(Fixture.service("web", replicas: 2) {
            $0.networks = ["backend"]
            $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
        })])
        h.settle()
        let service = h.store.service(named: "web")!
        #expect(service.endpoint.virtualIPs == [NetworkAddress(networkID: NetworkID("backend-id"), address: "10.0.1.2/24"),
                                                NetworkAddress(networkID: Self.ingressID, address: "10.0.0.2/24")])
        let tasks = h.tasks("web")
        #expect(tasks.map { $0.networks.map(\.address) } == [["10.0.1.3/24", "10.0.0.3/24"], ["10.0.1.4/24", "10.0.0.4/24"]])
        #expect(h.committed.joined().contains { action in
            if case let .allocateTask(_, _, status) = action {
                return status.state == .pending && status.message == "pending task scheduling"
            }
            return false
        })
    }

    @Test func servicesWithoutPublishedPortsDoNotJoinIngress() {
        var h = harness()
        h.commit([.createService(Fixture.service("db") { $0.networks = ["backend"] })])
        h.settle()
        #expect(h.store.service(named: "db")?.endpoint.virtualIPs.map(\.networkID) == [NetworkID("backend-id")])
        #expect(h.tasks("db")[0].networks.map(\.networkID) == [NetworkID("backend-id")])
    }

    @Test func unknownOrIngressNetworksAreRefused() {
        let h = harness()
        var spec = Fixture.spec("web")
        spec.networks = ["nope"]
        #expect(ServiceSpecValidation.validateCreate(spec, store: h.store) == "network nope not found")
        spec.networks = ["ingress"]
        #expect(ServiceSpecValidation.validateCreate(spec, store: h.store)
                == "Service cannot be explicitly attached to the ingress network \"ingress\"")
        spec.networks = ["backend"]
        #expect(ServiceSpecValidation.validateCreate(spec, store: h.store) == nil)
    }

    @Test func unpublishedIngressPortsGetDynamicPortsFrom30000() {
        var h = harness()
        h.commit([.createService(Fixture.service("a") { $0.endpoint.ports = [PortConfig(targetPort: 80)] }),
                  .createService(Fixture.service("b") { $0.endpoint.ports = [PortConfig(targetPort: 80), PortConfig(targetPort: 443)] })])
        h.settle()
        #expect(h.store.service(named: "a")?.endpoint.ports.map(\.publishedPort) == [30000])
        #expect(h.store.service(named: "b")?.endpoint.ports.map(\.publishedPort) == [30001, 30002])
        // Kept across an update that leaves the port alone.
        h.updateService("a") { $0.task.image = "nginx:2" }
        h.settle()
        #expect(h.store.service(named: "a")?.endpoint.ports.map(\.publishedPort) == [30000])
        // Freed when the service goes.
        h.commit([.deleteService(ServiceID("a"))])
        h.commit([.createService(Fixture.service("c") { $0.endpoint.ports = [PortConfig(targetPort: 80)] })])
        h.settle()
        #expect(h.store.service(named: "c")?.endpoint.ports.map(\.publishedPort) == [30000])
    }

    @Test func addressesAreHandedOutSeriallyAndWrapAround() {
        var pool = AddressPool(base: IPv4.parse("10.0.9.0")!, prefix: 29)
        let first = (0..<5).compactMap { _ in pool.allocate() }.map(IPv4.format)
        #expect(first == ["10.0.9.2", "10.0.9.3", "10.0.9.4", "10.0.9.5", "10.0.9.6"])
        #expect(pool.allocate() == nil)
        pool.release(IPv4.parse("10.0.9.3")!)
        #expect(pool.allocate().map(IPv4.format) == "10.0.9.3")
    }

    @Test func newLeaderRebuildsPoolsFromTheStore() {
        var h = harness()
        h.commit([.createService(Fixture.service("web", replicas: 2) { $0.networks = ["backend"] })])
        h.settle()
        // A new leader takes over with the same store and scales the service.
        var next = LeaderHarness(store: h.store)
        next.random = RandomStream(seed: 99)  // the new leader's own stream
        next.now = Fixture.seconds(20)
        next.settle()
        next.updateService("web") { $0.mode = .replicated(replicas: 3) }
        next.settle()
        let addresses = next.tasks("web").flatMap { $0.networks.map(\.address) }
        #expect(Set(addresses).count == 3)
        #expect(!addresses.contains("10.0.1.2/24"))  // the VIP
    }

    // MARK: - Control API checks

    @Test func ingressPortConflictIsRefusedWithDockerText() {
        let web = Fixture.service("web") { $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)] }
        let store = Fixture.store(services: [web])
        var spec = Fixture.spec("api")
        spec.endpoint.ports = [PortConfig(targetPort: 3000, publishedPort: 8080)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store)
                == "port '8080' is already in use by service 'web' (web) as an ingress port")
        spec.endpoint.ports = [PortConfig(targetPort: 3000, publishedPort: 8080, publishMode: .host)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store)
                == "port '8080' is already in use by service 'web' (web) as an ingress port")
        spec.endpoint.ports = [PortConfig(targetPort: 3000, publishedPort: 8080, proto: "udp")]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store) == nil)
    }

    @Test func dynamicallyAllocatedPortsConflictToo() {
        var h = harness()
        h.commit([.createService(Fixture.service("web") { $0.endpoint.ports = [PortConfig(targetPort: 80)] })])
        h.settle()
        var spec = Fixture.spec("api")
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 30000)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: h.store)
                == "port '30000' is already in use by service 'web' (web) as an ingress port")
    }

    @Test func hostPortsMayBeSharedButNotWithIngress() {
        let edge = Fixture.service("edge") { $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 80, publishMode: .host)] }
        let store = Fixture.store(services: [edge])
        var spec = Fixture.spec("other")
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 80, publishMode: .host)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store) == nil)
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 80)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store)
                == "port '80' is already in use by service 'edge' (edge) as a host-published port")
    }

    @Test func updatingAServiceDoesNotConflictWithItself() {
        let web = Fixture.service("web") { $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)] }
        let store = Fixture.store(services: [web])
        var spec = web.spec
        spec.task.image = "nginx:2"
        #expect(ServiceSpecValidation.validateUpdate(spec, of: web, store: store) == nil)
        spec.name = "web2"
        #expect(ServiceSpecValidation.validateUpdate(spec, of: web, store: store) == "renaming services is not supported")
        spec = web.spec
        spec.mode = .global
        #expect(ServiceSpecValidation.validateUpdate(spec, of: web, store: store) == "service mode change is not allowed")
    }

    @Test func specChecksGiveSwarmKitTexts() {
        let store = Fixture.store(services: [Fixture.service("web")])
        var spec = Fixture.spec("api")
        spec.task.placement.constraints = ["node.role=manager"]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store) == "constraint expected one operator from ==, !=")
        spec = Fixture.spec("api")
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080), PortConfig(targetPort: 81, publishedPort: 8080)]
        #expect(ServiceSpecValidation.validateCreate(spec, store: store) == "EndpointSpec: duplicate published ports provided")
        #expect(ServiceSpecValidation.validateCreate(Fixture.spec("web"), store: store) == "name conflicts with an existing object")
    }
}
