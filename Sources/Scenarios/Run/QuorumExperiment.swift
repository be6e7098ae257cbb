import SimEngine
import SimModels

/// One measurement behind `simrun quorum`: a swarm of `managers` managers loses `crashed` of
/// them (the leader first, then in name order); does a write still succeed?
public struct QuorumExperiment: Sendable {
    public var managers: Int
    public var crashed: Int
    public var seed: UInt64

    public init(managers: Int, crashed: Int, seed: UInt64) {
        self.managers = managers
        self.crashed = crashed
        self.seed = seed
    }

    /// The scenario: crash at 20 s; `docker service create` at 60 s, when the survivors, if
    /// they can, have elected a new leader (10-19 s per round); success judged by 110 s.
    public var scenario: Scenario {
        let crashAt = SimInstant.zero + .seconds(20)
        let writeAt = SimInstant.zero + .seconds(60)
        var timeline: [TimelineEntry] = []
        // m1 leads after `swarm init`; crash it first, then the others in name order.
        for index in 0..<crashed {
            timeline.append(TimelineEntry(time: crashAt, action: .fault(.crash(.named("m\(index + 1)"))),
                                          text: "crash m\(index + 1)", location: SourceLocation(line: 0, column: 0)))
        }
        var spec = ServiceSpec(name: "probe", image: "nginx:1.25")
        spec.mode = .replicated(replicas: 1)
        let via: NodeReference? = crashed < managers ? .named("m\(managers)") : nil
        timeline.append(TimelineEntry(time: writeAt, action: .docker(.serviceCreate(spec)), via: via,
                                      text: "docker service create --name probe nginx:1.25", location: SourceLocation(line: 0, column: 0)))
        let expectation = ScenarioExpectation(window: .by(SimInstant.zero + .seconds(110)),
                                              condition: .serviceRunningTasks(service: "probe", .exactly(1)),
                                              text: "by 110s: service probe has 1 running tasks", location: SourceLocation(line: 0, column: 0))
        return Scenario(file: "quorum-\(managers)-\(crashed)", title: "\(managers) managers, \(crashed) crashed", seed: seed,
                        duration: .seconds(120), cluster: ClusterSettings(managers: managers, workers: 0),
                        timeline: timeline, expectations: [expectation])
    }

    /// True if the write succeeded.
    public func run() -> Bool {
        ScenarioRunner.run(scenario, options: RunOptions(statistics: false)).expectations.allSatisfy(\.passed)
    }
}

extension QuorumExperiment {
    /// Runs it and keeps the run's chronicle for `simrun quorum --format html`.
    public func runDrawn() -> QuorumRun {
        let scenario = scenario
        let recorder = ChronicleRecorder(nodes: scenario.nodes)
        let result = ScenarioRunner.run(scenario, options: RunOptions(statistics: false), sinks: [recorder])
        let chronicle = recorder.chronicle(title: scenario.title, file: scenario.file, seed: seed, result: result)
        return QuorumRun(crashed: crashed, survived: result.expectations.allSatisfy(\.passed), chronicle: chronicle)
    }
}

/// One run of `simrun quorum` drawn: how many managers it crashed, whether the write after the
/// crash succeeded, and what happened (the chronicle the pictures draw).
public struct QuorumRun: Sendable {
    public var crashed: Int
    public var survived: Bool
    public var chronicle: RunChronicle

    public init(crashed: Int, survived: Bool, chronicle: RunChronicle) {
        self.crashed = crashed
        self.survived = survived
        self.chronicle = chronicle
    }
}
