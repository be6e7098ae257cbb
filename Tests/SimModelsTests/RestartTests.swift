import Testing
import SimEngine
@testable import SimModels

@Suite struct RestartTests {
    let nodes = [Fixture.node("w1"), Fixture.node("w2")]

    /// A harness with `web` (1 replica) running on w1.
    func running(_ configure: (inout ServiceSpec) -> Void = { _ in }) -> (LeaderHarness, TaskObject) {
        var h = LeaderHarness(nodes: nodes)
        h.commit([.createService(Fixture.service("web", replicas: 1, configure: configure))])
        h.converge()
        let task = h.running("web")[0]
        return (h, task)
    }

    func replacement(_ h: LeaderHarness, of old: TaskObject) -> TaskObject? {
        h.live("web").first { $0.id != old.id && $0.slot == old.slot }
    }

    // MARK: - Delays

    @Test func replacementStartsAfterTheDefaultFiveSecondDelay() {
        var (h, old) = running()
        h.now = Fixture.seconds(100)
        h.setStatus(old.id, .failed, "task: non-zero exit (1)")
        h.settle()
        let new = replacement(h, of: old)!
        #expect(new.desiredState == .ready)
        h.advance(to: Fixture.seconds(100) + .milliseconds(4999))
        #expect(h.task(new.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(105))
        #expect(h.task(new.id)?.desiredState == .running)
    }

    @Test func restartDelayFollowsThePolicy() {
        var (h, old) = running { $0.task.restartPolicy.delay = .seconds(10) }
        h.setStatus(old.id, .failed)
        h.settle()
        let new = replacement(h, of: old)!
        h.advance(to: Fixture.seconds(9))
        #expect(h.task(new.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(10))
        #expect(h.task(new.id)?.desiredState == .running)
    }

    @Test func nodeDownReplacementWaitsTheDelayButNotTheOldTask() {
        var (h, old) = running()
        h.setNode(old.nodeID!.rawValue, state: .down)
        h.settle()
        let new = replacement(h, of: old)!
        #expect(h.task(old.id)?.status.state == .running)  // the agent is gone; it never reports
        h.advance(to: Fixture.seconds(5))
        #expect(h.task(new.id)?.desiredState == .running)
        #expect(new.nodeID != old.nodeID)
    }

    @Test func drainReplacementHasNoDelayButWaitsForTheOldTaskToStop() {
        var (h, old) = running()
        h.setNode(old.nodeID!.rawValue, availability: .drain)
        h.settle()
        let new = replacement(h, of: old)!
        #expect(h.task(new.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(30))
        #expect(h.task(new.id)?.desiredState == .ready)
        h.setStatus(old.id, .shutdown, "shutdown")
        h.settle()
        #expect(h.task(new.id)?.desiredState == .running)
        #expect(h.now == Fixture.seconds(30))
    }

    @Test func waitingForTheOldTaskGivesUpAfterOneMinute() {
        var (h, old) = running()
        h.now = Fixture.seconds(10)
        h.setNode(old.nodeID!.rawValue, availability: .drain)
        h.settle()
        let new = replacement(h, of: old)!
        h.advance(to: Fixture.seconds(69))
        #expect(h.task(new.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(70))
        #expect(h.task(new.id)?.desiredState == .running)
    }

    @Test func oldNodeGoingDownEndsTheWait() {
        var (h, old) = running()
        h.setNode(old.nodeID!.rawValue, availability: .drain)
        h.settle()
        let new = replacement(h, of: old)!
        h.advance(to: Fixture.seconds(3))
        h.setNode(old.nodeID!.rawValue, state: .down)
        h.settle()
        #expect(h.task(new.id)?.desiredState == .running)
    }

    @Test func replacementFailingDuringItsDelayIsRestartedAfterTheDelay() {
        var (h, old) = running()
        h.setStatus(old.id, .failed)
        h.settle()
        let first = replacement(h, of: old)!
        h.advance(to: Fixture.seconds(1))
        h.setStatus(first.id, .rejected, "No such image")
        h.settle()
        #expect(h.live("web").map(\.id) == [first.id])
        // Reported again just as the delay ends: still one restart only.
        h.advance(to: Fixture.seconds(4))
        h.now = Fixture.seconds(5)
        h.setStatus(first.id, .rejected, "No such image (again)")
        h.settle()
        #expect(h.task(first.id)?.desiredState == .shutdown)
        #expect(h.live("web").count == 1)
        #expect(h.live("web")[0].id != first.id)
    }

    // MARK: - Conditions

    @Test func conditionNoneNeverReplaces() {
        var (h, old) = running { $0.task.restartPolicy.condition = .none }
        h.setStatus(old.id, .failed)
        h.settle()
        #expect(h.live("web").isEmpty)
        #expect(h.task(old.id)?.desiredState == .shutdown)
    }

    @Test func conditionNoneDoesNotReplaceAReplicaOnADownNode() {
        var (h, old) = running { $0.task.restartPolicy.condition = .none }
        h.setNode(old.nodeID!.rawValue, state: .down)
        h.advance(to: Fixture.seconds(30))
        #expect(h.live("web").isEmpty)
        #expect(h.tasks("web").count == 1)
    }

    @Test func onFailureReplacesFailedButNotCompletedTasks() {
        var (h, old) = running { $0.task.restartPolicy.condition = .onFailure }
        h.setStatus(old.id, .complete, "finished")
        h.settle()
        #expect(h.live("web").isEmpty)

        var (h2, old2) = running { $0.task.restartPolicy.condition = .onFailure }
        h2.setStatus(old2.id, .failed)
        h2.settle()
        #expect(h2.live("web").count == 1)
    }

    @Test func conditionAnyReplacesCompletedTasks() {
        var (h, old) = running()
        h.setStatus(old.id, .complete, "finished")
        h.settle()
        #expect(h.live("web").count == 1)
    }

    // MARK: - Attempts

    /// Fails the live task of `web` and lets the restart happen.
    func failLive(_ h: inout LeaderHarness, at seconds: Int64) {
        h.advance(to: Fixture.seconds(seconds), agents: true)
        h.converge()
        guard let task = h.running("web").first else { return }
        h.setStatus(task.id, .failed)
        h.settle()
    }

    @Test func maxAttemptsLimitsRestartsPerSlot() {
        var (h, _) = running { $0.task.restartPolicy.maxAttempts = 2 }
        failLive(&h, at: 10)
        failLive(&h, at: 20)
        #expect(h.live("web").count == 1)
        failLive(&h, at: 30)
        #expect(h.live("web").isEmpty)
        #expect(h.tasks("web").count == 3)
    }

    @Test func restartsOutsideTheWindowDoNotCount() {
        var (h, _) = running {
            $0.task.restartPolicy.maxAttempts = 1
            $0.task.restartPolicy.window = .seconds(30)
        }
        failLive(&h, at: 10)
        #expect(h.live("web").count == 1)
        failLive(&h, at: 20)
        #expect(h.live("web").isEmpty)

        var (h2, _) = running {
            $0.task.restartPolicy.maxAttempts = 1
            $0.task.restartPolicy.window = .seconds(30)
        }
        failLive(&h2, at: 10)
        failLive(&h2, at: 60)
        #expect(h2.live("web").count == 1)
    }

    @Test func newSpecVersionResetsTheHistory() {
        var (h, _) = running { $0.task.restartPolicy.maxAttempts = 1 }
        failLive(&h, at: 10)
        h.updateService("web") { $0.task.image = "nginx:2" }
        h.advance(to: Fixture.seconds(20), agents: true)
        h.converge()
        failLive(&h, at: 30)
        #expect(h.live("web").count == 1)
    }

    // MARK: - Leader change

    @Test func newLeaderStartsTasksLeftAtDesiredReadyAfterTheRemainingDelay() {
        let web = Fixture.service("web", replicas: 2)
        let recent = Fixture.task("recent", of: web, slot: 1, node: "w1", state: .ready, desired: .ready, at: Fixture.seconds(8))
        let old = Fixture.task("old", of: web, slot: 2, node: "w2", state: .ready, desired: .ready, at: .zero)
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: [recent, old])
        h.now = Fixture.seconds(10)
        h.settle()
        #expect(h.task(old.id)?.desiredState == .running)
        #expect(h.task(recent.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(12))
        #expect(h.task(recent.id)?.desiredState == .ready)
        h.advance(to: Fixture.seconds(13))
        #expect(h.task(recent.id)?.desiredState == .running)
    }

    @Test func newLeaderDeletesTasksOfDeletedServicesAndRestartsStoppedOnes() {
        let web = Fixture.service("web", replicas: 1)
        let ghost = Fixture.service("ghost")
        let tasks = [Fixture.task("orphan", of: ghost, slot: 1, node: "w1"),
                     Fixture.task("failed", of: web, slot: 1, node: "w1", state: .failed)]
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: tasks)
        h.settle()
        #expect(h.task(TaskID("orphan")) == nil)
        #expect(h.task(TaskID("failed"))?.desiredState == .shutdown)
        #expect(h.live("web").count == 1)
    }

    @Test func newLeaderRebuildsRestartHistoryFromTheStore() {
        let web = Fixture.service("web", replicas: 1) { $0.task.restartPolicy.maxAttempts = 1 }
        // Two tasks of the current version in slot 1: one restart already happened.
        let first = Fixture.task("first", of: web, slot: 1, node: "w1", state: .failed, desired: .shutdown, at: .zero)
        let second = Fixture.task("second", of: web, slot: 1, node: "w1", state: .running, at: Fixture.seconds(1))
        var h = LeaderHarness(nodes: nodes, services: [web], tasks: [first, second])
        h.now = Fixture.seconds(10)
        h.settle()
        h.setStatus(second.id, .failed)
        h.settle()
        #expect(h.live("web").isEmpty)
    }
}
