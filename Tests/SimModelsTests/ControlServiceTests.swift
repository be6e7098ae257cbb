import Testing
import SimEngine
@testable import SimModels

/// `docker service create|update|rollback|scale|rm` through the control API, with Docker's texts.
@Suite struct ControlServiceTests {
    typealias F = ControlFixture

    let nodes = [F.node("m1", role: .manager), F.node("w1"), F.node("w2")]
    let web = F.service("web", replicas: 3) { spec in
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
    }
    let app = F.service("app") { $0.mode = .global }
    let backend = NetworkObject(id: F.id("bnet"), name: "backend", subnet: "10.0.1.0/24", gateway: "10.0.1.1")
    let alpha = NetworkObject(id: F.id("anet"), name: "zeta", subnet: "10.0.2.0/24", gateway: "10.0.2.1")

    var context: ControlContext {
        F.context(F.store(nodes: nodes, services: [web, app], networks: [F.ingress, backend, alpha]), raft: F.raft(["m1"]))
    }

    // MARK: - create

    @Test func createProposesTheServiceAndPrintsItsID() throws {
        var spec = ServiceSpec(name: "api", image: "api:2")
        spec.mode = .replicated(replicas: 2)
        spec.networks = ["backend", "zeta"]
        let outcome = F.handle(.serviceCreate(spec), context)
        guard case let .propose(actions, reply) = outcome, case let .createService(service) = actions.first else {
            Issue.record("expected a proposal, got \(outcome)")
            return
        }
        #expect(actions.count == 1)
        #expect(service.id.rawValue.count == 25)
        #expect(reply == service.id.rawValue)
        #expect(service.createdAt == F.seconds(100))
        #expect(service.specVersion == 1)
        // The CLI sorts attachments by network ID ("anet…" < "bnet…").
        #expect(service.spec.networks == ["zeta", "backend"])
        // Same seed, same ID.
        #expect(F.handle(.serviceCreate(spec), context) == outcome)
    }

    @Test func createRefusesANameInUse() {
        let outcome = F.handle(.serviceCreate(ServiceSpec(name: "web", image: "x")), context)
        #expect(outcome == .failure("Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists"))
    }

    @Test func createRefusesAnIngressPortInUse() {
        var spec = ServiceSpec(name: "other", image: "x")
        spec.endpoint.ports = [PortConfig(targetPort: 8000, publishedPort: 8080)]
        let outcome = F.handle(.serviceCreate(spec), context)
        #expect(outcome == .failure("Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (\(web.id)) as an ingress port"))
    }

    @Test func createRefusesAnInvalidConstraint() {
        var spec = ServiceSpec(name: "other", image: "x")
        spec.task.placement.constraints = ["node.role worker"]
        #expect(F.handle(.serviceCreate(spec), context)
            == .failure("Error response from daemon: rpc error: code = InvalidArgument desc = constraint expected one operator from ==, !="))
    }

    @Test func createRefusesAnUnknownNetworkAndTheIngressNetwork() {
        var spec = ServiceSpec(name: "other", image: "x")
        spec.networks = ["nosuch"]
        #expect(F.handle(.serviceCreate(spec), context) == .failure("Error response from daemon: network nosuch not found"))
        spec.networks = ["ingress"]
        #expect(F.handle(.serviceCreate(spec), context)
            == .failure("Error response from daemon: rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network \"ingress\""))
    }

    @Test func createNeedsAnIngressNetworkForPublishedPorts() {
        let store = F.store(nodes: nodes, networks: [])
        var spec = ServiceSpec(name: "other", image: "x")
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 80)]
        #expect(F.handle(.serviceCreate(spec), F.context(store, raft: F.raft(["m1"])))
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = service needs ingress network, but no ingress network is present"))
    }

    // MARK: - update

    @Test func updateKeepsThePreviousSpecAndMovesTheVersionOn() throws {
        var request = ServiceUpdateRequest(service: "web")
        request.image = "nginx:1.26"
        let outcome = F.handle(.serviceUpdate(request), context)
        guard case let .propose(actions, reply) = outcome, actions.count == 1, case let .updateService(updated) = actions[0] else {
            Issue.record("expected an update, got \(outcome)")
            return
        }
        #expect(reply == "web")
        #expect(updated.spec.task.image == "nginx:1.26")
        #expect(updated.previousSpec == web.spec)
        #expect(updated.specVersion == web.specVersion + 1)
        #expect(updated.updateStatus == nil)
    }

    @Test func updateByIDPrefixAndForce() {
        var request = ServiceUpdateRequest(service: "webx")
        request.force = true
        guard case let .propose(actions, reply) = F.handle(.serviceUpdate(request), context), actions.count == 1,
              case let .updateService(updated) = actions[0] else {
            Issue.record("expected an update")
            return
        }
        #expect(reply == "webx")
        #expect(updated.spec.task.forceUpdate == 1)
    }

    @Test func updateAppliesFlagsAsTheCLIDoes() throws {
        var request = ServiceUpdateRequest(service: "web")
        request.constraintsToAdd = ["node.role==worker", "node.labels.zone==east"]
        request.limitNanoCPUs = 500_000_000
        request.portsToAdd = [PortConfig(targetPort: 443, publishedPort: 8443)]
        request.portsToRemove = [PortConfig(targetPort: 80)]
        request.networksToAdd = ["backend"]
        request.updateConfig.parallelism = 2
        var spec = web.spec
        spec.task.limits.memoryBytes = 1 << 20
        let applied = try request.applied(to: spec).get()
        // Constraints are sorted; giving one limit resets the other; ports are sorted.
        #expect(applied.task.placement.constraints == ["node.labels.zone==east", "node.role==worker"])
        #expect(applied.task.limits == Resources(nanoCPUs: 500_000_000, memoryBytes: 0))
        #expect(applied.endpoint.ports == [PortConfig(targetPort: 443, publishedPort: 8443)])
        #expect(applied.networks == ["backend"])
        #expect(applied.update.parallelism == 2)
        var again = ServiceUpdateRequest(service: "web")
        again.networksToAdd = ["backend"]
        #expect(again.applied(to: applied) == .failure(ControlError(.client, "service is already attached to network backend")))
    }

    @Test func updateRefusesReplicasOnAGlobalServiceAndUnknownServices() {
        var request = ServiceUpdateRequest(service: "app")
        request.replicas = 3
        #expect(F.handle(.serviceUpdate(request), context) == .failure("replicas can only be used with replicated or replicated-job mode"))
        #expect(F.handle(.serviceUpdate(ServiceUpdateRequest(service: "nosuch")), context)
            == .failure("Error response from daemon: service nosuch not found"))
    }

    @Test func updateChecksPortConflictsOnlyWhenTheEndpointChanges() {
        var other = F.service("other") { $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 9090)] }
        // A conflicting service already in the store (as if created before the checks existed).
        other.spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
        let store = F.store(nodes: nodes, services: [web, other])
        let context = F.context(store, raft: F.raft(["m1"]))
        var image = ServiceUpdateRequest(service: "other")
        image.image = "x:2"
        #expect(F.handle(.serviceUpdate(image), context).succeeded)
        var port = ServiceUpdateRequest(service: "other")
        port.portsToAdd = [PortConfig(targetPort: 81, publishedPort: 8081)]
        #expect(F.handle(.serviceUpdate(port), context)
            == .failure("Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (\(web.id)) as an ingress port"))
    }

    // MARK: - rollback

    @Test func rollbackWithoutAPreviousSpecIsRefused() {
        #expect(F.handle(.serviceRollback(service: "web"), context)
            == .failure("Error response from daemon: rpc error: code = FailedPrecondition desc = service \(web.id) does not have a previous spec"))
    }

    @Test func rollbackSwapsTheSpecs() {
        var spec = web.spec
        spec.task.image = "nginx:2"
        let updated = web.updated(to: spec)
        var store = context.store
        store.apply(.updateService(updated))
        let context = F.context(store, raft: F.raft(["m1"]), at: 200)
        var request = ServiceUpdateRequest(service: "web")
        request.rollback = true
        let outcome = F.handle(.serviceUpdate(request), context)
        guard case let .propose(actions, reply) = outcome, actions.count == 1, case let .updateService(rolled) = actions[0] else {
            Issue.record("expected a rollback, got \(outcome)")
            return
        }
        #expect(reply == "web")
        #expect(rolled.spec == web.spec)
        #expect(rolled.previousSpec == spec)
        #expect(rolled.updateStatus == UpdateStatus(state: .rollbackStarted, message: "manually requested rollback", startedAt: F.seconds(200)))
        #expect(F.handle(.serviceRollback(service: "web"), context) == outcome)
        request.image = "x"
        #expect(F.handle(.serviceUpdate(request), context) == .failure("other flags may not be combined with --rollback"))
    }

    // MARK: - scale

    @Test func scaleSetsTheReplicaCount() {
        let outcome = F.handle(.serviceScale([ScaleTarget(service: "web", replicas: 8)]), context)
        guard case let .propose(actions, reply) = outcome, actions.count == 1, case let .updateService(updated) = actions[0] else {
            Issue.record("expected a proposal, got \(outcome)")
            return
        }
        #expect(reply == "web scaled to 8")
        #expect(updated.spec.mode == .replicated(replicas: 8))
        #expect(updated.previousSpec == web.spec)
    }

    @Test func scaleRefusesGlobalAndUnknownServicesAndGoesOn() {
        let outcome = F.handle(.serviceScale([ScaleTarget(service: "app", replicas: 2), ScaleTarget(service: "nosuch", replicas: 3),
                                              ScaleTarget(service: "web", replicas: 1)]), context)
        guard case let .partial(actions, reply, error) = outcome else {
            Issue.record("expected a partial outcome, got \(outcome)")
            return
        }
        #expect(actions.count == 1)
        #expect(reply == "web scaled to 1")
        #expect(error == """
            app: scale can only be used with replicated or replicated-job mode
            nosuch: Error response from daemon: service nosuch not found
            """)
        #expect(F.handle(.serviceScale([ScaleTarget(service: "app", replicas: 2)]), context)
            == .failure("app: scale can only be used with replicated or replicated-job mode"))
    }

    @Test func scalingTheSameServiceTwiceSeesTheFirstWrite() {
        let outcome = F.handle(.serviceScale([ScaleTarget(service: "web", replicas: 4), ScaleTarget(service: "web", replicas: 6)]), context)
        guard case let .propose(actions, reply) = outcome, case let .updateService(last) = actions.last else {
            Issue.record("expected a proposal")
            return
        }
        #expect(reply == "web scaled to 4\nweb scaled to 6")
        #expect(last.previousSpec?.mode == ServiceMode.replicated(replicas: 4))
        #expect(last.specVersion == web.specVersion + 2)
    }

    // MARK: - rm

    @Test func removeDeletesTheServicesAndReportsUnknownOnes() {
        #expect(F.handle(.serviceRemove(["web", "app"]), context) == .propose([.deleteService(web.id), .deleteService(app.id)], reply: "web\napp"))
        #expect(F.handle(.serviceRemove(["web", "nosuch", "web"]), context)
            == .partial([.deleteService(web.id)], reply: "web",
                        error: "Error response from daemon: service nosuch not found\nError response from daemon: service web not found"))
    }

    @Test func ambiguousPrefixes() {
        let store = F.store(services: [F.service("ab1"), F.service("ab2")])
        #expect(F.handle(.serviceRemove(["ab"]), F.context(store, raft: F.raft(["m1"])))
            == .failure("Error response from daemon: service ab is ambiguous (2 matches found)"))
    }
}
