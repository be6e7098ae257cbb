import Foundation
import SimEngine
import Testing
@testable import Scenarios

/// Thousands of deterministic random and mutated scenario files go through the parser and
/// the loader: nothing crashes or hangs, and every input gives a scenario or errors.
///
/// A failure names its seed; rerun one input with `checkOne(seed:)`. If the process
/// crashes instead, run with `LOADER_FUZZ_TRACE=1` to print each seed before it runs.
@Suite struct LoaderFuzzTests {
    /// Words that mean something somewhere in a scenario, and some that break things.
    static let vocabulary: [String] = [
        "scenario:", "description:", "seed:", "duration:", "cluster:", "managers:", "workers:", "raft:", "tick:",
        "election_tick:", "heartbeat_tick:", "dispatcher:", "heartbeat_period:", "network:", "latency:", "jitter:",
        "loss:", "nodes:", "services:", "timeline:", "expect:", "image:", "command:", "ports:", "networks:",
        "healthcheck:", "deploy:", "mode:", "replicas:", "placement:", "constraints:", "preferences:", "spread:",
        "resources:", "limits:", "reservations:", "cpus:", "memory:", "restart_policy:", "condition:", "update_config:",
        "rollback_config:", "x-sim:", "via:", "- at 10s:", "at end:", "by 5s:", "from 1s to 2s:", "always:", "never:",
        "docker", "service", "node", "swarm", "network", "create", "update", "scale", "rm", "ls", "ps", "init", "join",
        "leave", "promote", "demote", "info", "--name", "--replicas", "--mode=global", "-p", "--publish", "--force",
        "--rollback", "--token", "--availability", "drain", "--label-add", "--constraint", "-d", "overlay",
        "crash", "restart", "stop", "partition", "isolate", "heal", "drop", "->", "latency", "loss", "kill", "fail",
        "image-pull", "leader", "m1", "m2", "m3", "w1", "w2", "w9", "web", "web.2", "app@w1", "*", "|",
        "is", "not", "none", "one", "of", "term", "quorum", "ok", "lost", "has", "tasks", "running", "at", "least",
        "most", "balanced", "converged", "absent", "3/3", "ready", "down",
        "0", "1", "-1", "2.5", "99999999999999999999999", "18446744073709551616", "1e9", "500us", "10s", "1m30s",
        "-5s", "99999999h", "20%", "120%", "8GiB", "0.5", "true", "false", "'quoted word'", "\"dq \\\" x\"",
        "[a, b]", "{k: v}", "&anchor", "*alias", "!tag", "? key", ">", "|", "---", "...", "#", "\t", "é", "\u{0}",
    ]

    /// Characters inserted at random.
    static let characters: [Character] = [":", "-", " ", " ", "\t", "'", "\"", "[", "]", "{", "}", "|", "#", ",", "\n",
                                          "*", "&", "!", "%", "@", ".", "=", "\\", "é", "\u{0}", "\r", "0", "9", "a"]

    static let fixtures: [String] = LoaderTestSupport.fixtureNames.map(LoaderTestSupport.fixture)

    /// 10,000 inputs in ten chunks of 1,000 (the chunks run in parallel).
    @Test(arguments: 0..<10)
    func tenThousandInputsNeitherCrashNorHang(chunk: Int) {
        #expect(Self.fixtures.count >= 8)
        let trace = ProcessInfo.processInfo.environment["LOADER_FUZZ_TRACE"] != nil
        let clock = ContinuousClock()
        let start = clock.now
        var loaded = 0
        for seed in (chunk * 1_000)..<((chunk + 1) * 1_000) {
            if trace { print("fuzz seed \(seed)") }
            let began = clock.now
            if checkOne(seed: UInt64(seed)) { loaded += 1 }
            let took = clock.now - began
            if took > .seconds(1) {
                Issue.record("seed \(seed): loading took \(took)")
            }
        }
        let total = clock.now - start
        // Some mutations are harmless, most are not: both outcomes must occur.
        #expect(loaded > 10 && loaded < 990, "chunk \(chunk) loaded \(loaded) of 1000")
        #expect(total < .seconds(30), "chunk \(chunk) took \(total)")
    }

    /// Big but valid files load in about linear time.
    @Test func bigFilesLoadQuickly() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var source = "scenario: big\nduration: 10000h\ncluster: {managers: 5, workers: 2000}\nnodes:\n  w1:\n    labels:\n"
        for i in 0..<3_000 { source += "      key\(i): value\(i)\n" }
        source += "services:\n"
        for i in 0..<1_000 { source += "  s\(i): {image: x, deploy: {replicas: 1}}\n" }
        source += "timeline:\n"
        for i in 0..<5_000 { source += "  - at \(i)s: docker service scale s\(i % 1_000)=2 s\((i + 1) % 1_000)=3\n    via: w\(i % 2_000 + 1)\n" }
        source += "  - at 9999h: crash \(String(repeating: "w1 ", count: 1))\n"
        source += "expect:\n"
        for i in 0..<2_000 { source += "  - at end: node w\(i + 1) has at most 3 tasks of s\(i % 1_000)\n" }
        let result = ScenarioLoader.load(source: source, file: "big.scn")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics.prefix(2_000))")
        #expect(scenario.nodes.count == 2_005 && scenario.services.count == 1_000)
        #expect(scenario.node(named: "w1")?.labels.count == 3_000)
        #expect(scenario.timeline.count == 5_001 && scenario.expectations.count == 2_000)
        let long = "scenario: long\ntimeline:\n  - at 1s: docker node promote " + String(repeating: "w9 ", count: 20_000) + "\n"
        #expect(ScenarioLoader.load(source: long, file: "long.scn").diagnostics.count == ScenarioLoader.maximumDiagnostics + 1)
        #expect(clock.now - start < .seconds(20))
    }

    /// Builds input `seed`, loads it (the loader runs the YAML parser first), and checks
    /// the result; true when it loaded.
    @discardableResult
    func checkOne(seed: UInt64) -> Bool {
        let input = Self.input(seed: seed)
        let result = ScenarioLoader.load(source: input, file: "fuzz.scn")
        switch result {
        case .loaded(let scenario):
            if scenario.title.isEmpty { Issue.record("seed \(seed): loaded with an empty title") }
            if scenario.cluster.managers < 1 { Issue.record("seed \(seed): loaded with no manager") }
            if scenario.cluster.raft.electionTick <= scenario.cluster.raft.heartbeatTick {
                Issue.record("seed \(seed): election tick not above heartbeat tick")
            }
            if zip(scenario.timeline, scenario.timeline.dropFirst()).contains(where: { $0.time > $1.time }) {
                Issue.record("seed \(seed): timeline out of order")
            }
            if scenario.timeline.contains(where: { $0.time.sinceStart > scenario.duration }) {
                Issue.record("seed \(seed): an entry after the end of the run")
            }
            return true
        case .failure(let diagnostics, _):
            if diagnostics.isEmpty { Issue.record("seed \(seed): failure without a diagnostic") }
            for diagnostic in diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 {
                Issue.record("seed \(seed): diagnostic at \(diagnostic.location): \(diagnostic.message)")
            }
            let rendered = result.renderedDiagnostics
            if rendered.isEmpty { Issue.record("seed \(seed): nothing rendered") }
            if seed % 50 == 0, ScenarioLoader.load(source: input, file: "fuzz.scn") != result {
                Issue.record("seed \(seed): loading is not deterministic")
            }
            return false
        }
    }

    /// The input of `seed`: a mutated fixture (most of the time) or random words.
    static func input(seed: UInt64) -> String {
        var random = RandomStream(seed: seed, name: "loader-fuzz")
        if random.nextInt(below: 10) == 0 {
            return (0..<random.nextInt(in: 1...60)).map { _ in
                let word = vocabulary[random.nextInt(below: vocabulary.count)]
                let separator = [" ", "\n", "\n  ", "\n  - ", ": ", ", "][random.nextInt(below: 6)]
                return word + separator
            }.joined()
        }
        var lines = fixtures[random.nextInt(below: fixtures.count)].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<random.nextInt(in: 1...4) {
            mutate(&lines, using: &random)
        }
        return lines.joined(separator: "\n")
    }

    /// One random change to the lines.
    static func mutate(_ lines: inout [String], using random: inout RandomStream) {
        guard !lines.isEmpty else { return }
        let index = random.nextInt(below: lines.count)
        switch random.nextInt(below: 10) {
        case 0:
            lines.remove(at: index)
        case 1:
            lines.insert(lines[index], at: index)
        case 2:
            lines.swapAt(index, random.nextInt(below: lines.count))
        case 3, 4:
            var characters = Array(lines[index])
            if !characters.isEmpty { characters.remove(at: random.nextInt(below: characters.count)) }
            lines[index] = String(characters)
        case 5:
            var characters = Array(lines[index])
            characters.insert(Self.characters[random.nextInt(below: Self.characters.count)],
                              at: random.nextInt(below: characters.count + 1))
            lines[index] = String(characters)
        case 6, 7:
            var words = lines[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let word = random.nextInt(below: words.count)
            words[word] = vocabulary[random.nextInt(below: vocabulary.count)]
            lines[index] = words.joined(separator: " ")
        case 8:
            lines[index] = random.nextBool(probability: 0.5) ? "  " + lines[index] : String(lines[index].dropFirst(2))
        default:
            let characters = Array(lines[index])
            lines[index] = String(characters.prefix(random.nextInt(below: characters.count + 1)))
            lines.removeSubrange((index + 1)...)
        }
    }
}
