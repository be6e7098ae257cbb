import Foundation
import Testing

/// Same file, same seed, same flags: the same bytes, in any process. Every scenario of the
/// library runs twice, as two separate processes (Swift seeds hashing per process, so an
/// in-process rerun would prove nothing), and the outputs must be identical.
@Suite struct ScenarioDeterminismTests {
    static var files: [String] {
        let folder = SimrunProcess.packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".scn") }.sorted().map { "scenarios/" + $0 }
    }

    @Test(arguments: files)
    func jsonLinesAreIdenticalAcrossProcesses(file: String) throws {
        let first = try SimrunProcess.run([file, "--format", "jsonl"])
        let second = try SimrunProcess.run([file, "--format", "jsonl"])
        #expect(first.status == second.status)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout, "\(file): two processes printed different timelines")
    }

    @Test func textTimelineIsIdenticalAcrossProcessesWithAnotherSeed() throws {
        let first = try SimrunProcess.run(["scenarios/failover.scn", "--seed", "99", "--no-color"])
        let second = try SimrunProcess.run(["scenarios/failover.scn", "--seed", "99", "--no-color"])
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("seed 99"))
    }
}
