import SimEngine

/// How one expectation of a scenario turned out.
public struct ExpectationResult: Equatable, Sendable {
    /// The expectation as written (`by 50s: leader is one of m2, m3`).
    public var text: String
    public var location: SourceLocation
    public var passed: Bool
    /// The decisive instant: when it first held (`by`, `never` failing...) or first failed.
    public var decidedAt: SimInstant
    /// Why it failed, or what held (`leader was m3 at 41.203s`).
    public var detail: String

    public init(text: String, location: SourceLocation, passed: Bool, decidedAt: SimInstant, detail: String) {
        self.text = text
        self.location = location
        self.passed = passed
        self.decidedAt = decidedAt
        self.detail = detail
    }
}

/// A failure that is not an expectation: a command whose `expect:` did not match, a
/// violated invariant, or a run the progress guard stopped (`StallReport`).
public struct RunFailure: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case command
        case invariant
        /// The simulation stopped making progress (a livelock): exit status 3.
        case progress
    }

    public var kind: Kind
    public var time: SimInstant
    public var text: String

    public init(kind: Kind, time: SimInstant, text: String) {
        self.kind = kind
        self.time = time
        self.text = text
    }
}

/// The figures printed at the end of a run. No wall-clock figure ever appears here.
public struct RunSummary: Equatable, Sendable {
    public struct ServiceLine: Equatable, Sendable {
        public var name: String
        /// As `docker service ls` prints REPLICAS on the leader, or "-" without a leader.
        public var replicas: String
        /// Tasks REPLICAS counts as running on nodes the leader records as down (moby/moby#45922:
        /// Docker counts them until their node returns, so REPLICAS may exceed the desired count).
        public var onDownNodes: Int

        public init(name: String, replicas: String, onDownNodes: Int = 0) {
            self.name = name
            self.replicas = replicas
            self.onDownNodes = onDownNodes
        }
    }

    /// What the run went through, gathered as it goes (see `RunOptions.statistics`).
    public struct Statistics: Equatable, Sendable {
        /// Times a manager became leader.
        public var leaderChanges: Int
        /// Total simulated time with no leader (after the first election).
        public var timeWithoutLeader: SimDuration
        /// Total simulated time with quorum lost.
        public var timeWithoutQuorum: SimDuration
        /// Tasks created to replace others (restarts and reschedules).
        public var tasksRescheduled: Int

        public init(leaderChanges: Int, timeWithoutLeader: SimDuration, timeWithoutQuorum: SimDuration, tasksRescheduled: Int) {
            self.leaderChanges = leaderChanges
            self.timeWithoutLeader = timeWithoutLeader
            self.timeWithoutQuorum = timeWithoutQuorum
            self.tasksRescheduled = tasksRescheduled
        }
    }

    public var title: String
    public var file: String
    public var seed: UInt64
    /// Simulated time run.
    public var duration: SimDuration
    /// Nil when the run was asked not to gather them (`check` and `run --seeds` print one
    /// line per run, without them).
    public var statistics: Statistics?
    /// The leader at the end, if any.
    public var finalLeader: String?
    public var services: [ServiceLine]
    public var messagesSent: Int
    public var messagesDropped: Int
    public var events: Int
    /// `--until` when it stopped the run before the file's duration; nil otherwise. The replay
    /// command carries it, since it changes the outcome.
    public var until: SimDuration?
    /// More rows of the summary, after the final leader (a classic run's final primary and
    /// engines); none in Swarm mode.
    public var rows: [Row] = []
    /// What the run found that is not a failure: the real system can do it, and a user should
    /// know (a classic run's `split primary` with its duration); none in Swarm mode.
    public var findings: [String] = []

    /// A row of the summary: `final primary  m2`.
    public struct Row: Equatable, Sendable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public init(title: String, file: String, seed: UInt64, duration: SimDuration, statistics: Statistics?,
                finalLeader: String?, services: [ServiceLine], messagesSent: Int, messagesDropped: Int, events: Int) {
        self.title = title
        self.file = file
        self.seed = seed
        self.duration = duration
        self.statistics = statistics
        self.finalLeader = finalLeader
        self.services = services
        self.messagesSent = messagesSent
        self.messagesDropped = messagesDropped
        self.events = events
    }
}

/// Everything a run produced besides its timeline.
///
/// A field added here must also be written and read in `RunResult+FieldLine.swift`: that is
/// how a run done in a worker process (`simrun check`) reaches its parent.
public struct RunResult: Equatable, Sendable {
    public var expectations: [ExpectationResult]
    public var failures: [RunFailure]
    public var summary: RunSummary

    public init(expectations: [ExpectationResult], failures: [RunFailure], summary: RunSummary) {
        self.expectations = expectations
        self.failures = failures
        self.summary = summary
    }

    /// True if every expectation held, every command matched its `expect:` and no invariant broke.
    public var passed: Bool {
        failures.isEmpty && expectations.allSatisfy(\.passed)
    }

    /// True if the progress guard stopped the run (exit status 3).
    public var stalled: Bool {
        failures.contains { $0.kind == .progress }
    }

    /// `simrun FILE --seed N`: the command that replays this run.
    public var replayCommand: String {
        Self.replayCommand(file: summary.file, seed: summary.seed, until: summary.until)
    }

    /// `simrun FILE --seed N`: the command that replays the run of `file` with `seed` (also
    /// one that gave no result).
    public static func replayCommand(file: String, seed: UInt64, until: SimDuration? = nil) -> String {
        "simrun \(file) --seed \(seed)" + (until.map { " --until " + DurationFormat.format($0) } ?? "")
    }
}
