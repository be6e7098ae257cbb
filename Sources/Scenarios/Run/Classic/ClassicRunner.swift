import SimEngine
import SimModels

/// Runs a classic scenario (SCENARIO_FORMAT §10): builds the deployment, starts Consul, the
/// managers and the join agents as the seed does, plays the timeline, checks the expectations,
/// checks Consul's Raft like the managers' Raft of Swarm mode, and reports two managers acting
/// as primary at once as the finding `split primary`.
enum ClassicRunner {
    static func run(_ scenario: Scenario, classic: ClassicScenario, options: RunOptions, sinks: [TraceSink]) -> RunResult {
        let seed = options.seed ?? scenario.seed
        let deployment = ClassicDeploymentBuilder.build(classic, seed: seed)
        let simulation = deployment.simulation
        for sink in sinks { simulation.trace.add(sink) }

        let truth = ClassicTruth(deployment: deployment, consulHosts: classic.hosts(running: .consul).map(\.name))
        let invariants = ConsulInvariantMonitor(deployment: deployment)
        let expectations = ClassicExpectationMonitor(expectations: classic.expectations, truth: truth)
        let splits = SplitPrimaryWatch()
        let driver = ClassicTimelineDriver(classic: classic, deployment: deployment, truth: truth)
        let engines = classic.hosts(running: .engine).map(\.name)

        simulation.afterEachInstant { now in
            if !expectations.isUp, deployment.primaryLockHolder != nil,
               engines.allSatisfy({ truth.engineCondition(of: $0) == .healthy }) {
                expectations.isUp = true
                simulation.emit(node: "-", component: "swarm", kind: "classic.formed",
                                "cluster formed: a primary holds the lock and every engine is healthy")
            }
            invariants.check(deployment.liveConsulServers, at: now)
            splits.observe(deployment.actingPrimaries, at: now, simulation: simulation)
            expectations.check(at: now)
        }
        for checkpoint in expectations.checkpoints {
            simulation.schedule(at: checkpoint) {}
        }
        deployment.start()
        driver.schedule()

        let (duration, stoppedAt) = ScenarioRunner.play(simulation, scenario, options: options)
        splits.finish(at: stoppedAt, simulation: simulation)

        let results = expectations.finish(at: stoppedAt)
        let failures = ScenarioRunner.sorted(driver.failures + invariants.failures, simulation: simulation)
        var summary = RunSummary(
            title: scenario.title, file: scenario.file, seed: seed, duration: duration, statistics: nil,
            finalLeader: truth.consulLeader, services: [], messagesSent: simulation.network.sent,
            messagesDropped: simulation.network.dropped, events: simulation.eventsProcessed)
        summary.rows = [RunSummary.Row(label: "final primary", value: deployment.primaryLockHolder ?? "none")]
            + engines.map { RunSummary.Row(label: "engine \($0)", value: truth.engineCondition(of: $0).rawValue) }
        summary.findings = splits.findings
        simulation.tearDown()
        var result = RunResult(expectations: results, failures: failures, summary: summary)
        if duration < scenario.duration { result.summary.until = duration }
        return result
    }
}
