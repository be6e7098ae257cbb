import Foundation
import Testing

@Suite struct EngineDeterminismTests {
    /// The same randomized network workload (partitions, isolation, one-way drops, loss,
    /// crashes, reboots) in two separate processes gives the same trace digest.
    @Test(arguments: [1, 2, 77])
    func networkWorkloadDigestIsIdenticalAcrossProcesses(seed: Int) throws {
        let args = ["bench", "network", "--seed", "\(seed)", "--faults", "150"]
        let first = try SimrunProcess.run(args)
        let second = try SimrunProcess.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("digest="))
        #expect(first.stdout == second.stdout)
    }

    @Test func differentSeedsGiveDifferentDigests() throws {
        let a = try SimrunProcess.run(["bench", "network", "--seed", "1"])
        let b = try SimrunProcess.run(["bench", "network", "--seed", "2"])
        #expect(a.stdout != b.stdout)
    }

    @Test func benchEngineReportsEventsPerSecond() throws {
        let outcome = try SimrunProcess.run(["bench", "engine", "--events", "20000", "--pending", "100"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").last?.hasPrefix("events_per_sec=") == true)
    }

    @Test func unknownOptionsAreUsageErrorsWithASuggestion() throws {
        let outcome = try SimrunProcess.run(["bench", "engine", "--evnts", "5"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Error: unknown option '--evnts'. Did you mean '--events'?"))
        #expect(outcome.stderr.contains("Usage: "))
    }
}
