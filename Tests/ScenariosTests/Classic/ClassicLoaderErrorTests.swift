import Testing
@testable import Scenarios

/// Mistakes in classic files, and classic words in Swarm-mode files, are errors in the
/// project's style: line:column, the message, a hint.
@Suite struct ClassicLoaderErrorTests {
    /// The errors of `source`, as `line:column: message | hint`.
    static func errors(_ source: String) -> [String] {
        ScenarioLoader.load(source: source, file: "c.scn").diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.message)" + ($0.hint.map { " | \($0)" } ?? "")
        }
    }

    @Test func unknownModeAndVersion() {
        #expect(Self.errors("scenario: x\nmode: clasic\n") == ["2:7: unknown mode 'clasic' | did you mean 'classic'?"])
        #expect(Self.errors("scenario: x\nmode: classic\ncluster: {version: 1.0.1}\n")
            == ["3:20: unsupported classic Swarm version '1.0.1' | did you mean '1.1.3'? the simulated releases are 1.1.3 and 1.2.9"])
    }

    /// docker/swarm's own flag checks, with its texts.
    @Test func swarmFlagChecks() {
        let errors = Self.errors("""
            scenario: x
            mode: classic
            cluster: {heartbeat: 500ms, ttl: 400ms, engine_refresh_min: 0s, engine_refresh_max: 1s, engine_failure_retry: 0, replication_ttl: 0s, strategy: spred}
            """)
        #expect(errors.contains { $0.hasPrefix("3:22: --heartbeat should be at least one second") })
        #expect(errors.contains { $0.hasPrefix("3:34: --ttl must be strictly superior to the heartbeat value") })
        #expect(errors.contains { $0.hasPrefix("3:61: minimum refresh interval should be a positive number") })
        #expect(errors.contains { $0.hasPrefix("3:111: invalid failure retry count") })
        #expect(errors.contains { $0.hasPrefix("3:131: --replication-ttl should be a positive number") })
        #expect(errors.contains { $0 == "3:145: strategy not supported: 'spred' | did you mean 'spread'?" })
        #expect(errors.count == 6)
    }

    @Test func hostRules() {
        let errors = Self.errors("""
            scenario: x
            mode: classic
            cluster: {engines: 1}
            nodes:
              a: {runs: [engine]}
              b: {runs: [engine, manage]}
              e7: {cpus: 2}
              c: {runs: []}
              primary: {runs: [engine]}
              d: {runs: [engine], role: worker}
            """)
        #expect(errors == [
            "3:20: 'cluster' asks for 1 host running engine, but 'nodes:' lists 2 | raise the count, or leave it out to use the hosts of 'nodes:'",
            "6:22: unknown role 'manage' in 'runs' | did you mean 'manager'?",
            "7:3: host 'e7' is none of the cluster's hosts; give it 'runs:' | write 'e7: {runs: [engine]}' (the cluster's hosts are a, b, c, d, c1, m1)",
            "8:13: a host runs at least one of consul, manager, engine | write 'runs: [manager, engine]'",
            "9:3: 'primary' cannot name a host | 'primary' stands for the host whose manager holds the lock",
            "10:23: 'role' is a Swarm-mode key of a node; this file has 'mode: classic' | a classic host says what it runs with 'runs: [consul, manager, engine]'",
        ])
    }

    @Test func swarmModeWordsInAClassicFile() {
        let errors = Self.errors("""
            scenario: x
            mode: classic
            cluster: {workers: 2}
            services: {web: {image: nginx}}
            timeline:
              - at 1s: docker service ls
              - at 2s: stop m1
              - at 3s: kill web.1
            expect:
              - at end: leader is m1
              - at end: service web is 1/1
              - at end: node e1 is ready
            """)
        #expect(errors == [
            "3:11: 'workers' is a Swarm-mode key of 'cluster'; this file has 'mode: classic' | classic keys of 'cluster' are version, consul, managers, engines, strategy, heartbeat, ttl, replication_ttl, engine_refresh_min, engine_refresh_max, engine_failure_retry, network",
            "4:1: 'services' is a Swarm-mode key; this file has 'mode: classic' | classic Swarm starts containers with 'docker run' in the timeline; remove 'services:' or the 'mode: classic'",
            "6:19: unknown command 'docker service' | 'docker service' is a Swarm-mode command; this file has 'mode: classic' (classic docker commands: info, ps, rm, stop, start, run)",
            "7:12: unknown action 'stop' | 'stop' is a Swarm-mode action; classic actions are docker, swarm, kill, start, crash, restart, partition, isolate, drop, latency, loss, heal",
            "8:17: 'kill' needs PROCESS@HOST, found 'web.1' | usage: kill manage@HOST | join@HOST | consul@HOST | engine@HOST ('primary' and 'leader' may stand for the host)",
            "10:13: unknown condition 'leader' | 'leader' is a Swarm-mode condition; in classic mode write 'primary is NODE' or 'consul leader is ...'",
            "11:13: unknown condition 'service' | 'service' is a Swarm-mode condition; classic conditions start with primary, engine, container, consul, node",
            "12:21: 'node e1 is ...' is a Swarm-mode condition; this file has 'mode: classic' | write 'engine e1 is healthy' or 'node e1 has N containers'",
        ])
    }

    @Test func classicWordsInASwarmFile() {
        let errors = Self.errors("""
            scenario: x
            cluster: {engines: 2}
            nodes:
              m1: {runs: [manager]}
            timeline:
              - at 1s: swarm list
              - at 2s: kill manage@m1
              - at 3s: docker run nginx
              - at 4s: crash primary
            expect:
              - at end: primary is m1
            """)
        let hint = "belongs to classic Swarm 1.x: add 'mode: classic' at the top of the file"
        #expect(errors == [
            "2:11: unknown key 'engines' in 'cluster' | 'engines' \(hint)",
            "4:8: unknown key 'runs' in node 'm1' | 'runs' \(hint)",
            "6:12: unknown action 'swarm' | 'swarm' \(hint)",
            "7:17: unknown service 'manage' in 'kill' | 'kill manage@HOST' \(hint)",
            "8:19: unknown command 'docker run' | 'docker run' through a manager \(hint)",
            "9:18: unknown node 'primary' in 'crash' | 'primary' (the host whose manager holds the lock) \(hint)",
            "11:13: unknown condition 'primary' | the condition 'primary ...' \(hint)",
        ])
    }

    @Test func actionAndConditionMistakes() {
        let errors = Self.errors("""
            scenario: x
            mode: classic
            cluster: {consul: 3}
            timeline:
              - at 1s: kill manager@m1
              - at 2s: kill join@m1
              - at 3s: docker ps
                via: e1
              - at 4s: docker run -m lots nginx
              - at 5s: kill engine@e1
                expect: ok
              - at 6s: docker info
                via: c1
            expect:
              - at end: primary is e1
              - at end: engine m1 is healthy
              - at end: engine e1 is sick
              - at end: consul leader is m1
              - at end: container web is running on e9
            """)
        #expect(errors == [
            "5:17: unknown process 'manager' | did you mean 'manage'?",
            "6:22: host 'm1' runs no join container | the hosts that run engine are e1, e2",
            "8:10: host 'e1' runs no manager | 'via' names the manager the client talks to, as 'docker -H m1:4000'; managers are m1 ('docker info' may also ask an engine)",
            "9:26: invalid size: 'lots' | write a size such as 512m, 1g or 268435456 (bytes)",
            "11:13: 'expect' applies to docker commands, not to faults | use the 'expect:' section to check what a fault causes",
            "15:24: host 'e1' runs no manager | the hosts that run manager are m1",
            "16:20: host 'm1' runs no engine of the cluster | engines are e1, e2",
            "17:26: expected one of healthy, unhealthy, pending, absent after 'engine e1 is', found 'sick'",
            "18:30: host 'm1' runs no Consul server | the hosts that run consul are c1, c2, c3",
            "19:41: unknown node 'e9' in 'container web is running on' | nodes are c1, c2, c3, m1, e1, e2",
        ])
    }
}
