import Testing
@testable import Scenarios

/// Errors have the right message, line:column, caret and hint; all of them are reported.
@Suite struct LoaderErrorTests {
    typealias T = LoaderTestSupport

    /// The example of SCENARIO_FORMAT §2, rendered in full (the caret under the node word).
    @Test func goldenUnknownNodeOfTheFormat() {
        let result = ScenarioLoader.load(source: T.fixture("failover-unknown-node.scn"), file: "scenarios/failover.scn")
        #expect(result.scenario == nil)
        #expect(result.renderedDiagnostics == """
            scenarios/failover.scn:14:51: error: unknown node 'w9' in 'docker node update'
                - at 70s: docker node update --availability drain w9
                                                                  ^~
            hint: nodes are m1, m2, m3, w1, w2, w3, w4

            """)
    }

    /// Every error of a file full of mistakes, in order, rendered.
    @Test func goldenManyErrors() {
        let result = ScenarioLoader.load(source: T.fixture("many-errors.scn"), file: "scenarios/many-errors.scn")
        #expect(result.diagnostics.count == 10)
        #expect(result.renderedDiagnostics == """
            scenarios/many-errors.scn:2:7: error: seed '99999999999999999999999' is too large
                seed: 99999999999999999999999
                      ^~~~~~~~~~~~~~~~~~~~~~~
            hint: the seed is a whole number from 0 to 18446744073709551615
            scenarios/many-errors.scn:6:3: error: unknown key 'wrokers' in 'cluster'
                  wrokers: 2
                  ^~~~~~~
            hint: did you mean 'workers'?
            scenarios/many-errors.scn:11:17: error: replicas must be a whole number, got '2.5'
                      replicas: 2.5
                                ^~~
            hint: write a whole number from 0 to 100000
            scenarios/many-errors.scn:12:35: error: invalid restart condition 'always'
                      restart_policy: {condition: always}
                                                  ^~~~~~
            hint: the conditions are none, on-failure and any
            scenarios/many-errors.scn:14:13: error: unknown action 'partiton'
                  - at 10s: partiton m1 | m2 m3
                            ^~~~~~~~
            hint: did you mean 'partition'?
            scenarios/many-errors.scn:15:34: error: unknown service 'api' in 'docker service scale'
                  - at 20s: docker service scale api=3
                                                 ^~~
            hint: services are web
            scenarios/many-errors.scn:16:44: error: unknown flag '--replica' in 'docker service create'
                  - at 30s: docker service create --name x --replica 3 nginx
                                                           ^~~~~~~~~
            hint: did you mean '--replicas'?
            scenarios/many-errors.scn:17:8: error: at 90s is after the end of the run (duration 1m0s)
                  - at 90s: heal
                       ^~~
            hint: make 'duration:' longer, or the entry earlier
            scenarios/many-errors.scn:19:34: error: unknown node 'm9' in 'leader is one of'
                  - by 50s: leader is one of m2, m9
                                                 ^~
            hint: nodes are m1, m2, m3
            scenarios/many-errors.scn:20:23: error: expected one of ok, lost after 'quorum is', found 'fine'
                  - at end: quorum is fine
                                      ^~~~

            """)
    }

    /// (message, line, column, hint) of every diagnostic of `source`.
    private func problems(_ source: String) -> [String] {
        T.load(source).diagnostics.map { d in
            "\(d.location.line):\(d.location.column) \(d.message)" + (d.hint.map { " | \($0)" } ?? "")
        }
    }

    @Test func emptyAndMalformedFiles() {
        #expect(problems("") == ["1:1 empty scenario file | a scenario starts with 'scenario: A SHORT TITLE'"])
        #expect(problems("# nothing\n\n") == ["1:1 empty scenario file | a scenario starts with 'scenario: A SHORT TITLE'"])
        #expect(problems("- a\n") == ["1:1 a scenario file is a mapping of keys (scenario:, cluster:, timeline:...), found a sequence"])
        #expect(problems("seed: 3\n") == ["1:1 missing required key 'scenario' | add 'scenario: A SHORT TITLE' at the top of the file"])
        #expect(problems("scenario:\n") == ["1:10 missing value for 'scenario'"])
        #expect(problems("scenario: [a]\n") == ["1:11 expected a single value for 'scenario', found a sequence"])
        #expect(problems("scenario: t\nsceanrio: u\n") == ["2:1 unknown key 'sceanrio' in the scenario | did you mean 'scenario'?"])
        #expect(T.load("scenario: t\nseed: 1\nseed: 2\n").diagnostics.count == 1)  // the parser's duplicate key
    }

    @Test func topLevelValues() {
        #expect(problems("scenario: t\nseed: 99999999999999999999999\n")
                == ["2:7 seed '99999999999999999999999' is too large | the seed is a whole number from 0 to 18446744073709551615"])
        #expect(problems("scenario: t\nseed: -1\n") == ["2:7 seed must not be negative, got '-1' | the seed is a whole number from 0 to 18446744073709551615"])
        #expect(problems("scenario: t\nseed: seven\n") == ["2:7 seed must be a whole number, got 'seven' | the seed is a whole number from 0 to 18446744073709551615"])
        #expect(problems("scenario: t\nduration: 10\n")
                == ["2:11 missing unit in duration '10' | durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h"])
        #expect(problems("scenario: t\nduration: 5y\n")
                == ["2:11 unknown unit 'y' in duration '5y' | durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h"])
        #expect(problems("scenario: t\nduration: 99999999999h\n").first?.hasPrefix("2:11 invalid duration '99999999999h'") == true)
        #expect(problems("scenario: t\nduration: 20000h\n").first?.hasPrefix("2:11 duration '20000h' is too long") == true)
    }

    @Test func clusterValues() {
        #expect(problems("scenario: t\ncluster: {managers: 1000}\n") == ["2:21 managers '1000' is too large | write a whole number from 1 to 99"])
        #expect(problems("scenario: t\ncluster: {workers: 1.5}\n") == ["2:20 workers must be a whole number, got '1.5' | write a whole number from 0 to 10000"])
        #expect(problems("scenario: t\ncluster:\n  raft: {election_tick: 1}\n")
                == ["3:25 election_tick (1) must be greater than heartbeat_tick (1) | SwarmKit uses election_tick 10 and heartbeat_tick 1"])
        #expect(problems("scenario: t\ncluster:\n  raft: {tick: 1us}\n") == ["3:16 tick must be at least 1ms, got '1us'"])
        #expect(problems("scenario: t\ncluster:\n  network: {loss: 5}\n") == ["3:19 expected a percentage, got '5' | percentages are written as 0%, 20% or 0.5%"])
        #expect(problems("scenario: t\ncluster:\n  netwrok: {}\n") == ["3:3 unknown key 'netwrok' in 'cluster' | did you mean 'network'?"])
        #expect(problems("scenario: t\ncluster:\n  dispatcher: {heartbeat: 1s}\n")
                == ["3:16 unknown key 'heartbeat' in 'dispatcher' | the keys of 'dispatcher' are heartbeat_period"])
    }

    @Test func nodeValues() {
        #expect(problems("scenario: t\ncluster: {workers: 1}\nnodes:\n  w1: {role: manager}\n")
                == ["4:14 node 'w1' is a worker of 'cluster:'; it cannot have role manager | remove 'role:', or define the node under another name"])
        #expect(problems("scenario: t\nnodes:\n  db: {cpus: 2}\n")
                == ["3:3 node 'db' is not one of the nodes of 'cluster:'; give it a role | write 'db: {role: worker}' or 'db: {role: manager}' (the cluster's nodes are m1)"])
        #expect(problems("scenario: t\nnodes:\n  leader: {role: worker}\n")
                == ["3:3 'leader' cannot name a node | 'leader' stands for the current leader in actions"])
        #expect(problems("scenario: t\nnodes:\n  m1: {cpus: -1, memory: lots, joined: maybe, colour: red}\n") == [
            "3:14 cpus must be a decimal number, got '-1' | CPUs are written as a decimal, such as 0.5 or 2",
            "3:26 invalid size 'lots' | sizes are written as 512MiB, 8GiB, 256M or 1G (powers of 1024)",
            "3:40 joined must be true or false, got 'maybe'",
            "3:47 unknown key 'colour' in node 'm1' | the keys of node 'm1' are cpus, memory, labels, engine_labels, role, joined",
        ])
    }

    @Test func serviceValues() {
        let source = """
            scenario: t
            services:
              web:
                image: nginx
                ports: ["80:80:80", {target: 0}, "8080:80/tcpx"]
                deploy:
                  mode: daemon
                  replicas: -2
                  placement: {constraints: [node.rol == worker, "node.labels.zone"], preferences: [{spread: zone}]}
                  restart_policy: {condition: always, delay: 5}
              db:
                command: run
              'bad name':
                image: x

            """
        #expect(problems(source) == [
            "5:13 a host IP in port '80:80:80' is not supported in swarm mode | ports are written as \"80\", \"8080:80\", \"8080:80/udp\" or \"8000-8001:80-81\"",
            "5:34 target port must be at least 1, got '0' | write a whole number from 1 to 65535",
            "5:38 invalid protocol 'tcpx' | the protocols are tcp, udp and sctp",
            "7:13 invalid mode 'daemon' | the modes are replicated and global",
            "8:17 replicas must not be negative, got '-2' | write a whole number from 0 to 100000",
            "9:33 unknown attribute 'node.rol' in constraint 'node.rol == worker' | did you mean 'node.role'?",
            "9:53 constraint 'node.labels.zone' needs an operator, == or != | constraints are written as node.role == worker, node.labels.zone != east, node.hostname == w1",
            "9:97 cannot spread over 'zone' | spread over a label: node.labels.KEY or engine.labels.KEY",
            "10:35 invalid restart condition 'always' | the conditions are none, on-failure and any",
            "10:50 missing unit in duration '5' | durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h",
            "12:5 missing required key 'image' in service 'db' | add 'image: IMAGE', such as 'image: nginx:1.25'",
            "13:3 invalid service name 'bad name' | only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
        ])
    }

    @Test func unknownComposeKeysGetSuggestions() {
        let source = "scenario: t\nservices:\n  web:\n    image: x\n    deploy: {replica: 2, update_config: {paralelism: 2}}\n    x-sim: {fail-after: 1s}\n    healthchek: {}\n"
        #expect(problems(source) == [
            "5:14 unknown key 'replica' in 'deploy' | did you mean 'replicas'?",
            "5:42 unknown key 'paralelism' in 'update_config' | did you mean 'parallelism'?",
            "6:13 unknown key 'fail-after' in 'x-sim' | did you mean 'fail_after'?",
            "7:5 unknown key 'healthchek' in service 'web' | did you mean 'healthcheck'?",
        ])
    }

    @Test func commandErrors() {
        let cases: [(String, String)] = [
            ("partiton m1 | m2", "unknown action 'partiton' | did you mean 'partition'?"),
            ("dokcer info", "unknown action 'dokcer' | did you mean 'docker'?"),
            ("docker", "missing command after 'docker' | docker commands: swarm, node, service, network, exec, info, ps"),
            ("docker servce ls", "unknown command 'docker servce' | did you mean 'docker service'?"),
            ("docker service scael web=2", "unknown command 'docker service scael' | did you mean 'docker service scale'?"),
            ("docker node", "missing command after 'docker node' | 'docker node' commands: update, promote, demote, rm, ls, ps, inspect"),
            ("docker node update --availability drain w9", "unknown node 'w9' in 'docker node update' | nodes are m1, m2, m3, w1, w2, w3, w4"),
            ("docker node update --availabilty drain w1", "unknown flag '--availabilty' in 'docker node update' | did you mean '--availability'?"),
            ("docker node update --availability", "flag '--availability' needs a value"),
            ("docker node update --availability drain", "'docker node update' requires exactly 1 argument | usage: docker node update [--availability active|pause|drain] [--role manager|worker] [--label-add KEY=VALUE] [--label-rm KEY] NODE"),
            ("docker node update --role boss w1", "invalid role 'boss' | the roles are manager and worker"),
            ("docker node promote", "'docker node promote' requires at least 1 argument | usage: docker node promote NODE [NODE...]"),
            ("docker node ls -a", "unknown flag '-a' in 'docker node ls' | did you mean '-q'?"),
            ("docker node ls w1", "'docker node ls' accepts no arguments | usage: docker node ls [-q] [--filter KEY=VALUE]"),
            ("docker swarm init m1", "'docker swarm init' accepts no arguments | usage: docker swarm init [--force-new-cluster]"),
            ("docker swarm join m1", "'docker swarm join' needs --token | write a token (SWMTKN-1-...), or worker or manager for the token `docker swarm join-token` prints then"),
            ("docker swarm join --token worker --availability off m1", "invalid availability 'off' | the availabilities are active, pause and drain"),
            ("docker swarm join-token", "'docker swarm join-token' requires exactly 1 argument | usage: docker swarm join-token [-q] [--rotate] worker|manager"),
            ("docker service inspect web", "only 'docker service inspect --pretty' is simulated | usage: docker service inspect --pretty SERVICE [SERVICE...]"),
            ("docker swarm join-token boss", "unknown role boss | usage: docker swarm join-token [-q] [--rotate] worker|manager"),
            ("docker swarm join --token worker m1:2378", "managers listen on port 2377, not '2378' | write MANAGER or MANAGER:2377"),
            ("docker swarm leave --force=maybe", "flag '--force' is true or false, not 'maybe'"),
            ("docker service create --name web", "'docker service create' requires at least 1 argument | usage: docker service create --name NAME [OPTIONS] IMAGE [COMMAND] [ARG...]"),
            ("docker service create --name 'a b' nginx", "invalid service name 'a b' | only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"),
            ("docker service create --name x --replicas three nginx", "replicas must be a whole number, got 'three' | write a whole number from 0 to 100000"),
            ("docker service create --name x --replicas=-1 nginx", "replicas must not be negative, got '-1' | write a whole number from 0 to 100000"),
            ("docker service create --name x --restart-condition always nginx", "invalid restart condition 'always' | the conditions are none, on-failure and any"),
            ("docker service create --name x --update-delay 10 nginx", "missing unit in duration '10' | durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h"),
            ("docker service create --name x --placement-pref zone nginx", "invalid placement preference 'zone' | write spread=node.labels.KEY"),
            ("docker service create --name x --mode job nginx", "invalid mode 'job' | the modes are replicated and global"),
            ("docker service create --name x --image y nginx", "unknown flag '--image' in 'docker service create' | '--image' is a flag of 'docker service update'"),
            ("docker service create --name x --publish published=80,port=80 nginx", "invalid field 'port' in port 'published=80,port=80' | the fields are target, published, protocol and mode"),
            ("docker service update --replicas 2", "'docker service update' requires exactly 1 argument | usage: docker service update [OPTIONS] SERVICE"),
            ("docker service update --image x db", "unknown service 'db' in 'docker service update' | services are web, app"),
            ("docker service update --name x web", "unknown flag '--name' in 'docker service update' | '--name' is a flag of 'docker service create'"),
            ("docker service update --rollback --force web", "other flags may not be combined with --rollback"),
            ("docker service scale web", "invalid scale specifier 'web' | usage: docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]"),
            ("docker service scale web=", "replicas must be a whole number, got '' | write a whole number from 0 to 100000"),
            ("docker service scale", "'docker service scale' requires at least 1 argument | usage: docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]"),
            ("docker service rm", "'docker service rm' requires at least 1 argument | usage: docker service rm SERVICE [SERVICE...]"),
            ("docker service ps db", "unknown service 'db' in 'docker service ps' | services are web, app"),
            ("docker network create -d bridge x", "only overlay networks are simulated, not 'bridge' | usage: docker network create -d overlay [--subnet CIDR] NAME"),
            ("docker network create -d overlay --subnet 10.0.0.0/33 x", "invalid subnet '10.0.0.0/33' | write an IPv4 subnet such as 10.0.9.0/24"),
            ("docker info now", "'docker info' accepts no arguments | usage: docker info"),
            ("crash 'm1", "invalid action: unterminated quote (') | quote a word with spaces as 'two words' or \"two words\""),
        ]
        for (action, expected) in cases {
            let found = T.errors(timeline: action).map { $0.message + ($0.hint.map { " | \($0)" } ?? "") }
            #expect(found == [expected], "\(action)")
        }
    }

    @Test func caretPointsAtTheWordInsideQuotedActions() {
        let source = T.prelude + "timeline:\n  - at 1s: \"docker node update --availability drain w9\"\n  - at 2s: 'crash ''w8'''\n"
        let line = T.prelude.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let diagnostics = T.load(source).diagnostics
        #expect(diagnostics.map(\.location) == [SourceLocation(line: line, column: 53), SourceLocation(line: line + 1, column: 19)])
        #expect(diagnostics.map(\.length) == [2, 6])
    }

    @Test func timelineEntryErrors() {
        let source = T.prelude + """
            timeline:
              - at 30s: heal
              - at 20s: heal
              - via: m1
              - at 10: heal
              - at 40s: heal
                via: m1
                expect: ok
              - at 41s: docker node ls
                via: w9
                expect: maybe
                at 42s: heal
                whom: m1
              - at 2m: heal
              - []
              - {}
              - at 43s:

            """
        let base = T.prelude.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(problems(source) == [
            "\(base + 2):8 timeline entries must be in time order: 20s comes after 30s | move this entry up to its place in time",
            "\(base + 3):5 a timeline entry starts with 'at TIME', not 'via' | the entry's first key is 'at TIME'; put 'via:' after it",
            "\(base + 4):8 missing unit in duration '10' | durations are written as in Docker: 500us, 250ms, 10s, 1m30s, 2h",
            "\(base + 6):10 'via' applies to docker commands, not to faults | a fault acts on the nodes it names",
            "\(base + 7):13 'expect' applies to docker commands, not to faults | use the 'expect:' section to check what a fault causes",
            "\(base + 9):10 unknown node 'w9' in 'via' | nodes are m1, m2, m3, w1, w2, w3, w4",
            "\(base + 10):13 invalid expect 'maybe' | write 'expect: ok', 'expect: error' or 'expect: error \"text it contains\"'",
            "\(base + 11):5 a timeline entry holds one action | start a new entry: '- at 42s: ...'",
            "\(base + 12):5 unknown key 'whom' in a timeline entry | the keys of a timeline entry are via, expect",
            "\(base + 13):8 at 2m is after the end of the run (duration 1m0s) | make 'duration:' longer, or the entry earlier",
            "\(base + 14):5 expected a mapping for a timeline entry, found a sequence",
            "\(base + 15):5 empty timeline entry | an entry is written '- at 30s: crash m1', optionally followed by 'via: NODE' and 'expect: ok|error'",
            "\(base + 16):12 missing value for 'at 43s'",
        ])
    }

    @Test func everyErrorOfAFileIsReported() {
        let result = T.load(T.fixture("many-errors.scn"))
        #expect(result.diagnostics.count == 10)
        let lines = result.diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
    }

    @Test func hugeListsOfErrorsAreCapped() {
        let source = T.scenario(timeline: Array(repeating: "crash w99", count: 59))
            + "expect:\n" + String(repeating: "  - at end: leader is m77\n", count: 300)
        let diagnostics = T.load(source).diagnostics
        #expect(diagnostics.count == ScenarioLoader.maximumDiagnostics + 1)
        #expect(diagnostics.last?.message == "159 more errors not shown")
    }

    @Test func cascadesAreAvoided() {
        // A bad worker count: node names are unknown, so no "unknown node" errors follow.
        let source = "scenario: t\ncluster: {workers: many}\ntimeline:\n  - at 1s: crash w3\n"
        #expect(problems(source).count == 1)
        // A create without a usable name: later references to services are not flagged.
        let created = T.scenario(timeline: ["docker service create --name 'x y' nginx", "docker service scale other=2"])
        #expect(T.load(created).diagnostics.count == 1)
    }
}
