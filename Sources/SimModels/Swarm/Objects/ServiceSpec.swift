import SimEngine

/// What a user asks for in `docker service create` or a Compose file: the desired service.
public struct ServiceSpec: Equatable, Sendable {
    public var name: String
    public var mode: ServiceMode = .replicated(replicas: 1)
    public var task: TaskTemplate
    public var update: UpdateConfig = UpdateConfig()
    public var rollback: UpdateConfig = UpdateConfig()
    public var endpoint: EndpointSpec = EndpointSpec()
    /// Names of the overlay networks the service's tasks attach to.
    public var networks: [String] = []

    public init(name: String, image: String) {
        self.name = name
        self.task = TaskTemplate(image: image)
    }
}

/// Replicated with a count, or one task per eligible node.
public enum ServiceMode: Equatable, Sendable {
    case replicated(replicas: Int)
    case global

    /// `replicated` or `global`, as `docker service ls` prints MODE.
    public var name: String {
        switch self {
        case .replicated: "replicated"
        case .global: "global"
        }
    }
}

/// The part of a service spec that each task carries: what to run and how.
public struct TaskTemplate: Equatable, Sendable {
    public var image: String
    public var command: [String] = []
    public var placement = Placement()
    public var reservations = Resources()
    public var limits = Resources()
    public var restartPolicy = RestartPolicy()
    /// Time between SIGTERM and SIGKILL (default 10 s).
    public var stopGracePeriod: SimDuration = .seconds(10)
    public var healthcheck: Healthcheck?
    /// How the simulated container behaves (the `x-sim` keys).
    public var behaviour = ContainerBehaviour()
    /// Bumped by `docker service update --force` to make every task dirty.
    public var forceUpdate: Int = 0

    public init(image: String) {
        self.image = image
    }
}

/// Where tasks may run.
public struct Placement: Equatable, Sendable {
    /// Constraint expressions as written (`node.role == worker`).
    public var constraints: [String] = []
    /// `spread` preferences, as the label they spread over (`node.labels.zone`).
    public var spreadOver: [String] = []
    /// `max_replicas_per_node`; 0 means no limit.
    public var maxReplicasPerNode: Int = 0

    public init() {}
}

/// CPU and memory, as reservations or limits.
public struct Resources: Equatable, Sendable {
    /// In units of 1e-9 CPU.
    public var nanoCPUs: Int64 = 0
    public var memoryBytes: Int64 = 0

    public init(nanoCPUs: Int64 = 0, memoryBytes: Int64 = 0) {
        self.nanoCPUs = nanoCPUs
        self.memoryBytes = memoryBytes
    }
}

/// When and how often to replace a task that stopped (`restart_policy`).
public struct RestartPolicy: Equatable, Sendable {
    public enum Condition: String, Sendable {
        case none
        case onFailure = "on-failure"
        case any
    }

    public var condition: Condition = .any
    public var delay: SimDuration = .seconds(5)
    /// 0 means unlimited.
    public var maxAttempts: Int = 0
    /// 0 means unbounded.
    public var window: SimDuration = .zero

    public init() {}
}

/// `update_config` / `rollback_config`.
public struct UpdateConfig: Equatable, Sendable {
    public enum FailureAction: String, Sendable {
        case pause
        case `continue`
        case rollback
    }

    public enum Order: String, Sendable {
        case stopFirst = "stop-first"
        case startFirst = "start-first"
    }

    /// Tasks updated at once; 0 means all.
    public var parallelism: Int = 1
    public var delay: SimDuration = .zero
    public var failureAction: FailureAction = .pause
    public var monitor: SimDuration = .seconds(5)
    public var maxFailureRatio: Double = 0
    public var order: Order = .stopFirst

    public init() {}
}

/// Published ports.
public struct EndpointSpec: Equatable, Sendable {
    /// `endpoint_mode`: a virtual IP in front of the tasks, or DNS round robin over their IPs.
    public enum Mode: String, Sendable {
        case vip
        case dnsrr
    }

    public var ports: [PortConfig] = []
    /// `vip` unless the service asks for `dnsrr`.
    public var mode: Mode = .vip

    public init() {}
}

/// One published port (`-p 8080:80/udp`, long form with `mode: host`).
public struct PortConfig: Equatable, Sendable {
    public enum PublishMode: String, Sendable {
        case ingress
        case host
    }

    public var targetPort: Int
    /// Nil: allocated from 30000–32767 (ingress mode).
    public var publishedPort: Int?
    public var proto: String = "tcp"
    public var publishMode: PublishMode = .ingress

    public init(targetPort: Int, publishedPort: Int? = nil, proto: String = "tcp", publishMode: PublishMode = .ingress) {
        self.targetPort = targetPort
        self.publishedPort = publishedPort
        self.proto = proto
        self.publishMode = publishMode
    }
}

/// A container health check (`healthcheck`).
public struct Healthcheck: Equatable, Sendable {
    public var test: [String] = []
    public var interval: SimDuration = .seconds(30)
    public var timeout: SimDuration = .seconds(30)
    public var retries: Int = 3
    public var startPeriod: SimDuration = .zero

    public init() {}
}

/// How a simulated container behaves: the `x-sim` keys of a service.
public struct ContainerBehaviour: Equatable, Sendable {
    /// Image pull time on a node that lacks the image.
    public var pull: SimDuration = .seconds(2)
    /// Time from create to running.
    public var start: SimDuration = .milliseconds(500)
    /// Time to exit after SIGTERM (never more than the stop grace period).
    public var stop: SimDuration = .seconds(1)
    /// If set, the container exits on its own after running this long.
    public var failAfter: SimDuration?
    /// The exit code when it exits on its own.
    public var exitCode: Int = 1
    /// `x-sim.boot`: after the container starts, the app refuses connections this long.
    public var boot: SimDuration = .zero
    /// `x-sim.serve`: the time the app takes to answer one request.
    public var serve: SimDuration = .milliseconds(2)
    /// `x-sim.sick_after`: this long after its container starts, the app fails its health
    /// check and every request; nil: never.
    public var sickAfter: SimDuration?

    public init() {}
}
