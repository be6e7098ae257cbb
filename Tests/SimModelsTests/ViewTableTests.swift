import Testing
import SimEngine
@testable import SimModels

/// Golden tables: `docker node ls`, `docker service ls`, `docker service ps`, `docker info`, laid
/// out as the docker CLI's tabwriter does (minimum width 10, padding 3; empty cells padded).
@Suite struct ViewTableTests {
    typealias F = ControlFixture

    // MARK: - The tabwriter

    @Test func cellsArePaddedToTheWidestPlusThreeAndAtLeastTen() {
        #expect(TableWriter().render([["a", "b"], ["cc", "d"]]) == "a         b\ncc        d")
        #expect(TableWriter().render([["a-long-cell", "x"], ["b", "y"]]) == "a-long-cell   x\nb             y")
        // Empty cells are padded; the text after the last tab is not.
        #expect(TableWriter().render([["a", "", ""], ["b", "c", "d"]]) == "a                   \nb         c         d")
    }

    @Test func columnsAreBlocksOfConsecutiveLines() {
        // The second line has no cell in column 1 (its "e" is trailing text).
        #expect(TableWriter().render([["a", "b-is-long-text", "c"], ["dd", "e"]]) == "a         b-is-long-text   c\ndd        e")
    }

    // MARK: - docker node ls

    @Test func nodeList() {
        let nodes = [F.node("w10", availability: .pause), F.node("m2", role: .manager, state: .down), F.node("w1"),
                     F.node("m1", role: .manager), F.node("w2", availability: .drain)]
        let store = F.store(nodes: nodes)
        let raft = F.raft(["m1", "m2"], unreachable: ["m2"])
        let expected = [
            "ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION",
            "m1xxxxxxxxxxxxxxxxxxxxxxx *   m1         Ready     Active         Leader           27.3.1",
            "m2xxxxxxxxxxxxxxxxxxxxxxx     m2         Down      Active         Unreachable      27.3.1",
            "w1xxxxxxxxxxxxxxxxxxxxxxx     w1         Ready     Active                          27.3.1",
            "w2xxxxxxxxxxxxxxxxxxxxxxx     w2         Ready     Drain                           27.3.1",
            "w10xxxxxxxxxxxxxxxxxxxxxx     w10        Ready     Pause                           27.3.1",
        ].joined(separator: "\n")
        #expect(NodeListView.render(store: store, raft: raft, selfNodeID: F.id("m1")) == expected)
        var random = RandomStream(seed: 1)
        #expect(ControlAPI.handle(.nodeList(), context: F.context(store, raft: raft), random: &random) == .query(CommandOutput(expected)))
    }

    /// A query's table is laid out when first read, from the store it was served from, and once.
    @Test func queryTablesAreLaidOutWhenFirstRead() {
        var store = F.store(nodes: [F.node("m1", role: .manager), F.node("w1")])
        let outcome = F.handle(.nodeList(), F.context(store, raft: F.raft(["m1"])))
        guard case let .query(output) = outcome else {
            Issue.record("docker node ls is not a query: \(outcome)")
            return
        }
        #expect(!output.isRendered)
        store.apply([.deleteNode(F.id("w1"))])  // later writes do not reach the served snapshot
        let text = output.text
        #expect(output.isRendered && text.contains(" w1 ") && output.text == text)
        #expect(outcome.succeeded && outcome.actions.isEmpty && outcome.error.isEmpty && outcome.output == text)
    }

    @Test func managerStatusFromTheLeadersView() {
        let raft = RaftView(members: [RaftView.Member(raftID: 7, nodeID: F.id("m1"), address: "a", reachability: .unreachable),
                                      RaftView.Member(raftID: 8, nodeID: F.id("m2"), address: "b", reachability: .reachable),
                                      RaftView.Member(raftID: 9, nodeID: F.id("m3"), address: "c", reachability: .unknown)],
                            leaderRaftID: 8, selfRaftID: 8)
        #expect(raft.managerStatus(ofNode: F.id("m1")) == "Unreachable")
        #expect(raft.managerStatus(ofNode: F.id("m2")) == "Leader")
        #expect(raft.managerStatus(ofNode: F.id("m3")) == "Unknown")
        #expect(raft.managerStatus(ofNode: F.id("w1")) == "")
    }

    // MARK: - docker service ls

    @Test func serviceList() {
        var api = F.service("api", replicas: 4, image: "api:1") { $0.task.placement.maxReplicasPerNode = 2 }
        api.endpoint.ports = [PortConfig(targetPort: 53, publishedPort: 53, proto: "udp"),
                              PortConfig(targetPort: 82, publishedPort: 8082), PortConfig(targetPort: 81, publishedPort: 8081),
                              PortConfig(targetPort: 90, publishedPort: 9000, publishMode: .host)]
        let app = F.service("app", image: "prom/node-exporter:v1.8.0@sha256:0123abcd") { $0.mode = .global }
        var web = F.service("web", replicas: 3)
        web.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080)]
        let svc2 = F.service("svc2", image: "redis")
        let svc10 = F.service("svc10", replicas: 0, image: "redis")
        let tasks = [
            F.task("a1", of: api, slot: 1, node: "w1"), F.task("a2", of: api, slot: 2, node: "w2"),
            F.task("a3", of: api, slot: 3, node: nil, state: .pending),
            F.task("g1", of: app, slot: 0, node: "w1"), F.task("g2", of: app, slot: 0, node: "w2", state: .preparing),
            F.task("g3", of: app, slot: 0, node: "w3", state: .shutdown, desired: .shutdown),
            F.task("s1", of: web, slot: 1, node: "w1"), F.task("s2", of: web, slot: 2, node: "w2"), F.task("s3", of: web, slot: 3, node: "w1"),
        ]
        let store = F.store(nodes: [F.node("w1"), F.node("w2")], services: [web, svc10, app, svc2, api], tasks: tasks)
        let expected = [
            "ID             NAME      MODE         REPLICAS               IMAGE                       PORTS",
            "apixxxxxxxxx   api       replicated   2/4 (max 2 per node)   api:1                       *:8081-8082->81-82/tcp, *:53->53/udp",
            "appxxxxxxxxx   app       global       1/2                    prom/node-exporter:v1.8.0   ",
            "svc2xxxxxxxx   svc2      replicated   0/1                    redis                       ",
            "svc10xxxxxxx   svc10     replicated   0/0                    redis                       ",
            "webxxxxxxxxx   web       replicated   3/3                    nginx:1.25                  *:8080->80/tcp",
        ].joined(separator: "\n")
        #expect(ServiceListView.render(store: store) == expected)
    }

    @Test func portRanges() {
        func p(_ published: Int, _ target: Int, _ proto: String = "tcp") -> PortConfig {
            PortConfig(targetPort: target, publishedPort: published, proto: proto)
        }
        #expect(ServiceListView.ports([]) == "")
        #expect(ServiceListView.ports([p(80, 80), p(81, 81)]) == "*:80-81->80-81/tcp")
        #expect(ServiceListView.ports([p(81, 80), p(80, 80)]) == "*:80-81->80/tcp")
        // 80->80, 81->81, 82->80: the third overlaps the range's targets and starts a new one.
        #expect(ServiceListView.ports([p(80, 80), p(81, 81), p(82, 80)]) == "*:80-81->80-81/tcp, *:82->80/tcp")
        #expect(ServiceListView.ports([p(53, 53, "udp"), p(53, 53)]) == "*:53->53/tcp, *:53->53/udp")
        #expect(ServiceListView.ports([p(8080, 80), p(9090, 90)]) == "*:8080->80/tcp, *:9090->90/tcp")
    }

    // MARK: - docker service ps

    @Test func serviceTasks() {
        let web = F.service("web", replicas: 3) { $0.endpoint.ports = [PortConfig(targetPort: 80, publishedPort: 8080, publishMode: .host)] }
        let tasks = [
            F.task("t10", of: web, slot: 10, node: "w1", at: F.seconds(0)),
            F.task("t3a", of: web, slot: 3, node: "gone", state: .failed, desired: .shutdown, at: F.seconds(50), err: "task: non-zero exit (1)"),
            F.task("t1a", of: web, slot: 1, node: "w2", state: .running, desired: .shutdown, at: F.seconds(10)),
            F.task("t2", of: web, slot: 2, node: "w1", at: F.seconds(5)),
            F.task("t1b", of: web, slot: 1, node: "w1", at: F.seconds(40)),
            F.task("t3b", of: web, slot: 3, node: nil, state: .pending, at: F.seconds(90),
                   err: "no suitable node (1 node not available for new tasks)"),
        ]
        var store = F.store(nodes: [F.node("w1"), F.node("w2", state: .down)], services: [web], tasks: tasks)
        // Status times differ from creation times.
        func stamp(_ name: String, _ seconds: Int64, _ nanos: Int64 = 0) {
            var status = store.task(F.id(name))!.status
            status.timestamp = F.seconds(seconds) + .nanoseconds(nanos)
            var task = store.task(F.id(name))!
            task.status = status
            store.apply(.updateTask(task))
        }
        stamp("t1b", 56); stamp("t1a", 20); stamp("t2", 30); stamp("t3b", 95); stamp("t3a", 99, 500_000_000)
        let expected = [
            "ID             NAME        IMAGE        NODE                        DESIRED STATE   CURRENT STATE                   ERROR                              PORTS",
            "t1bxxxxxxxxx   web.1       nginx:1.25   w1                          Running         Running 44 seconds ago                                             *:8080->80/tcp",
            "t1axxxxxxxxx    \\_ web.1   nginx:1.25   w2                          Shutdown        Running about a minute ago                                         *:8080->80/tcp",
            "t2xxxxxxxxxx   web.2       nginx:1.25   w1                          Running         Running about a minute ago                                         *:8080->80/tcp",
            "t3bxxxxxxxxx   web.3       nginx:1.25                               Running         Pending 5 seconds ago           \"no suitable node (1 node not …\"   ",
            "t3axxxxxxxxx    \\_ web.3   nginx:1.25   gonexxxxxxxxxxxxxxxxxxxxx   Shutdown        Failed less than a second ago   \"task: non-zero exit (1)\"          ",
            "t10xxxxxxxxx   web.10      nginx:1.25   w1                          Running         Running about a minute ago                                         *:8080->80/tcp",
        ].joined(separator: "\n")
        let context = F.context(store, raft: F.raft(["m1"]), at: 100)
        #expect(F.handle(.serviceTasks(["web"]), context) == .query(CommandOutput(expected)))
        #expect(F.handle(.serviceTasks(["web", "nosuch"]), context) == .partial([], reply: expected, error: "no such service: nosuch"))
        #expect(F.handle(.serviceTasks(["nosuch", "other"]), context) == .failure("no such service: nosuch\nno such service: other"))
    }

    @Test func globalTasksAreNamedAfterTheirNode() {
        let app = F.service("app", image: "agent:1") { $0.mode = .global }
        let store = F.store(nodes: [F.node("w1")], services: [app],
                            tasks: [F.task("g1", of: app, slot: 0, node: "w1", state: .starting, at: F.seconds(97))])
        let rows = TaskListView.rows(services: [app], store: store, now: F.seconds(100))
        #expect(rows == [["g1xxxxxxxxxx", "app.w1xxxxxxxxxxxxxxxxxxxxxxx", "agent:1", "w1", "Running", "Starting 3 seconds ago", "", ""]])
    }

    @Test func errorsAreCutToThirtyColumns() {
        #expect(TaskListView.errorText("") == "")
        #expect(TaskListView.errorText(String(repeating: "e", count: 30)) == "\"" + String(repeating: "e", count: 30) + "\"")
        #expect(TaskListView.errorText(String(repeating: "e", count: 31)) == "\"" + String(repeating: "e", count: 29) + "…\"")
    }

    // MARK: - REPLICAS

    @Test func replicasCountStaleRunningTasksOnDownNodes() {
        // moby/moby#45922: the old task on the DOWN node still reports RUNNING.
        let web = F.service("web", replicas: 1)
        let stale = F.task("old", of: web, slot: 1, node: "w2", state: .running, desired: .shutdown)
        let replacement = F.task("new", of: web, slot: 1, node: "w1", state: .running)
        let store = F.store(nodes: [F.node("w1"), F.node("w2", state: .down)], services: [web], tasks: [stale, replacement])
        #expect(ServiceStatusView.replicas(of: web, in: store) == (running: 2, desired: 1))
        #expect(ServiceStatusView.replicasText(of: web, in: store) == "2/1")
    }

    @Test func globalDesiredCountsTasksDesiredRunning() {
        let app = F.service("app") { $0.mode = .global }
        let tasks = [F.task("g1", of: app, slot: 0, node: "w1"), F.task("g2", of: app, slot: 0, node: "w2", state: .ready),
                     F.task("g3", of: app, slot: 0, node: "w3", state: .running, desired: .shutdown)]
        let store = F.store(services: [app], tasks: tasks)
        #expect(ServiceStatusView.replicas(of: app, in: store) == (running: 2, desired: 2))
    }

    // MARK: - docker info

    @Test func infoOnAManagerWithTheTwoManagerWarning() {
        let store = F.store(nodes: [F.node("m1", role: .manager), F.node("m2", role: .manager), F.node("w1")])
        let expected = """
             Swarm: active
              NodeID: m1xxxxxxxxxxxxxxxxxxxxxxx
              Is Manager: true
              ClusterID: clusterxxxxxxxxxxxxxxxxxx
              Managers: 2
              Nodes: 3
              Default Address Pool: 10.0.0.0/8\("  ")
              SubnetSize: 24
              Data Path Port: 4789
              Orchestration:
               Task History Retention Limit: 5
              Raft:
               Snapshot Interval: 10000
               Number of Old Snapshots to Retain: 0
               Heartbeat Tick: 1
               Election Tick: 10
              Dispatcher:
               Heartbeat Period: 5 seconds
              CA Configuration:
               Expiry Duration: 3 months
               Force Rotate: 0
              Autolock Managers: false
              Root Rotation In Progress: false
              Node Address: 10.0.0.11
              Manager Addresses:
               10.0.0.11:2377
               10.0.0.12:2377

            WARNING: Running Swarm in a two-manager configuration. This configuration provides
                     no fault tolerance, and poses a high risk to lose control over the cluster.
                     Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the
                     Swarm for fault-tolerance.
            """
        #expect(F.handle(.info, F.context(store, raft: F.raft(["m1", "m2"]))) == .query(CommandOutput(expected)))
    }

    @Test func infoOnAWorkerAndWithoutALeader() {
        let store = F.store(nodes: [F.node("m1", role: .manager), F.node("w1")])
        let raft = F.raft(["m1"])
        #expect(InfoView.render(store: store, raft: raft, nodeID: F.id("w1"), settings: InfoSettings()) == """
             Swarm: active
              NodeID: w1xxxxxxxxxxxxxxxxxxxxxxx
              Is Manager: false
              Node Address: 10.0.0.101
              Manager Addresses:
               10.0.0.11:2377
            """)
        var settings = InfoSettings()
        settings.error = "rpc error: code = Unknown desc = The swarm does not have a leader."
        #expect(InfoView.render(store: store, raft: raft, nodeID: F.id("m1"), settings: settings) == """
             Swarm: active
              NodeID: m1xxxxxxxxxxxxxxxxxxxxxxx
              Error: rpc error: code = Unknown desc = The swarm does not have a leader.
              Is Manager: true
              Node Address: 10.0.0.11
              Manager Addresses:
               10.0.0.11:2377
            """)
        settings = InfoSettings()
        settings.localNodeState = "inactive"
        #expect(InfoView.render(store: store, raft: raft, nodeID: F.id("w1"), settings: settings) == " Swarm: inactive")
    }
}
