import Foundation
import Testing

/// The command line as a user meets it: exit statuses, errors, help.
@Suite struct CommandLineTests {
    @Test func aPassingScenarioExitsZeroAndPrintsItsSummary() throws {
        let outcome = try SimrunProcess.run(["scenarios/failover.scn", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("result             PASS"))
        #expect(!outcome.stdout.contains("raft          elected"), "quiet prints no timeline")
    }

    @Test func aFailingExpectationExitsOneWithTheReplayCommand() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fails.scn")
        try """
        scenario: expects the impossible
        duration: 10s
        cluster:
          managers: 1
        expect:
          - at end: leader is none
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try SimrunProcess.run([file.path, "--seed", "3"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("FAIL"))
        #expect(outcome.stdout.contains("replay: simrun \(file.path) --seed 3"))
    }

    @Test func aBadFileExitsTwoWithFileLineColumnAndAHint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-cli-bad-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.scn")
        try """
        scenario: typo
        cluster:
          managers: 3
        timeline:
          - at 10s: partiton m1 | m2 m3
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try SimrunProcess.run([file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("\(file.path):5:"))
        #expect(outcome.stderr.contains("partition"))
        #expect(outcome.stdout.isEmpty, "nothing is simulated when a file has an error")
    }

    @Test func helpIsCompleteForEveryCommand() throws {
        let top = try SimrunProcess.run(["--help"])
        #expect(top.status == 0)
        for command in ["run", "check", "validate", "quorum", "bench", "sweep"] {
            #expect(top.stdout.contains(command), "top-level help lists \(command)")
            let help = try SimrunProcess.run([command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE"), "\(command) --help has a usage")
        }
    }

    @Test func unknownOptionsSuggestTheNearestOne() throws {
        let outcome = try SimrunProcess.run(["run", "scenarios/failover.scn", "--sed", "3"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Did you mean '--seed'?"))
    }

    @Test func validateDumpPrintsTheDocumentAsJSON() throws {
        let outcome = try SimrunProcess.run(["validate", "--dump", "scenarios/failover.scn"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("{"))
        #expect(outcome.stdout.contains("\"scenario\": \"leader failover\""))
    }

    @Test func checkWritesJUnitAndCountsRuns() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-junit-\(getpid()).xml")
        defer { try? FileManager.default.removeItem(at: report) }
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "scenarios/drain.scn", "--junit", report.path, "--jobs", "2"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("2 passed, 0 failed"))
        let xml = try String(contentsOf: report, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"simrun\" tests=\"2\" failures=\"0\""))
    }
}
