import SimEngine
import SimModels

/// How to run a scenario (the command line's options).
public struct RunOptions: Sendable {
    /// Overrides the file's seed.
    public var seed: UInt64?
    /// Stops earlier than the file's `duration`.
    public var until: SimDuration?
    /// Gathers the summary's statistics (leader changes, time without a leader or quorum,
    /// tasks rescheduled). Commands that print one line per run leave them out: they are
    /// reporting, not simulation, and reading them after every instant is a few percent of a run.
    public var statistics: Bool

    /// Adds Raft's messages and vote decisions to the trace (`--trace raft[=all]`).
    public var raftTrace: RaftTraceLevel
    /// Checks and evaluates everything after every instant, with no cache (tests compare the
    /// outcome with the usual, incremental run's: the caches must change nothing).
    var exhaustive = false

    public init(seed: UInt64? = nil, until: SimDuration? = nil, statistics: Bool = true, raftTrace: RaftTraceLevel = .off) {
        self.seed = seed
        self.until = until
        self.statistics = statistics
        self.raftTrace = raftTrace
    }
}

/// How much of Raft's traffic a run traces (`--trace raft`, `--trace raft=all`).
public enum RaftTraceLevel: String, Sendable {
    /// None (the default).
    case off
    /// Votes, appends and their answers, snapshots; a leader's heartbeats a line a second.
    case folded = "raft"
    /// Every message, heartbeats and their answers included.
    case all = "raft=all"
}

/// Runs one scenario: builds the cluster, forms the swarm, plays the timeline, checks the
/// expectations and invariants after every instant, and returns the results. The trace goes
/// to the given sinks (reporters) as it happens.
public enum ScenarioRunner {
    public static func run(_ scenario: Scenario, options: RunOptions = RunOptions(), sinks: [TraceSink] = []) -> RunResult {
        run(scenario, options: options, sinks: sinks, inspect: nil)
    }

    /// - Parameter inspect: called after the observers at every instant (tests read the ground truth).
    static func run(_ scenario: Scenario, options: RunOptions, sinks: [TraceSink],
                    inspect: ((SimInstant, GroundTruth) -> Void)?) -> RunResult {
        if let classic = scenario.classic {
            return ClassicRunner.run(scenario, classic: classic, options: options, sinks: sinks)
        }
        let seed = options.seed ?? scenario.seed
        let built = ClusterBuilder(scenario: scenario, seed: seed, raftTrace: options.raftTrace).build()
        let simulation = built.simulation
        let cluster = built.cluster
        let statistics = options.statistics ? RunStatistics() : nil
        if let statistics { simulation.trace.add(statistics) }
        for sink in sinks { simulation.trace.add(sink) }

        let truth = GroundTruth(cluster: cluster, exhaustive: options.exhaustive)
        let invariants = InvariantMonitor(truth: truth)
        let expectations = ExpectationMonitor(expectations: scenario.expectations, truth: truth)
        // The data plane exists only when something observes it (SCENARIO_FORMAT §9).
        let traffic = scenario.observesTraffic ? TrafficSession(scenario: scenario, cluster: cluster) : nil
        if let traffic { expectations.judgeRequests = traffic.ledger.judge }
        let driver = TimelineDriver(scenario: scenario, cluster: cluster, client: built.client, truth: truth, traffic: traffic)

        // Most instants change nothing the observers read (a heartbeat, a message passed on):
        // their answers are the last instant's, so they are not asked again. `ObservedChanges`
        // wakes them when the engine or the models report a change; otherwise they run only
        // when an expectation is due (see `ExpectationMonitor.isDue`).
        let changes = truth.changes
        var observed = changes.total &- 1
        let everyInstant = options.exhaustive || inspect != nil
        simulation.afterWokenInstants { now in
            let total = changes.total
            if total != observed || everyInstant || expectations.isDue(at: now) {
                observed = total
                // The cluster as it is at the end of this instant, if the stamp moved (see GroundTruth).
                truth.refresh()
                invariants.check(at: now)
                expectations.check(at: now)
                statistics?.sample(at: now, truth: truth)
                inspect?(now, truth)
            }
            return everyInstant ? now : expectations.nextDue(after: now)
        }
        // Every instant an expectation names is an instant of the run, even if nothing happens then.
        for checkpoint in expectations.checkpoints {
            simulation.schedule(at: checkpoint) {}
        }

        cluster.formSwarm {
            simulation.emit(node: "-", component: "swarm", kind: "swarm.formed", "swarm formed: every node that joins at the start has joined")
        }
        driver.schedule()
        driver.whenSwarmIsUp {
            expectations.swarmIsUp = true
            statistics?.swarmIsUp = true
            traffic?.swarmIsUp()
            simulation.wakeObservers()  // the expectations judge from the next instant on
        }

        let (duration, stoppedAt) = play(simulation, scenario, options: options)
        statistics?.finish(at: stoppedAt)
        traffic?.finish(at: stoppedAt)

        let results = expectations.finish(at: stoppedAt)
        let failures = sorted(driver.failures + invariants.failures, simulation: simulation)
        let summary = RunSummary(
            title: scenario.title, file: scenario.file, seed: seed, duration: duration,
            statistics: statistics.map {
                RunSummary.Statistics(leaderChanges: $0.leaderChanges, timeWithoutLeader: $0.timeWithoutLeader,
                                      timeWithoutQuorum: $0.timeWithoutQuorum, tasksRescheduled: $0.tasksRescheduled)
            },
            finalLeader: truth.leader?.host.name, services: serviceLines(truth),
            messagesSent: simulation.network.sent, messagesDropped: simulation.network.dropped,
            events: simulation.eventsProcessed)
        simulation.tearDown()  // frees the run's world (its parts hold each other)
        var result = RunResult(expectations: results, failures: failures, summary: summary)
        if duration < scenario.duration { result.summary.until = duration }
        return result
    }

    /// Runs `simulation` under the progress guard to the end of the scenario (or `--until`):
    /// the length of the run, and where it stopped (a run the guard stopped ends there).
    static func play(_ simulation: Simulation, _ scenario: Scenario, options: RunOptions) -> (duration: SimDuration, stoppedAt: SimInstant) {
        let duration = min(scenario.duration, options.until ?? scenario.duration)
        let end = SimInstant.zero + duration
        simulation.schedule(at: end) {}
        simulation.guardProgress()
        simulation.run(until: end)
        return (duration, simulation.stall == nil ? end : simulation.now)
    }

    /// `failures` and the progress guard's stall, if any, in time order.
    static func sorted(_ failures: [RunFailure], simulation: Simulation) -> [RunFailure] {
        var all = failures
        if let stall = simulation.stall { all.append(RunFailure(kind: .progress, time: stall.at, text: stall.summary)) }
        return all.sorted { $0.time < $1.time }
    }

    /// REPLICAS of every service, as `docker service ls` on the leader prints it.
    private static func serviceLines(_ truth: GroundTruth) -> [RunSummary.ServiceLine] {
        guard let store = truth.leaderStore else { return [] }
        return store.servicesSortedByName.map { service in
            let replicas = ServiceStatusView.replicas(of: service, in: store)
            let onDownNodes = store.tasks(ofService: service.id).count { task in
                task.status.state == .running && task.nodeID.flatMap { store.node($0) }?.status.state == .down
            }
            return RunSummary.ServiceLine(name: service.spec.name, replicas: "\(replicas.running)/\(replicas.desired)", onDownNodes: onDownNodes)
        }
    }
}
