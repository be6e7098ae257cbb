import Testing
@testable import SimModels
import SimEngine

/// `docker service inspect --pretty`, as docker/cli's template prints it (seed 001's outputs,
/// in the current CLI's layout).
@Suite struct ServiceInspectViewTests {
    typealias F = ControlFixture

    @Test func aServiceTheCLICreatedPrintsItsSections() {
        let hello = F.service("helloworld", image: "alpine") { $0.task.command = ["ping", "docker.com"] }
        let store = F.store(services: [hello])
        #expect(F.handle(.serviceInspect(["helloworld"]), F.context(store, raft: F.raft(["m1"]))) == .query(CommandOutput("""
            ID:             \(hello.id)
            Name:           helloworld
            Service Mode:   Replicated
             Replicas:      1
            Placement:
            UpdateConfig:
             Parallelism:   1
             On failure:    pause
             Monitoring Period: 5s
             Max failure ratio: 0
             Update order:      stop-first
            RollbackConfig:
             Parallelism:   1
             On failure:    pause
             Monitoring Period: 5s
             Max failure ratio: 0
             Rollback order:    stop-first
            ContainerSpec:
             Image:         alpine
             Args:          ping docker.com\u{20}
            Resources:
            Endpoint Mode:  vip
            """)))
    }

    @Test func anUpdatingServiceShowsItsStatusDelayConstraintsAndReservations() {
        var redis = F.service("redis", replicas: 3, image: "redis:3.0.7") { spec in
            spec.update.delay = .seconds(10)
            spec.task.placement.constraints = ["node.role==worker", "node.labels.zone==east"]
            spec.task.placement.spreadOver = ["node.labels.zone"]
            spec.task.reservations = Resources()
            spec.task.reservations.nanoCPUs = 500_000_000
            spec.task.reservations.memoryBytes = 256 << 20
        }
        redis.updateStatus = UpdateStatus(state: .updating, message: "update in progress", startedAt: F.seconds(92))
        let text = ServiceInspectView.pretty(redis, store: F.store(services: [redis]), now: F.seconds(100))
        #expect(text.contains("""
            UpdateStatus:
             State:         updating
             Started:       8 seconds ago
             Message:       update in progress
            Placement:
             Constraints:   [node.role==worker node.labels.zone==east]
             Preferences:   [spread=node.labels.zone]
            UpdateConfig:
             Parallelism:   1
             Delay:         10s
            """))
        #expect(text.contains("Resources:\n Reservations:\n  CPU:          0.5\n  Memory:       256MiB\nEndpoint Mode:  vip"))
    }

    @Test func aServiceNotFoundIsDockerdsError() {
        let store = F.store(services: [F.service("web")])
        #expect(F.handle(.serviceInspect(["nope"]), F.context(store, raft: F.raft(["m1"])))
                == .failure("Error response from daemon: service nope not found"))
    }

    @Test func bytesSizeIsGoUnits() {
        #expect(CLIText.bytesSize(256 << 20) == "256MiB")
        #expect(CLIText.bytesSize(1_929_547_776) == "1.797GiB")
        #expect(CLIText.bytesSize(3 << 29) == "1.5GiB")
        #expect(CLIText.bytesSize(512) == "512B")
    }
}

/// `docker node ps [NODE...]`: the tasks on the nodes, as `docker service ps` prints them.
@Suite struct NodeTasksViewTests {
    typealias F = ControlFixture

    @Test func theTasksOfTheQueriedNodeOrOfTheNodesNamed() {
        let web = F.service("web", replicas: 2)
        let store = F.store(nodes: [F.node("m1", role: .manager), F.node("w1")], services: [web],
                            tasks: [F.task("t1", of: web, slot: 1, node: "m1", at: F.seconds(40)),
                                    F.task("t2", of: web, slot: 2, node: "w1", at: F.seconds(40)),
                                    F.task("t0", of: web, slot: 2, node: "m1", state: .shutdown, desired: .shutdown, at: F.seconds(30))])
        let context = F.context(store, raft: F.raft(["m1"]))
        let rows = F.handle(.nodeTasks([]), context).output.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("ID ") && rows[0].contains("DESIRED STATE"))
        #expect(rows[1].contains(" web.1 ") && rows[1].contains(" m1 ") && rows[1].contains("Running"))
        #expect(rows[2].contains(" web.2 ") && rows[2].contains("Shutdown"))
        let both = F.handle(.nodeTasks(["w1", "nope"]), context)
        #expect(both.output.contains("web.2") && !both.output.contains("web.1"))
        #expect(!both.succeeded)
        #expect(F.handle(.nodeTasks(["nope"]), context) == .failure("Error response from daemon: node nope not found"))
    }
}

/// `-q` and `--no-trunc` on the lists (docker/cli formatters' `ID()` and `Error()`).
@Suite struct ListFormatTests {
    typealias F = ControlFixture

    @Test func quietListsPrintIDsInTheTablesOrder() {
        let web = F.service("web", replicas: 2), api = F.service("api")
        let long = String(repeating: "x", count: 40)
        let store = F.store(nodes: [F.node("m1", role: .manager), F.node("w1")], services: [web, api],
                            tasks: [F.task("t1", of: web, slot: 1, node: "m1"),
                                    F.task("t2", of: web, slot: 2, node: "w1", state: .failed, desired: .shutdown, err: long)])
        let context = F.context(store, raft: F.raft(["m1"]))
        #expect(F.handle(.nodeList(ListFormat(quiet: true)), context).output == "\(F.id("m1"))\n\(F.id("w1"))")
        #expect(F.handle(.serviceList(ListFormat(quiet: true)), context).output
                == "\(F.id("api").rawValue.prefix(12))\n\(F.id("web").rawValue.prefix(12))")
        #expect(F.handle(.serviceTasks(["web"], ListFormat(quiet: true)), context).output
                == "\(F.id("t1").rawValue.prefix(12))\n\(F.id("t2").rawValue.prefix(12))")
        #expect(F.handle(.serviceTasks(["web"], ListFormat(quiet: true, noTrunc: true)), context).output == "\(F.id("t1"))\n\(F.id("t2"))")
        let whole = F.handle(.serviceTasks(["web"], ListFormat(noTrunc: true)), context).output
        #expect(whole.contains("\"\(long)\"") && whole.contains(F.id("t2").rawValue))
        #expect(!F.handle(.serviceTasks(["web"]), context).output.contains(long))
    }
}
