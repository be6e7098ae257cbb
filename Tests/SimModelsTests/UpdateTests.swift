import Testing
import SimEngine
@testable import SimModels

@Suite struct UpdateTests {
    /// `web` with `replicas` replicas converged on three nodes, with update config `configure`.
    func harness(replicas: Int = 3, _ configure: (inout ServiceSpec) -> Void = { _ in }) -> LeaderHarness {
        var h = LeaderHarness(nodes: [Fixture.node("w1"), Fixture.node("w2"), Fixture.node("w3")])
        h.commit([.createService(Fixture.service("web", replicas: replicas, configure: configure))])
        h.converge()
        return h
    }

    func status(_ h: LeaderHarness) -> UpdateStatus? { h.store.service(named: "web")?.updateStatus }

    func newImage(_ h: LeaderHarness) -> [TaskObject] { h.live("web").filter { $0.spec.image == "nginx:2" } }

    func update(_ h: inout LeaderHarness) {
        h.updateService("web") { $0.task.image = "nginx:2" }
        h.settle()
    }

    // MARK: - Progress

    @Test func stopFirstReplacesOneSlotAtATime() {
        var h = harness()
        update(&h)
        #expect(status(h)?.state == .updating)
        #expect(status(h)?.message == "update in progress")
        let first = newImage(h)
        #expect(first.count == 1)
        #expect(first[0].desiredState == .ready)
        let old = h.tasks("web").filter { $0.slot == first[0].slot && $0.id != first[0].id }
        #expect(old.map(\.desiredState) == [.shutdown])
        // The old task stops, then the new one is started.
        h.runAgents()
        h.settle()
        #expect(h.task(first[0].id)?.desiredState == .running)
        #expect(newImage(h).count == 1)
        h.runAgents()
        h.settle()
        #expect(newImage(h).count == 2)
        h.converge()
        #expect(h.running("web").map(\.spec.image) == ["nginx:2", "nginx:2", "nginx:2"])
        #expect(status(h)?.state == .updating)
        h.advance(by: .seconds(5))
        #expect(status(h)?.state == .completed)
        #expect(status(h)?.message == "update completed")
    }

    @Test func parallelismTwoReplacesTwoSlotsAtOnce() {
        var h = harness { $0.update.parallelism = 2 }
        update(&h)
        #expect(newImage(h).count == 2)
    }

    @Test func parallelismZeroReplacesEverySlotAtOnce() {
        var h = harness { $0.update.parallelism = 0 }
        update(&h)
        #expect(newImage(h).count == 3)
    }

    @Test func delayIsWaitedAfterEachTaskRuns() {
        var h = harness { $0.update.delay = .seconds(10) }
        update(&h)
        h.converge()
        #expect(newImage(h).count == 1)
        h.advance(by: .seconds(9), agents: true)
        #expect(newImage(h).count == 1)
        h.advance(by: .seconds(1), agents: true)
        #expect(newImage(h).count == 2)
    }

    @Test func finalMonitorIsDelayPlusOneSecondWhenTheDelayIsLonger() {
        var h = harness(replicas: 1) { $0.update.delay = .seconds(10) }
        update(&h)
        h.converge()
        #expect(newImage(h).first?.status.state == .running)
        h.advance(to: Fixture.seconds(21) - .milliseconds(1))
        #expect(status(h)?.state == .updating)
        h.advance(to: Fixture.seconds(21))
        #expect(status(h)?.state == .completed)
    }

    @Test func startFirstStartsTheNewTaskBeforeStoppingTheOld() {
        var h = harness(replicas: 1) { $0.update.order = .startFirst }
        let old = h.running("web")[0]
        update(&h)
        h.settle()
        let new = newImage(h)[0]
        #expect(h.task(new.id)?.desiredState == .running)
        #expect(h.task(old.id)?.desiredState == .running)
        h.runAgents()
        h.settle()
        #expect(h.task(old.id)?.desiredState == .shutdown)
    }

    @Test func scalingAloneDoesNotStartAnUpdate() {
        var h = harness()
        h.updateService("web") { $0.mode = .replicated(replicas: 4) }
        h.converge()
        #expect(status(h) == nil)
    }

    @Test func placementOnlyChangeIsIgnoredWhileTheNodeStillMatches() {
        var h = harness()
        h.updateService("web") { $0.task.placement.constraints = ["node.role==worker"] }
        h.converge()
        #expect(status(h) == nil)
        #expect(h.tasks("web").count == 3)
    }

    @Test func forceUpdateReplacesEveryTask() {
        var h = harness()
        let before = Set(h.running("web").map(\.id))
        h.updateService("web") { $0.task.forceUpdate += 1 }
        h.converge()
        h.advance(by: .seconds(5))
        #expect(Set(h.running("web").map(\.id)).isDisjoint(with: before))
        #expect(status(h)?.state == .completed)
    }

    // MARK: - Failures

    /// Starts the update and fails the first replacement once it is running.
    func failFirst(_ h: inout LeaderHarness) -> TaskID {
        update(&h)
        h.runAgents()
        h.settle()
        h.runAgents()
        h.settle()
        let failing = newImage(h).first { $0.status.state == .running }!
        h.setStatus(failing.id, .failed, "task: non-zero exit (1)")
        h.settle()
        return failing.id
    }

    @Test func failureActionPausePausesTheUpdate() {
        var h = harness()
        let failed = failFirst(&h)
        #expect(status(h)?.state == .paused)
        #expect(status(h)?.message == "update paused due to failure or early termination of task \(failed)")
        h.converge()
        h.advance(by: .seconds(30), agents: true)
        h.converge()
        #expect(h.live("web").filter { $0.spec.image == "nginx:2" }.count <= 2)
        #expect(status(h)?.state == .paused)
    }

    @Test func failureActionRollbackRestoresThePreviousSpec() {
        var h = harness { $0.update.failureAction = .rollback }
        let failed = failFirst(&h)
        let service = h.store.service(named: "web")!
        #expect(service.updateStatus?.state == .rollbackStarted)
        #expect(service.updateStatus?.message == "update rolled back due to failure or early termination of task \(failed)")
        #expect(service.spec.task.image == "nginx:latest")
        #expect(service.previousSpec == nil)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        #expect(h.running("web").map(\.spec.image) == ["nginx:latest", "nginx:latest", "nginx:latest"])
        #expect(status(h)?.state == .rollbackCompleted)
        #expect(status(h)?.message == "rollback completed")
    }

    @Test func failureActionContinueIgnoresFailures() {
        var h = harness { $0.update.failureAction = .continue }
        _ = failFirst(&h)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        #expect(status(h)?.state == .completed)
        #expect(h.running("web").allSatisfy { $0.spec.image == "nginx:2" })
    }

    @Test func failuresWithinTheAllowedRatioDoNotPause() {
        var h = harness {
            $0.update.maxFailureRatio = 0.5
        }
        _ = failFirst(&h)
        #expect(status(h)?.state == .updating)
    }

    @Test func failureAfterTheMonitorPeriodDoesNotCount() {
        var h = harness(replicas: 1)
        update(&h)
        h.converge()
        let task = newImage(h)[0]
        h.advance(by: .seconds(4))
        #expect(status(h)?.state == .updating)
        h.advance(by: .seconds(1))
        #expect(status(h)?.state == .completed)
        h.setStatus(task.id, .failed)
        h.settle()
        #expect(status(h)?.state == .completed)
    }

    @Test func failureDuringTheFinalMonitorPausesTheUpdate() {
        var h = harness(replicas: 1)
        update(&h)
        h.converge()
        let task = newImage(h)[0]
        h.advance(by: .seconds(3))
        h.setStatus(task.id, .failed)
        h.settle()
        #expect(status(h)?.state == .paused)
    }

    @Test func pausedUpdateIsNotResumedByReconciles() {
        var h = harness()
        _ = failFirst(&h)
        // A node event makes the orchestrator reconcile again.
        h.commit([.createNode(Fixture.node("w4"))])
        h.converge()
        #expect(status(h)?.state == .paused)
    }

    @Test func newUpdateClearsAPausedOne() {
        var h = harness()
        _ = failFirst(&h)
        h.updateService("web") { $0.task.image = "nginx:3" }
        h.settle()
        #expect(status(h)?.state == .updating)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        #expect(h.running("web").allSatisfy { $0.spec.image == "nginx:3" })
        #expect(status(h)?.state == .completed)
    }

    // MARK: - Manual rollback

    @Test func manualRollbackReturnsToThePreviousSpec() {
        var h = harness()
        update(&h)
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        #expect(status(h)?.state == .completed)
        let rolled = h.store.service(named: "web")!.rolledBackManually(at: h.now)!
        h.commit([.updateService(rolled)])
        h.settle()
        #expect(status(h)?.state == .rollbackStarted)
        #expect(status(h)?.message == "manually requested rollback")
        h.converge()
        h.advance(by: .seconds(10), agents: true)
        #expect(h.running("web").allSatisfy { $0.spec.image == "nginx:latest" })
        #expect(status(h)?.state == .rollbackCompleted)
    }

    @Test func dirtyCheckComparesSpecAndEndpoint() {
        let web = Fixture.service("web")
        let task = Fixture.task("t", of: web, slot: 1, node: "w1")
        #expect(!Orchestration.isTaskDirty(task, service: web, node: Fixture.node("w1")))
        var ports = web
        ports.specVersion = 2
        ports.spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
        #expect(Orchestration.isTaskDirty(task, service: ports, node: Fixture.node("w1")))
        var placed = web
        placed.specVersion = 2
        placed.spec.task.placement.constraints = ["node.labels.zone==east"]
        #expect(Orchestration.isTaskDirty(task, service: placed, node: Fixture.node("w1")))
        #expect(!Orchestration.isTaskDirty(task, service: placed, node: Fixture.node("w1", labels: ["zone": "east"])))
    }
}
