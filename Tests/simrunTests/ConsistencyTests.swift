import Foundation
import Testing

/// The commands agree with each other and warn about what a user did not mean.
@Suite struct ConsistencyTests {
    private func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func validateTakesAFolder() throws {
        let outcome = try SimrunProcess.run(["validate", "scenarios"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("scenarios/failover.scn: ok"))
        #expect(outcome.stdout.contains("scenarios/drain.scn: ok"))
        let empty = try temporaryFolder("empty")
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try SimrunProcess.run(["validate", empty.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no .scn files under"))
    }

    @Test func aFileThatIsNoScenarioGetsOneError() throws {
        let outcome = try SimrunProcess.run(["validate", "Package.swift"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.components(separatedBy: ": error: ").count == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("not a scenario file"))
    }

    @Test func anUnwritableJUnitPathFailsBeforeTheRuns() throws {
        let outcome = try SimrunProcess.run(["check", "scenarios/failover.scn", "--junit", "/no/such/folder/report.xml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot write the JUnit report '/no/such/folder/report.xml': no such folder"))
        #expect(outcome.stdout.isEmpty, "nothing was run")
    }

    @Test func theReplayLineCarriesUntilAndUntilPastTheEndIsAWarning() throws {
        let check = try SimrunProcess.run(["check", "scenarios/drain.scn", "--until", "20s"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("replay: simrun scenarios/drain.scn --seed 11 --until 20s"))
        let run = try SimrunProcess.run(["scenarios/drain.scn", "--until", "20s"])
        #expect(run.stdout.contains("replay: simrun scenarios/drain.scn --seed 11 --until 20s"))
        let past = try SimrunProcess.run(["scenarios/drain.scn", "--until", "10m", "--quiet"])
        #expect(past.status == 0)
        #expect(past.stderr.contains("warning: --until 10m0s is not before the end of scenarios/drain.scn"))
        #expect(!past.stdout.contains("--until"))
    }

    @Test func aFaultThatDoesNothingIsAWarningNotAnError() throws {
        let folder = try temporaryFolder("noop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("noop.scn")
        try "scenario: twice\nduration: 30s\ncluster: {managers: 1, workers: 1}\ntimeline:\n  - at 5s: crash w1\n  - at 9s: crash w1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["validate", file.path], [file.path, "--quiet"], ["check", file.path]] {
            let outcome = try SimrunProcess.run(arguments)
            #expect(outcome.status == 0)
            #expect(outcome.stderr.contains("\(file.path):6:5: warning: 'crash w1' does nothing: w1 is already down"), "\(arguments)")
        }
    }
}
