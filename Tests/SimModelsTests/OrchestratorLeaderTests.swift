import Testing
import SimEngine
@testable import SimModels

@Suite struct OrchestratorLeaderTests {
    /// A busy scenario: replicated with spread, global, a node failure, a drain, an update.
    static func scenario(seed: UInt64) -> LeaderHarness {
        let nodes = (1...6).map { Fixture.node("n\($0)", labels: ["zone": $0 % 2 == 0 ? "a" : "b"]) }
        var h = LeaderHarness(nodes: nodes)
        h.random = RandomStream(seed: seed)
        h.commit([.createNetwork(Allocator.ingressNetwork(id: NetworkID("ingress"))),
                  .createService(Fixture.service("web", replicas: 7) {
                      $0.task.placement.spreadOver = ["node.labels.zone"]
                      $0.endpoint.ports = [PortConfig(targetPort: 80)]
                  }),
                  .createService(Fixture.globalService("agent"))])
        h.converge()
        h.advance(to: Fixture.seconds(10))
        h.setNode("n3", state: .down)
        h.advance(to: Fixture.seconds(20), agents: true)
        h.setNode("n4", availability: .drain)
        h.converge()
        h.updateService("web") { $0.task.image = "nginx:2" }
        for second in stride(from: Int64(21), through: 60, by: 1) {
            h.advance(to: Fixture.seconds(second), agents: true)
        }
        return h
    }

    @Test func sameInputsAndSeedGiveTheSameDecisions() {
        let a = Self.scenario(seed: 5)
        let b = Self.scenario(seed: 5)
        #expect(a.committed == b.committed)
        #expect(a.store == b.store)
        #expect(a.store.invariantViolations().isEmpty)
        #expect(a.store.service(named: "web")?.updateStatus?.state == .completed)
        #expect(a.running("web").count == 7)
        #expect(a.running("agent").count == 4)
    }

    @Test func nextWakeReportsTheRestartDelay() {
        var h = LeaderHarness(nodes: [Fixture.node("w1")])
        h.commit([.createService(Fixture.service("web"))])
        h.converge()
        #expect(h.leader.nextWake(now: h.now) == nil || h.leader.nextWake(now: h.now)! > h.now)
        h.now = Fixture.seconds(30)
        h.setStatus(h.running("web")[0].id, .failed)
        #expect(h.leader.nextWake(now: h.now) == h.now)  // work queued
        h.settle()
        // The reaper's batch (a task was created) comes first, then the restart delay.
        #expect(h.leader.nextWake(now: h.now) == Fixture.seconds(30) + .milliseconds(250))
        h.now = Fixture.seconds(30) + .milliseconds(250)
        h.settle()
        #expect(h.leader.nextWake(now: h.now) == Fixture.seconds(35))
    }

    @Test func schedulingIsRequestedOnlyWhenTasksWait() {
        var h = LeaderHarness(nodes: [Fixture.node("w1")])
        h.settle()
        #expect(!h.leader.wantsScheduling(store: h.store))
        h.commit([.createService(Fixture.service("web"))])
        h.settle(schedule: false)
        #expect(h.leader.wantsScheduling(store: h.store))
        h.settle()
        #expect(!h.leader.wantsScheduling(store: h.store))
    }
}
