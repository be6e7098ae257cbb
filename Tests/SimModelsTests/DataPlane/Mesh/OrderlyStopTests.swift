import Testing
import SimEngine
@testable import SimModels

/// What a service's users see while Swarm stops tasks in order: the backend leaves the load
/// balancers 2 s before SIGTERM, and with a health check a task is in them only once healthy
/// (NETWORK_FACTS §3.2, §4; SCENARIO_FORMAT §9).
@Suite struct OrderlyStopTests {
    static func drain(_ name: String) -> ControlCommand {
        var update = NodeUpdateRequest(node: name)
        update.availability = .drain
        return .nodeUpdate(update)
    }

    @Test func aDrainFailsNoRequest() {
        let mesh = DataPlaneHarness(seed: 31, workers: 4)
        mesh.client(via: ["m1", "w1", "w2", "w3", "w4"], rate: 50)
        mesh.swarm.run(for: .seconds(2))
        let node = ["w1", "w2", "w3", "w4"].first { mesh.swarm.running(on: $0) == 1 }!
        #expect(mesh.swarm.docker(Self.drain(node), via: "m1")?.error == nil)
        mesh.swarm.run(for: .seconds(20))
        #expect(mesh.swarm.running(on: node) == 0)
        let records = mesh.log.of("users", to: mesh.now - .seconds(2))
        #expect(records.count > 900)
        #expect(records.allSatisfy { $0.outcome == .ok }, "\(records.filter { $0.outcome != .ok }.prefix(5))")
    }

    @Test func aStopFirstUpdateWithoutHealthCheckRefusesWhileAppsBoot() {
        let mesh = DataPlaneHarness(seed: 32) { spec in spec.task.behaviour.boot = .seconds(2) }
        mesh.client(via: ["m1"], rate: 50)
        #expect(mesh.swarm.docker(DataPlaneHarness.update { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        mesh.swarm.run(for: .seconds(40))
        #expect(mesh.log.count(.refused, "users") > 0)
        #expect(mesh.log.count(.timeout, "users") == 0)
    }

    @Test func aStartFirstUpdateWithHealthCheckRefusesNone() {
        let mesh = DataPlaneHarness(seed: 33) { spec in
            spec.task.behaviour.boot = .seconds(2)
            var check = Healthcheck()
            check.test = ["CMD", "curl", "-f", "http://localhost/"]
            check.interval = .seconds(1)
            spec.task.healthcheck = check
            spec.update.order = .startFirst
        }
        mesh.client(via: ["m1"], rate: 50)
        let start = mesh.now
        #expect(mesh.swarm.docker(DataPlaneHarness.update { $0.image = "nginx:1.26" }, via: "m1")?.error == nil)
        mesh.swarm.run(for: .seconds(40))
        let records = mesh.log.of("users", from: start, to: mesh.now - .seconds(2))
        #expect(records.count > 1500)
        #expect(records.allSatisfy { $0.outcome == .ok }, "\(records.filter { $0.outcome != .ok }.prefix(5))")
        let images = mesh.swarm.cluster.liveNodes.flatMap { $0.runtime.runningContainers.map(\.image) }
        #expect(images == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
    }

    @Test func oneReplicaHasAnOutageOnEveryStopFirstUpdate() {
        let mesh = DataPlaneHarness(seed: 34, replicas: 1)
        mesh.client(via: ["m1"], rate: 20)
        for image in ["nginx:1.26", "nginx:1.27"] {
            let start = mesh.now
            #expect(mesh.swarm.docker(DataPlaneHarness.update { $0.image = image }, via: "m1")?.error == nil)
            mesh.swarm.run(for: .seconds(30))
            #expect(mesh.log.count(.refused, "users", from: start) > 0, "\(image)")
            #expect(mesh.log.of("users", from: mesh.now - .seconds(5), to: mesh.now - .seconds(2)).allSatisfy { $0.outcome == .ok })
        }
    }

    @Test func aHealthCheckKeepsATaskStartingAndOutOfTheLoadBalancerUntilHealthy() {
        let mesh = DataPlaneHarness(seed: 35, replicas: 1) { spec in
            var check = Healthcheck()
            check.test = ["CMD", "true"]
            check.interval = .seconds(30)
            spec.task.healthcheck = check
        }
        // Created 15 s ago, first probe 30 s after its container started: still STARTING.
        let task = mesh.swarm.leaderStore?.tasksSorted.first { $0.serviceName == "web" }
        #expect(task?.status.state == .starting)
        #expect(mesh.plane("m1")?.acceptsPort(8080) == false)
        mesh.swarm.run(for: .seconds(20))
        #expect(mesh.swarm.leaderStore?.tasksSorted.first { $0.serviceName == "web" }?.status.state == .running)
        #expect(mesh.plane("m1")?.enabledBackends(ofService: "web").count == 1)
    }

    @Test func anUnhealthyTaskIsShutDownAndReplaced() throws {
        let mesh = DataPlaneHarness(seed: 36, replicas: 1) { spec in
            var check = Healthcheck()
            check.test = ["CMD", "true"]
            check.interval = .seconds(1)
            check.retries = 3
            spec.task.healthcheck = check
        }
        let first = try #require(mesh.swarm.leaderStore?.tasksSorted.first { $0.serviceName == "web" && $0.status.state == .running })
        let node = try #require(mesh.swarm.cluster.liveNodes.first { $0.runtime.container(first.id.rawValue)?.isRunning == true })
        node.runtime.setHealthFailing(containerID: first.id.rawValue, true)
        mesh.swarm.run(for: .seconds(20))
        let failed = mesh.swarm.leaderStore?.task(first.id)
        #expect(failed?.status.state == .failed)
        #expect(failed?.status.err == "task: non-zero exit (143): dockerexec: unhealthy container")
        let running = mesh.swarm.leaderStore?.tasksSorted.filter { $0.serviceName == "web" && $0.status.state == .running } ?? []
        #expect(running.count == 1 && running.first?.id != first.id)
    }
}
