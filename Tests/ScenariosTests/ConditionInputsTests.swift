import Foundation
import Testing
@testable import Scenarios
import SimEngine
import SimModels

/// The expectation monitor reuses a condition's last outcome while its `ConditionInputs` are
/// unchanged. Checked here at every instant of every library scenario, for every condition
/// the scenario could name: equal inputs, equal outcome (holds and observed text).
@Suite struct ConditionInputsTests {
    @Test(arguments: ScenarioTestSupport.libraryFiles)
    func equalInputsGiveEqualOutcomes(file: String) throws {
        let source = try String(contentsOf: ScenarioTestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let scenario = try #require(ScenarioTestSupport.scenario(source, file: file))
        let conditions = Self.conditions(for: scenario)
        var last: [(inputs: ConditionInputs, holds: Bool, observed: String)?] = Array(repeating: nil, count: conditions.count)
        var reused = 0
        var mismatches: [String] = []
        _ = ScenarioRunner.run(scenario, options: RunOptions(), sinks: []) { now, truth in
            for (index, condition) in conditions.enumerated() {
                guard let inputs = truth.inputs(ConditionDependency(condition)) else { continue }
                let outcome = truth.evaluate(condition)
                if let previous = last[index], previous.inputs == inputs {
                    reused += 1
                    if previous.holds != outcome.holds || previous.observed != outcome.observed {
                        mismatches.append("\(now): \(condition): \(previous.observed) -> \(outcome.observed)")
                    }
                }
                last[index] = (inputs, outcome.holds, outcome.observed)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(reused > 0)
    }

    /// MANAGER STATUS reads Raft progress that moves without a ready: never reused.
    @Test func managerStatusIsNotCovered() {
        #expect(ConditionDependency(.nodeManagerStatus(node: "m1", .reachable)) == .uncovered)
    }

    /// The scenario's own conditions, and every other kind for each of its nodes and services.
    private static func conditions(for scenario: Scenario) -> [Condition] {
        var conditions = scenario.expectations.map(\.condition)
        conditions += [.leader(.none), .term(.atMost(1000)), .quorum(isOK: true)]
        for node in scenario.nodeNames {
            conditions += [.nodeStatus(node: node, .ready), .nodeAvailability(node: node, .active),
                           .nodeTasks(node: node, .atLeast(1), service: nil)]
        }
        for service in scenario.services.map(\.name) {
            conditions += [.serviceReplicas(service: service, running: 1, desired: 1), .serviceRunningTasks(service: service, .atLeast(1)),
                           .serviceBalanced(service: service), .serviceConverged(service: service), .serviceAbsent(service: service),
                           .nodeTasks(node: scenario.nodeNames[0], .atLeast(1), service: service)]
        }
        return conditions
    }
}
