import Testing
import SimEngine
@testable import SimModels

/// The control API's writes applied to a store and fed to the leader's orchestrators, as the
/// manager shell does: what they propose is what the rest of SwarmKit expects.
@Suite struct ControlFlowTests {
    typealias F = ControlFixture

    /// A leader's store and components, driven without Raft.
    struct Leader {
        var store: ClusterStore
        var leader = SwarmLeader()
        var random = RandomStream(seed: 9)
        var now = F.seconds(100)

        init(store: ClusterStore) { self.store = store }

        /// Serves a command and commits what it proposes.
        mutating func run(_ command: ControlCommand) -> ControlOutcome {
            let context = ControlContext(store: store, now: now, raft: F.raft(["m1"]), queriedNodeID: F.id("m1"))
            let outcome = ControlAPI.handle(command, context: context, random: &random)
            commit(outcome.actions)
            return outcome
        }

        mutating func commit(_ actions: [StoreAction]) {
            guard !actions.isEmpty else { return }
            let changes = store.apply(actions)
            leader.observe(changes, store: store, now: now)
        }

        /// Lets the orchestrators, allocator and scheduler work until they have nothing to do.
        mutating func settle() {
            for _ in 0..<50 {
                var actions = leader.nextBatch(store: store, now: now, random: &random)
                if leader.wantsScheduling(store: store) { actions += leader.schedule(store: store, now: now) }
                if actions.isEmpty { return }
                commit(actions)
            }
        }
    }

    @Test func createScaleAndRemoveDriveTheOrchestrator() {
        var leader = Leader(store: F.store(nodes: [F.node("m1", role: .manager), F.node("w1"), F.node("w2")]))
        var spec = ServiceSpec(name: "web", image: "nginx:1.25")
        spec.mode = .replicated(replicas: 2)
        spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
        let created = leader.run(.serviceCreate(spec))
        #expect(created.succeeded)
        leader.settle()
        let web = leader.store.service(named: "web")!
        #expect(web.id.rawValue == created.output)
        #expect(leader.store.tasks(ofService: web.id).count == 2)
        // Allocated but not running yet: 0/2, the published port shown once allocated.
        #expect(ServiceListView.rows(store: leader.store) == [[CLIText.truncateID(web.id.rawValue), "web", "replicated", "0/2", "nginx:1.25", "*:8080->80/tcp"]])

        #expect(leader.run(.serviceScale([ScaleTarget(service: "web", replicas: 4)])).output == "web scaled to 4")
        leader.settle()
        #expect(leader.store.tasks(ofService: web.id).count == 4)
        #expect(ServiceStatusView.replicasText(of: leader.store.service(web.id)!, in: leader.store) == "0/4")

        #expect(leader.run(.serviceRemove(["web"])) == .propose([.deleteService(web.id)], reply: "web"))
        leader.settle()
        #expect(leader.store.service(named: "web") == nil)
        // The orchestrator moved every task to desired REMOVE (the reaper deletes them).
        #expect(leader.store.tasksSorted.allSatisfy { $0.desiredState == .remove })
        #expect(leader.store.invariantViolations().isEmpty)
        #expect(ServiceListView.render(store: leader.store) == "ID        NAME      MODE      REPLICAS   IMAGE     PORTS")
    }

    @Test func nodeRemovalOrphansAndTheOrchestratorReplaces() {
        let web = F.service("web", replicas: 1)
        let task = F.task("t1", of: web, slot: 1, node: "w2", state: .running)
        var leader = Leader(store: F.store(nodes: [F.node("m1", role: .manager), F.node("w1"), F.node("w2", state: .down)],
                                           services: [web], tasks: [task]))
        leader.settle()
        #expect(leader.run(.nodeRemove(["w2"], force: false)).output == "w2")
        leader.settle()
        #expect(leader.store.node(F.id("w2")) == nil)
        #expect(leader.store.task(task.id)?.status.state == .orphaned)
        #expect(leader.store.task(task.id)?.status.message == "Task belonged to a node that has been deleted")
        let running = leader.store.tasks(ofService: web.id).filter { $0.desiredState == .running || $0.desiredState == .ready }
        #expect(running.count == 1 && running[0].id != task.id)
    }
}
