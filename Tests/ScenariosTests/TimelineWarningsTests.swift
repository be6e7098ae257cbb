import Testing
@testable import Scenarios

/// Faults that do nothing, or not what they seem to, are warned about.
@Suite struct TimelineWarningsTests {
    private func warnings(_ timeline: String) throws -> [String] {
        let scenario = try #require(ScenarioTestSupport.scenario("scenario: w\ncluster: {managers: 3, workers: 1}\ntimeline:\n" + timeline))
        return TimelineWarnings.warnings(for: scenario).map { "\($0.location.line): \($0.message)" }
    }

    @Test func aSecondCrashOrAStopOfADownNodeDoesNothing() throws {
        #expect(try warnings("  - at 10s: crash w1\n  - at 20s: crash w1\n  - at 30s: stop w1\n") == [
            "5: 'crash w1' does nothing: w1 is already down ('crash w1' at 10.000s)",
            "6: 'stop w1' does nothing: w1 is already down ('crash w1' at 10.000s)",
        ])
    }

    @Test func aRestartOfARunningNodeIsAReboot() throws {
        #expect(try warnings("  - at 10s: restart m2\n") == ["4: 'restart m2': m2 is running, so it crashes and boots again"])
    }

    @Test func theUsualCycleAndFaultsOnTheLeaderGiveNone() throws {
        #expect(try warnings("  - at 10s: crash m1\n  - at 20s: restart m1\n  - at 30s: stop w1\n  - at 40s: restart w1\n").isEmpty)
        #expect(try warnings("  - at 10s: crash leader\n  - at 20s: restart m1\n  - at 30s: restart m2\n").isEmpty)
        for file in ScenarioTestSupport.libraryFiles {
            let scenario = try #require(ScenarioLoader.load(path: ScenarioTestSupport.packageRoot.appendingPathComponent(file).path).scenario)
            #expect(TimelineWarnings.warnings(for: scenario).isEmpty, "\(file)")
        }
    }

    @Test func aConstraintDockerRefusesOrNoNodeMeetsIsWarnedAbout() throws {
        #expect(try warnings("  - at 10s: docker service create --name web --constraint node.labels.storage=ssd nginx\n"
                             + "  - at 20s: docker service update --constraint-add node.lables.zone==a web\n"
                             + "  - at 30s: docker service create --name ok --constraint node.role==worker nginx\n") == [
            "4: constraint 'node.labels.storage=ssd' needs an operator, == or != (Docker refuses the command: constraint expected one operator from ==, !=)",
            "5: unknown attribute 'node.lables.zone' in constraint 'node.lables.zone==a' (Docker accepts it, but no node meets it)",
        ])
    }
}
