import Testing
import SimEngine
@testable import SimModels

/// The routing mesh through the engine: endpoint entries by gossip, IPVS round robin on every
/// node, refusal where no backend is left (NETWORK_FACTS §1, §3.1).
@Suite struct RoutingMeshTests {
    @Test func everyNodeAcceptsTheIngressPortAndRotatesOverTheTasks() {
        let mesh = DataPlaneHarness(seed: 21)
        for node in ["m1", "w1", "w2", "w3"] {
            #expect(mesh.plane(node)?.acceptsPort(8080) == true, "\(node)")
            #expect(mesh.plane(node)?.enabledBackends(ofService: "web").count == 3, "\(node)")
        }
        // The manager runs no task of web, yet serves it; each connection goes to the next task.
        let answers = (0..<6).map { _ in mesh.curl("m1") }
        let tasks = answers.map { String($0.prefix(5)) }
        #expect(Set(tasks) == ["web.1", "web.2", "web.3"], "\(answers)")
        #expect(Array(tasks[0..<3]) == Array(tasks[3..<6]), "round robin: \(answers)")
        #expect(answers.allSatisfy { $0.contains(" on w") && $0.contains("(10.0.0.") }, "\(answers)")
        #expect(mesh.curl("m1", port: 9090) == "curl: (7) Failed to connect to m1 port 9090: Connection refused")
    }

    @Test func aNodeWithNoBackendRefuses() {
        let mesh = DataPlaneHarness(seed: 22)
        #expect(mesh.curl("w1").hasPrefix("web."))
        #expect(mesh.swarm.docker(DataPlaneHarness.update { $0.replicas = 0 }, via: "m1")?.error == nil)
        mesh.swarm.run(for: .seconds(20))
        for node in ["m1", "w1", "w2", "w3"] {
            #expect(mesh.plane(node)?.acceptsPort(8080) == false, "\(node)")
            #expect(mesh.curl(node) == "curl: (7) Failed to connect to \(node) port 8080: Connection refused")
        }
    }

    @Test func hostModePortsAreBoundOnlyWhereATaskRuns() {
        let mesh = DataPlaneHarness(seed: 23, replicas: 1) { spec in
            spec.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080, publishMode: .host)]
        }
        let running = ["w1", "w2", "w3"].filter { mesh.swarm.running(on: $0) == 1 }
        #expect(running.count == 1)
        for node in ["m1", "w1", "w2", "w3"] {
            let output = mesh.curl(node)
            if running.contains(node) {
                #expect(output.hasPrefix("web.1 on \(node)"), "\(output)")
            } else {
                #expect(output.hasSuffix("Connection refused"), "\(node): \(output)")
            }
        }
    }

    @Test func aWorkerCrashTimesOutItsShareUntilGossipDeclaresItFailed() throws {
        let mesh = DataPlaneHarness(seed: 24)
        mesh.client(via: ["m1"], rate: 50, timeout: .seconds(1))
        mesh.swarm.run(for: .seconds(2))
        let crash = mesh.now
        mesh.swarm.crash("w1")
        mesh.swarm.run(for: .seconds(20))
        #expect(mesh.log.count(.ok, "users", to: crash) == mesh.log.of("users", to: crash).count)
        let timeouts = mesh.log.of("users", from: crash).filter { $0.outcome == .timeout }
        let last = try #require(timeouts.last)
        let window = last.started - crash
        #expect(window >= .seconds(4) && window <= .seconds(8), "timeouts for \(window)")
        // About one new connection in three went to w1's task while m1 still held it.
        let during = mesh.log.of("users", from: crash, to: last.started + .milliseconds(1))
        let share = Double(timeouts.count) / Double(during.count)
        #expect(share > 0.25 && share < 0.42, "\(timeouts.count) of \(during.count)")
        #expect(mesh.log.of("users", from: last.started + .seconds(1)).allSatisfy { $0.outcome == .ok })
        #expect(!mesh.log.of("users").contains { $0.outcome == .refused || $0.outcome == .reset })
    }

    @Test func blockingGossipRemovesTheNodesBackendsElsewhereWhileItStaysReady() {
        let mesh = DataPlaneHarness(seed: 25)
        let w1 = mesh.swarm.host("w1").id
        mesh.simulation.network.deny(7946, on: w1)
        mesh.swarm.run(for: .seconds(30))
        for node in ["m1", "w2", "w3"] {
            let backends = mesh.plane(node)?.enabledBackends(ofService: "web") ?? []
            #expect(backends.count == 2, "\(node)")
            #expect(!backends.contains { $0.host == w1 }, "\(node)")
        }
        #expect(mesh.swarm.nodeObject("w1")?.status.state == .ready)
        #expect(mesh.swarm.running(on: "w1") == 1)
        #expect(mesh.plane("w1")?.enabledBackends(ofService: "web").contains { $0.host == w1 } == true)
    }

    @Test func blockingOverlayTrafficTimesOutTheRequestsRoutedToTheNode() {
        let mesh = DataPlaneHarness(seed: 26)
        let w1 = mesh.swarm.host("w1").id
        mesh.simulation.network.deny(4789, .udp, on: w1)
        let start = mesh.now
        mesh.client(via: ["m1"], rate: 30)
        mesh.swarm.run(for: .seconds(10))
        let records = mesh.log.of("users", from: start, to: mesh.now - .seconds(2))
        let timeouts = records.filter { $0.outcome == .timeout }
        #expect(timeouts.count * 3 >= records.count - 3 && timeouts.count * 3 <= records.count + 3,
                "\(timeouts.count) of \(records.count)")
        #expect(records.filter { $0.outcome == .ok }.allSatisfy { $0.task != nil })
        let okOnW1 = records.contains { $0.outcome == .ok && mesh.swarm.node("w1")?.dataPlane?.localTaskNames.contains($0.task!) == true }
        #expect(!okOnW1, "nothing reached w1's task")
        // Gossip is untouched: m1 still holds w1's backend.
        #expect(mesh.plane("m1")?.enabledBackends(ofService: "web").count == 3)
    }
}

/// A clean daemon stop leaves gossip at once (NETWORK_FACTS §3.2 point 4).
@Suite struct CleanLeaveTests {
    @Test func aCleanStopLeavesGossipWithoutWaitingForTheFailureDetector() {
        let mesh = DataPlaneHarness(seed: 27)
        let w1 = mesh.swarm.host("w1").id
        mesh.swarm.node("w1")?.shutDown()
        mesh.swarm.run(for: .milliseconds(1500))
        #expect(mesh.plane("m1")?.networkDB.status(of: w1) == .left)
        #expect(mesh.plane("m1")?.enabledBackends(ofService: "web").contains { $0.host == w1 } == false)
    }
}
