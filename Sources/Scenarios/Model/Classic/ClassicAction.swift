import SimEngine
import SimModels

/// One entry of a classic scenario's timeline: at a time, one action, with optional `via:` (the
/// manager or engine the client talks to) and `expect:`.
public struct ClassicTimelineEntry: Equatable, Sendable {
    public var time: SimInstant
    public var action: ClassicAction
    /// The host whose manager (or, for `docker info`, engine) the client talks to, as `docker -H
    /// m1:4000`; nil for the default, the first manager host in name order that is up.
    public var via: String?
    /// The outcome the command must have; nil when any outcome is fine. Always nil for a fault.
    public var expect: CommandExpectation?
    /// The action as written, for reports.
    public var text: String
    /// Where the entry starts (its `at` key).
    public var location: SourceLocation

}

/// What a classic timeline entry does (SCENARIO_FORMAT §10).
public enum ClassicAction: Equatable, Sendable {
    /// A Docker CLI command sent to a manager (or an engine).
    case docker(ClassicDockerCommand)
    /// `swarm list`: what the discovery store holds.
    case swarmList
    /// `kill manage@m1`, `start join@e2`, `kill engine@e1`...: one process of a host stops or starts.
    case process(ClassicProcessAction)
    /// crash, restart, partition, isolate, drop, latency, loss, heal: as in Swarm mode (§5), with
    /// `primary` and `leader` (the Consul leader) standing for hosts.
    case fault(Fault)

    /// Whether the action is a command whose outcome `expect:` may check.
    public var isCommand: Bool {
        switch self {
        case .docker, .swarmList: true
        case .process, .fault: false
        }
    }
}

/// A docker command of a classic timeline: the Docker API calls classic Swarm serves.
public enum ClassicDockerCommand: Equatable, Sendable {
    /// `docker info`.
    case info
    /// `docker ps [-a]`.
    case ps(all: Bool)
    /// `docker rm [-f] NAME`.
    case rm(name: String, force: Bool)
    /// `docker stop NAME`.
    case stop(name: String)
    /// `docker start NAME`.
    case start(name: String)
    /// `docker run [flags] IMAGE [CMD...]`.
    case run(ClassicRun)
}

/// `docker run` through a classic manager.
public struct ClassicRun: Equatable, Sendable {
    /// `--name`; nil for a generated name (`small_payne`).
    public var name: String?
    /// `-d`: the client returns once the container starts, printing its ID.
    public var detach: Bool
    /// What the manager schedules: image, command, `-e`, `--label`, `-m`, `-c`, `-p`.
    public var config: ClassicContainerConfig

    public init(name: String? = nil, detach: Bool = false, config: ClassicContainerConfig) {
        self.name = name
        self.detach = detach
        self.config = config
    }
}

/// `kill PROCESS@NODE` / `start PROCESS@NODE`.
public struct ClassicProcessAction: Equatable, Sendable {
    /// Kill (`docker rm -f` of the container, or the daemon stopping) or start again.
    public var verb: Verb
    public var process: ClassicProcess
    /// The host: a name, `primary` (whose manager holds the lock) or `leader` (the Consul leader).
    public var node: NodeReference

    public enum Verb: String, Equatable, Sendable {
        case kill
        case start
    }

    public init(verb: Verb, process: ClassicProcess, node: NodeReference) {
        self.verb = verb
        self.process = process
        self.node = node
    }
}

/// The processes of a classic host that `kill` and `start` name.
public enum ClassicProcess: String, Equatable, Sendable, CaseIterable {
    /// The `swarm manage` container.
    case manage
    /// The `swarm join` container.
    case join
    /// The Consul server container.
    case consul
    /// The Docker daemon (its containers stop with it; the host stays up).
    case engine

    /// The role a host needs for the process to exist; nil for the engine, which every host runs.
    public var role: ClassicRole? {
        switch self {
        case .manage: .manager
        case .join: .engine
        case .consul: .consul
        case .engine: nil
        }
    }
}
