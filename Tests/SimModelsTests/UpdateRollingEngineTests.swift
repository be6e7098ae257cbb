import Testing
@testable import SimModels
import SimEngine

/// Rolling updates and restart policies through the engine: `docker service update` reaches the
/// leader, the update supervisor replaces the tasks, agents run them (SWARM_FACTS §4.2, §4.5).
@Suite struct UpdateRollingEngineTests {
    /// One manager, three workers, `web` with three replicas on the workers, configured by `configure`.
    static func swarm(seed: UInt64, configure: (inout ServiceSpec) -> Void = { _ in }) -> EngineHarness {
        let swarm = EngineHarness(seed: seed, managers: 1, workers: 3)
        swarm.createService("web", replicas: 3) { spec in
            spec.task.placement.constraints = ["node.role == worker"]
            configure(&spec)
        }
        swarm.run(for: .seconds(15))
        return swarm
    }

    static func update(_ service: String, _ change: (inout ServiceUpdateRequest) -> Void) -> ControlCommand {
        var request = ServiceUpdateRequest(service: service)
        change(&request)
        return .serviceUpdate(request)
    }

    /// Watches, at every instant, the running containers of `web`: the fewest and the most, and
    /// when the last one of the old image went away.
    final class Watch {
        var fewest = Int.max
        var most = 0
        var lastOldImageSeen: SimInstant?
        init(_ swarm: EngineHarness, oldImage: String) {
            swarm.simulation.afterEachInstant { [weak self, unowned swarm] now in
                guard let self else { return }
                let containers = swarm.cluster.liveNodes.flatMap { $0.runtime.runningContainers.filter { $0.serviceName == "web" } }
                self.fewest = min(self.fewest, containers.count)
                self.most = max(self.most, containers.count)
                if containers.contains(where: { $0.image == oldImage }) { self.lastOldImageSeen = now }
            }
        }
    }

    func images(_ swarm: EngineHarness) -> [String] {
        swarm.cluster.liveNodes.flatMap { $0.runtime.runningContainers.filter { $0.serviceName == "web" }.map(\.image) }.sorted()
    }

    func status(_ swarm: EngineHarness) -> UpdateStatus? {
        swarm.leaderStore?.service(named: "web")?.updateStatus
    }

    @Test func parallelismOneWithDelayNeverTakesMoreThanOneReplicaDownAndTakesTwentySeconds() throws {
        let swarm = Self.swarm(seed: 51) { spec in
            spec.update.parallelism = 1
            spec.update.delay = .seconds(10)
        }
        let watch = Watch(swarm, oldImage: "nginx:1.25")
        let start = swarm.simulation.now
        #expect(swarm.docker(Self.update("web") { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        #expect(status(swarm)?.state == .updating && status(swarm)?.message == "update in progress")
        swarm.run(for: .seconds(60))
        #expect(watch.fewest == 2, "never more than one replica down")
        #expect(watch.most == 3)
        let finished = try #require(watch.lastOldImageSeen)
        #expect(finished - start >= .seconds(20), "two delays of 10 s between the three slots")
        #expect(images(swarm) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
        #expect(status(swarm)?.state == .completed && status(swarm)?.message == "update completed")
    }

    @Test func startFirstStartsTheNewTaskBeforeStoppingTheOld() throws {
        let swarm = Self.swarm(seed: 52) { spec in
            spec.update.order = .startFirst
        }
        let watch = Watch(swarm, oldImage: "nginx:1.25")
        #expect(swarm.docker(Self.update("web") { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(40))
        #expect(watch.fewest == 3, "start-first never runs fewer than the replicas")
        #expect(watch.most >= 4)
        #expect(images(swarm) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
    }

    @Test func aFailingUpdateIsPaused() throws {
        // The new tasks exit 3 s after starting, within the 5 s monitor; with a 10 s delay the
        // first failure is seen before the second slot is touched.
        let swarm = Self.swarm(seed: 53) { spec in
            spec.update.delay = .seconds(10)
            spec.task.restartPolicy.condition = .none
        }
        #expect(swarm.docker(Self.update("web") {
            $0.image = "nginx:1.26"
            $0.behaviour.failAfter = .seconds(3)
        }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(40))
        let paused = try #require(status(swarm))
        #expect(paused.state == .paused)
        #expect(paused.message.hasPrefix("update paused due to failure or early termination of task "))
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25"], "the other slots were left alone")
        // A paused update stays paused.
        swarm.run(for: .seconds(60))
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25"])
        // A new update clears the pause.
        #expect(swarm.docker(Self.update("web") { $0.image = "nginx:1.27"; $0.behaviour.failAfter = .hours(1) }, via: "m1")?.error == nil)
        #expect(status(swarm)?.state == .updating)
        swarm.run(for: .seconds(40))
        #expect(images(swarm) == ["nginx:1.27", "nginx:1.27", "nginx:1.27"])
    }

    @Test func aFailingUpdateIsRolledBack() throws {
        let swarm = Self.swarm(seed: 54) { spec in
            spec.update.delay = .seconds(10)
            spec.update.failureAction = .rollback
        }
        #expect(swarm.docker(Self.update("web") {
            $0.image = "nginx:1.26"
            $0.behaviour.failAfter = .seconds(3)
        }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(60))
        let rolledBack = try #require(status(swarm))
        #expect(rolledBack.state == .rollbackCompleted, "\(rolledBack)")
        #expect(rolledBack.message == "rollback completed")
        #expect(swarm.leaderStore?.service(named: "web")?.spec.task.image == "nginx:1.25")
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
    }

    @Test func continueUpdatesEverySlotDespiteFailures() throws {
        let swarm = Self.swarm(seed: 55) { spec in
            spec.update.delay = .seconds(5)
            spec.update.failureAction = .continue
            spec.task.restartPolicy.condition = .none
        }
        #expect(swarm.docker(Self.update("web") {
            $0.image = "nginx:1.26"
            $0.behaviour.failAfter = .seconds(2)
        }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(60))
        let store = try #require(swarm.leaderStore)
        let service = try #require(store.service(named: "web"))
        let updated = store.tasks(ofService: service.id).filter { $0.spec.image == "nginx:1.26" }
        #expect(Set(updated.map(\.slot)) == [1, 2, 3])
        #expect(status(swarm)?.state == .completed)
    }

    @Test func maxFailureRatioToleratesSomeFailures() throws {
        // A third of the slots may fail (1 of 3 ≤ 0.4); the second failure (2 of 3) pauses.
        let swarm = Self.swarm(seed: 56) { spec in
            spec.update.delay = .seconds(10)
            spec.update.maxFailureRatio = 0.4
            spec.task.restartPolicy.condition = .none
        }
        #expect(swarm.docker(Self.update("web") {
            $0.image = "nginx:1.26"
            $0.behaviour.failAfter = .seconds(3)
        }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(12))
        #expect(status(swarm)?.state == .updating, "one failure in three is tolerated")
        swarm.run(for: .seconds(40))
        #expect(status(swarm)?.state == .paused)
        #expect(images(swarm) == ["nginx:1.25"], "the third slot was not updated")
    }

    @Test func manualRollbackAndForce() throws {
        let swarm = Self.swarm(seed: 57)
        #expect(swarm.docker(Self.update("web") { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(40))
        #expect(images(swarm) == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])

        #expect(swarm.docker(Self.update("web") { $0.rollback = true }, via: "m1")?.error == nil)
        #expect(status(swarm)?.state == .rollbackStarted && status(swarm)?.message == "manually requested rollback")
        swarm.run(for: .seconds(40))
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
        #expect(status(swarm)?.state == .rollbackCompleted)

        // --force replaces every task with the same spec.
        let store = try #require(swarm.leaderStore)
        let before = Set(store.tasks(ofService: store.service(named: "web")!.id).filter { $0.desiredState == .running }.map(\.id))
        #expect(swarm.docker(Self.update("web") { $0.force = true }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(40))
        let after = try #require(swarm.leaderStore)
        let now = Set(after.tasks(ofService: after.service(named: "web")!.id).filter { $0.desiredState == .running }.map(\.id))
        #expect(now.count == 3 && now.isDisjoint(with: before))
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25", "nginx:1.25"])
    }

    @Test func anUpdateMakesNoProgressWithoutQuorum() throws {
        let swarm = EngineHarness(seed: 58, managers: 3, workers: 3)
        swarm.createService("web", replicas: 3) { spec in
            spec.task.placement.constraints = ["node.role == worker"]
            spec.update.delay = .seconds(20)
        }
        swarm.run(for: .seconds(15))
        #expect(swarm.docker(Self.update("web") { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        swarm.run(for: .seconds(5))
        swarm.crash("m2")
        swarm.crash("m3")
        swarm.run(for: .seconds(60))
        #expect(images(swarm) == ["nginx:1.25", "nginx:1.25", "nginx:1.26"], "the first slot only; nothing after the quorum was lost")
    }
}

/// Restart policies through the engine (SWARM_FACTS §4.2).
@Suite struct UpdateRestartPolicyEngineTests {
    /// Every task of each service the leader's store ever held (the reaper deletes old ones).
    final class TaskLog {
        var seen: [String: Set<TaskID>] = [:]
        init(_ swarm: EngineHarness) {
            swarm.simulation.afterEachInstant { [weak self, unowned swarm] _ in
                guard let self, let store = swarm.leaderStore else { return }
                for service in store.servicesSortedByName {
                    self.seen[service.spec.name, default: []].formUnion(store.tasks(ofService: service.id).map(\.id))
                }
            }
        }
    }

    func attempts(_ log: TaskLog, _ service: String) -> Int {
        log.seen[service]?.count ?? 0
    }

    @Test func onFailureWithMaxAttemptsStopsRestarting() throws {
        let swarm = EngineHarness(seed: 61, managers: 1, workers: 1)
        let log = TaskLog(swarm)
        swarm.createService("flaky", replicas: 1) { spec in
            spec.task.restartPolicy.condition = .onFailure
            spec.task.restartPolicy.delay = .seconds(2)
            spec.task.restartPolicy.maxAttempts = 2
            spec.task.behaviour.failAfter = .seconds(5)
            spec.task.behaviour.exitCode = 3
        }
        swarm.run(for: .seconds(90))
        #expect(attempts(log, "flaky") == 3, "the first task and two restarts")
        #expect(swarm.running("flaky") == 0)
    }

    @Test func onFailureDoesNotRestartACleanExitButAnyDoes() throws {
        let swarm = EngineHarness(seed: 62, managers: 1, workers: 1)
        let log = TaskLog(swarm)
        swarm.createService("job", replicas: 1) { spec in
            spec.task.restartPolicy.condition = .onFailure
            spec.task.behaviour.failAfter = .seconds(5)
            spec.task.behaviour.exitCode = 0
        }
        swarm.createService("loop", replicas: 1) { spec in
            spec.task.behaviour.failAfter = .seconds(5)
            spec.task.behaviour.exitCode = 0
        }
        swarm.run(for: .seconds(40))
        #expect(attempts(log, "job") == 1)
        #expect(attempts(log, "loop") >= 3)
    }

    @Test func conditionNoneLeavesAKilledTaskDown() throws {
        let swarm = EngineHarness(seed: 63, managers: 1, workers: 1)
        let log = TaskLog(swarm)
        swarm.createService("once", replicas: 1) { spec in
            spec.task.restartPolicy.condition = .none
        }
        swarm.run(for: .seconds(10))
        let container = try #require(swarm.cluster.liveNodes.flatMap(\.runtime.runningContainers).first { $0.serviceName == "once" })
        swarm.cluster.liveNodes.first { $0.runtime.container(container.id) != nil }!.runtime.kill(container.id)
        swarm.run(for: .seconds(30))
        #expect(swarm.running("once") == 0)
        #expect(attempts(log, "once") == 1)
    }

    @Test func theRestartDelayIsWaited() throws {
        let swarm = EngineHarness(seed: 64, managers: 1, workers: 1)
        swarm.createService("slow", replicas: 1) { spec in
            spec.task.restartPolicy.delay = .seconds(20)
            spec.task.behaviour.failAfter = .seconds(5)
        }
        // Runs at ~3 s, fails at ~8 s; the replacement starts 20 s later.
        swarm.run(for: .seconds(20))
        #expect(swarm.running("slow") == 0)
        swarm.run(for: .seconds(10))
        #expect(swarm.running("slow") == 1)
    }

    @Test func maxAttemptsCountOnlyWithinTheWindow() throws {
        let swarm = EngineHarness(seed: 65, managers: 1, workers: 1)
        let log = TaskLog(swarm)
        swarm.createService("windowed", replicas: 1) { spec in
            spec.task.restartPolicy.delay = .seconds(1)
            spec.task.restartPolicy.maxAttempts = 1
            spec.task.restartPolicy.window = .seconds(5)
            spec.task.behaviour.failAfter = .seconds(10)
        }
        // Each run lasts 10 s, longer than the 5 s window: every restart is the first in its window.
        swarm.run(for: .seconds(60))
        #expect(attempts(log, "windowed") >= 4)
    }
}
