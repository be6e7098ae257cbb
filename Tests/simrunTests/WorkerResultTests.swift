import Foundation
import Scenarios
import Testing
@testable import simrun

/// A run done in a worker process gives the parent exactly the result the same run gives
/// in-process, so `check`'s lines and JUnit report are the same bytes either way.
/// `SIMRUN_COMPARE_SEEDS=1..200 swift test --filter WorkerResultTests` compares more seeds.
@Suite struct WorkerResultTests {
    static var seeds: ClosedRange<UInt64> {
        let text = ProcessInfo.processInfo.environment["SIMRUN_COMPARE_SEEDS"] ?? "1..3"
        let range = try? SeedRange.parse(text, option: "SIMRUN_COMPARE_SEEDS", command: "test")
        return range.map { $0.lower...$0.upper } ?? 1...3
    }

    @Test(arguments: ScenarioDeterminismTests.files)
    func workersGiveTheInProcessResults(file: String) throws {
        let path = SimrunProcess.packageRoot.appendingPathComponent(file).path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        let requests = Self.seeds.map { WorkerProtocol.Request(file: path, seed: $0, until: nil, statistics: false) }
        let pool = WorkerPool(executable: SimrunProcess.executable.path, workers: 2, runTimeout: nil)
        for (request, outcome) in zip(requests, pool.run(requests)) {
            let inProcess = ScenarioRunner.run(scenario, options: request.options)
            guard case let .finished(result, _) = outcome else {
                Issue.record("\(file) seed \(request.seed): \(outcome)")
                continue
            }
            #expect(result == inProcess, "\(file) seed \(request.seed)")
            #expect(TextReport.oneLine(result) == TextReport.oneLine(inProcess))
        }
    }

    @Test func statisticsAndUntilReachTheWorker() throws {
        let path = SimrunProcess.packageRoot.appendingPathComponent("scenarios/failover.scn").path
        let scenario = try #require(ScenarioLoader.load(path: path).scenario)
        let request = WorkerProtocol.Request(file: path, seed: 9, until: .seconds(45), statistics: true)
        let outcome = WorkerPool(executable: SimrunProcess.executable.path, workers: 1, runTimeout: nil).run([request])
        let result = try #require(outcome.first?.result)
        #expect(result.summary.statistics != nil)
        #expect(result.summary.duration == .seconds(45))
        #expect(result == ScenarioRunner.run(scenario, options: request.options))
    }
}
