import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// `mode: classic` files (SCENARIO_FORMAT §10) load into a `ClassicScenario`: hosts and roles,
/// the swarm flags, the timeline's actions and the conditions.
@Suite struct ClassicLoaderTests {
    /// Loads `source`, expecting no error.
    static func classic(_ source: String) -> ClassicScenario? {
        let result = ScenarioLoader.load(source: source, file: "c.scn")
        if !result.diagnostics.isEmpty { Issue.record("unexpected errors:\n\(result.renderedDiagnostics)") }
        return result.scenario?.classic
    }

    /// The seed's two hosts: h104 runs Consul, a manager and an engine, docker a manager and an
    /// engine; counts left out are what they provide (one Consul, two managers, two engines).
    @Test func seedHostsFillTheRoles() throws {
        let classic = try #require(Self.classic("""
            scenario: seed
            mode: classic
            nodes:
              h104: {runs: [consul, manager, engine], cpus: 2, memory: 2GiB, labels: {storage: ssd}}
              docker: {runs: [manager, engine], cpus: 4, memory: 4GiB}
            """))
        #expect(classic.hosts.map(\.name) == ["h104", "docker"])
        #expect(classic.settings.consulServers == 1 && classic.settings.managers == 2 && classic.settings.engines == 2)
        #expect(classic.hosts[0].roles == [.consul, .manager, .engine])
        #expect(classic.hosts[1].memoryBytes == 4 << 30 && classic.hosts[1].nanoCPUs == 4_000_000_000)
        #expect(classic.hosts[0].labels == [Label("storage", "ssd")])
        #expect(classic.settings.version == .v1_1_3 && classic.settings.replicationTTL == .seconds(15))
    }

    /// Without `nodes:`, the defaults: one Consul server, one manager, two engines.
    @Test func defaultsGenerateOneOfEachAndTwoEngines() throws {
        let classic = try #require(Self.classic("scenario: x\nmode: classic\n"))
        #expect(classic.hosts.map(\.name) == ["c1", "m1", "e1", "e2"])
        #expect(classic.hosts.map(\.roles) == [[.consul], [.manager], [.engine], [.engine]])
    }

    /// Listed hosts fill the counts first; generated names skip those taken; a listed name
    /// without `runs:` configures the generated host of that name.
    @Test func generatedHostsMakeUpTheRestAndSkipTakenNames() throws {
        let classic = try #require(Self.classic("""
            scenario: x
            mode: classic
            cluster: {version: 1.2.9, consul: 3, managers: 2, engines: 3, strategy: binpack}
            nodes:
              e2: {runs: [engine], cpus: 8}
              e3: {memory: 16GiB, engine_id: "TDJN:N3S4:3NPB:URQ6"}
            """))
        #expect(classic.hosts.map(\.name) == ["e2", "c1", "c2", "c3", "m1", "m2", "e1", "e3"])
        #expect(classic.host(named: "e3")?.memoryBytes == 16 << 30)
        #expect(classic.host(named: "e3")?.engineID == "TDJN:N3S4:3NPB:URQ6")
        #expect(classic.settings.strategy == .binpack)
        #expect(classic.settings.replicationTTL == .seconds(20))
    }

    /// The swarm flags override the release's defaults.
    @Test func clusterTimings() throws {
        let classic = try #require(Self.classic("""
            scenario: x
            mode: classic
            cluster: {heartbeat: 20s, ttl: 60s, replication_ttl: 4s, engine_refresh_min: 5s, engine_refresh_max: 10s, engine_failure_retry: 2}
            """))
        let s = classic.settings
        #expect(s.heartbeat == .seconds(20) && s.ttl == .seconds(60) && s.replicationTTL == .seconds(4))
        #expect(s.engineRefreshMin == .seconds(5) && s.engineRefreshMax == .seconds(10) && s.engineFailureRetry == 2)
    }

    /// Every classic action, with `via:` and `expect:`.
    @Test func timelineActions() throws {
        let classic = try #require(Self.classic("""
            scenario: x
            mode: classic
            cluster: {managers: 2, consul: 3}
            timeline:
              - at 1s: docker info
                via: m2
              - at 2s: docker ps -a
              - at 3s: docker run -d --name web -e constraint:storage==ssd -e affinity:container==db -m 512m -c 1 -p 80:80 --label com.docker.swarm.reschedule-policies=["on-node-failure"] nginx sleep 10
                expect: error "no resources"
              - at 4s: docker rm -f web
              - at 5s: docker stop web
              - at 6s: docker start web
              - at 7s: swarm list
              - at 8s: kill manage@primary
              - at 9s: start join@e2
              - at 10s: kill consul@leader
              - at 11s: kill engine@e1
              - at 12s: crash primary
              - at 13s: partition c1 | c2 c3
              - at 14s: docker info
                via: e1
              - at 15s: heal
            """))
        let actions = classic.timeline.map(\.action)
        #expect(actions[0] == .docker(.info) && classic.timeline[0].via == "m2")
        #expect(actions[1] == .docker(.ps(all: true)))
        guard case .docker(.run(let run)) = actions[2] else { Issue.record("not a run"); return }
        #expect(run.name == "web" && run.detach && run.config.image == "nginx" && run.config.command == ["sleep", "10"])
        #expect(run.config.memory == 512 << 20 && run.config.cpuShares == 1)
        #expect(run.config.portBindings == [ClassicPortBinding(containerPort: "80/tcp", hostPort: "80")])
        #expect(run.config.env == ["constraint:storage==ssd", "affinity:container==db"])
        #expect(run.config.labels["com.docker.swarm.reschedule-policies"] == "[\"on-node-failure\"]")
        #expect(classic.timeline[2].expect == .error(containing: "no resources"))
        #expect(actions[3] == .docker(.rm(name: "web", force: true)))
        #expect(actions[4] == .docker(.stop(name: "web")) && actions[5] == .docker(.start(name: "web")))
        #expect(actions[6] == .swarmList)
        #expect(actions[7] == .process(ClassicProcessAction(verb: .kill, process: .manage, node: .primary)))
        #expect(actions[8] == .process(ClassicProcessAction(verb: .start, process: .join, node: .named("e2"))))
        #expect(actions[9] == .process(ClassicProcessAction(verb: .kill, process: .consul, node: .leader)))
        #expect(actions[10] == .process(ClassicProcessAction(verb: .kill, process: .engine, node: .named("e1"))))
        #expect(actions[11] == .fault(.crash(.primary)))
        #expect(actions[12] == .fault(.partition([[.named("c1")], [.named("c2"), .named("c3")]])))
        #expect(classic.timeline[13].via == "e1")
        #expect(actions[14] == .fault(.heal))
    }

    /// Every classic condition.
    @Test func conditions() throws {
        let classic = try #require(Self.classic("""
            scenario: x
            mode: classic
            cluster: {managers: 2, consul: 3}
            expect:
              - at end: primary is m1
              - by 50s: primary is one of m1, m2
              - at 1s: primary is none
              - always: engine e1 is healthy
              - at end: engine e2 is absent
              - at end: container web is running on e1
              - at end: container web is running
              - at end: container db is absent
              - at end: consul leader is one of c1, c2
              - at end: consul leader is none
              - at end: consul quorum is lost
              - at end: node e1 has at least 2 containers
            """))
        #expect(classic.expectations.map(\.condition) == [
            .primary(.is("m1")), .primary(.oneOf(["m1", "m2"])), .primary(.none), .engine(node: "e1", .healthy),
            .engine(node: "e2", .absent), .containerRunning(name: "web", node: "e1"), .containerRunning(name: "web", node: nil),
            .containerAbsent(name: "db"), .consulLeader(.oneOf(["c1", "c2"])), .consulLeader(.none), .consulQuorum(isOK: false),
            .nodeContainers(node: "e1", .atLeast(2)),
        ])
    }

    /// A Swarm-mode file is unchanged by the mode: no classic part.
    @Test func swarmModeIsTheDefault() throws {
        let scenario = try #require(ScenarioLoader.load(source: "scenario: x\nmode: swarm\n", file: "s.scn").scenario)
        #expect(scenario.classic == nil && scenario.mode == .swarm && scenario.nodeNames == ["m1"])
    }
}

/// `simrun help classic` lists every classic key, action and condition the loader reads.
@Suite struct ClassicReferenceTests {
    @Test func theClassicTopicListsWhatTheLoaderReads() {
        let text = ReferenceText.text(.classic)
        for subject in ScenarioReader.classicConditionSubjects {
            #expect(text.contains("  \(subject) "), "condition '\(subject)' is missing")
        }
        for command in ScenarioReader.classicDockerCommands {
            #expect(text.contains("  docker \(command)"), "'docker \(command)' is missing")
        }
        for word in ScenarioReader.classicFaultWords + ["swarm list", "kill manage@HOST", "start manage@HOST"] {
            #expect(text.contains(word), "'\(word)' is missing")
        }
        #expect(ReferenceText.Topic.allCases.contains(.classic))
    }
}
