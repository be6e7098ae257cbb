import Foundation
import Scenarios

/// What `simrun fuzz` found for one seed.
struct FuzzSeedOutcome: Sendable {
    var seed: UInt64
    var findings: [FuzzFinding]
    /// Events of the run (0 when it did not run).
    var events = 0
    /// Wall time of the faster of the two runs, in seconds.
    var wallSeconds = 0.0

    var passed: Bool { findings.isEmpty }
}

/// The check of one seed: generate and load the scenario, run it twice in this process and
/// compare the JSON lines, and for a sample of seeds run it again in another process.
/// `check` is the one place that decides where runs happen (in this process, for now; a
/// worker process per run later, as `check` will have).
enum FuzzSeedCheck {
    static func check(seed: UInt64, limits: FuzzLimits, acrossProcesses: Bool) -> FuzzSeedOutcome {
        let scenario: Scenario
        switch FuzzCheck.load(seed: seed, limits: limits) {
        case let .success(loaded): scenario = loaded
        case let .failure(finding): return FuzzSeedOutcome(seed: seed, findings: [finding])
        }
        let firstClock = WallClock()
        let first = FuzzCheck.run(scenario)
        let firstWall = firstClock.elapsedSeconds
        let secondClock = WallClock()
        let second = FuzzCheck.run(scenario)
        let wall = min(firstWall, secondClock.elapsedSeconds)
        var findings = FuzzCheck.findings(first, second)
        if acrossProcesses, let finding = FuzzProcessCheck.compare(seed: seed, limits: limits, with: first.output) {
            findings.append(finding)
        }
        return FuzzSeedOutcome(seed: seed, findings: findings, events: first.result.summary.events, wallSeconds: wall)
    }
}
