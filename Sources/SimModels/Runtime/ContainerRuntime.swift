import SimEngine

/// A host's container engine: an image cache, image pulls, and containers that start, run,
/// exit with a code, and stop on SIGTERM (SIGKILL at the stop grace period).
///
/// Pulled images are on disk and survive reboots; containers do not survive their host.
/// Events are reported to one listener (the agent) as `ContainerEvent`s.
public final class ContainerRuntime: HostComponent {
    public enum Event: Sendable {
        case exited(containerID: String, code: Int)
        /// The health status changed to healthy (true) or unhealthy (false).
        case health(containerID: String, healthy: Bool)
    }

    /// Why a runtime operation failed.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// The images pulled, in pull order: the image cache survives reboots.
    static let imagesLog = DiskLog<String>("images")

    private let simulation: Simulation
    public let host: Host
    /// Lives as long as its host's incarnation.
    public var isRunning: Bool { true }
    private var images: Set<String>
    private var pulling: [String: [(Result<Void, Failure>) -> Void]] = [:]
    private var containers: [String: Container] = [:] {
        didSet { onStateChange?() }
    }
    /// Called whenever a container is created, changes state or is forgotten (the node tells
    /// its world's observer).
    var onStateChange: (() -> Void)?
    private var timers: [String: TimerID] = [:]
    /// The next health probe of each container with a health check.
    var probeTimers: [String: TimerID] = [:]
    /// Containers whose health checks fail until healed (`fail TASK health`).
    var healthFailing: Set<String> = []
    /// Set by the `fail NODE image-pull` fault until `heal`.
    public var pullsFail = false
    /// Where container exits are reported.
    public var onEvent: (Event) -> Void = { _ in }

    public init(simulation: Simulation, host: Host) {
        self.simulation = simulation
        self.host = host
        images = Set(host.disk.records(Self.imagesLog))
    }

    // MARK: - Images

    public func hasImage(_ image: String) -> Bool {
        images.contains(image)
    }

    /// Pulls `image` (taking `duration`) unless present; concurrent pulls of one image share the work.
    public func pull(_ image: String, duration: SimDuration, completion: @escaping (Result<Void, Failure>) -> Void) {
        if images.contains(image) {
            completion(.success(()))
            return
        }
        if pullsFail {
            simulation.schedule(after: .milliseconds(100), for: self) { _ in
                completion(.failure(Failure(message: "No such image: \(image)")))
            }
            return
        }
        if pulling[image] != nil {
            pulling[image]!.append(completion)
            return
        }
        pulling[image] = [completion]
        simulation.schedule(after: duration, for: self) { runtime in
            let waiting = runtime.pulling.removeValue(forKey: image) ?? []
            let result: Result<Void, Failure>
            if runtime.pullsFail {
                result = .failure(Failure(message: "No such image: \(image)"))
            } else {
                runtime.images.insert(image)
                runtime.host.disk.append([image], to: Self.imagesLog)
                runtime.host.disk.sync {}
                result = .success(())
            }
            for completion in waiting { completion(result) }
        }
    }

    // MARK: - Containers

    /// The container with that ID, if the runtime knows it.
    public func container(_ id: String) -> Container? {
        containers[id]
    }

    /// Containers running (or stopping) now, sorted by ID.
    public var runningContainers: [Container] {
        containers.values.filter(\.isRunning).sorted { $0.id < $1.id }
    }

    /// Number of containers running (or stopping) now.
    public var runningCount: Int {
        containers.values.reduce(0) { $0 + ($1.isRunning ? 1 : 0) }
    }

    /// Containers of every state, newest first (`docker ps -a`'s order), by ID when created
    /// together.
    public var allContainers: [Container] {
        containers.values.sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }

    /// Creates a container for a task; its image must be present. Its engine ID and name are
    /// written from the task only when shown (`Container.engineID`, `Container.name`).
    public func create(id: String, image: String, serviceName: String, slot: Int, behaviour: ContainerBehaviour,
                       stopGracePeriod: SimDuration, healthcheck: Healthcheck? = nil,
                       namedAfter task: TaskObject? = nil, command: [String] = []) throws(Failure) {
        guard images.contains(image) else { throw Failure(message: "No such image: \(image)") }
        var container = Container(id: id, image: image, serviceName: serviceName, slot: slot, state: .created,
                                  behaviour: behaviour, stopGracePeriod: stopGracePeriod, healthcheck: healthcheck)
        container.engineIDSeed = UInt64(truncatingIfNeeded: host.epoch) &* 0x9E37_79B9_7F4A_7C15
        container.namingTask = task
        container.command = command
        container.createdAt = host.wallClock
        containers[id] = container
    }

    /// Starts a created container: running after the start time; `started` is called then.
    /// With `fail_after`, it exits on its own with the exit code after running that long.
    public func start(_ id: String, started: @escaping () -> Void) {
        guard var container = containers[id], container.state == .created else { return }
        container.state = .starting
        containers[id] = container
        timers[id] = simulation.schedule(after: container.behaviour.start, for: self) { runtime in
            guard var running = runtime.containers[id], running.state == .starting else { return }
            running.state = .running
            running.startedAt = runtime.host.wallClock
            runtime.containers[id] = running
            if let failAfter = running.behaviour.failAfter {
                runtime.timers[id] = runtime.simulation.schedule(after: failAfter, for: runtime) { runtime in
                    runtime.exit(id, code: running.behaviour.exitCode)
                }
            }
            if let check = running.healthcheck { runtime.scheduleProbe(id, after: ContainerHealth.firstProbeDelay(check)) }
            started()
        }
    }

    /// Sends SIGTERM: the container exits (code 0) after its stop time, or is killed (137) at the
    /// stop grace period if it takes longer. A container not yet running is removed at once.
    public func stop(_ id: String) {
        guard var container = containers[id] else { return }
        switch container.state {
        case .created, .starting:
            cancelTimer(id)
            exit(id, code: 0)
        case .running:
            cancelTimer(id)
            container.state = .stopping
            containers[id] = container
            let exitsCleanly = container.behaviour.stop <= container.stopGracePeriod
            let after = exitsCleanly ? container.behaviour.stop : container.stopGracePeriod
            timers[id] = simulation.schedule(after: after, for: self) { runtime in
                runtime.exit(id, code: exitsCleanly ? 0 : 137)
            }
        case .stopping, .exited:
            return
        }
    }

    /// SIGKILL: the container exits with code 137 at once (`kill web.2`, `docker rm -f`).
    public func kill(_ id: String) {
        guard let container = containers[id], container.isRunning || container.state == .starting else { return }
        cancelTimer(id)
        exit(id, code: 137)
    }

    /// Sends SIGTERM to every running container (a clean shutdown of the engine); returns how
    /// long until the last of them has exited.
    public func stopAll() -> SimDuration {
        var longest = SimDuration.zero
        for container in runningContainers {
            let time = min(container.behaviour.stop, container.stopGracePeriod)
            longest = max(longest, time)
            stop(container.id)
        }
        return longest
    }

    /// Forgets an exited container.
    public func remove(_ id: String) {
        guard let container = containers[id] else { return }
        if case .exited = container.state {
            containers[id] = nil
        }
    }

    /// SIGTERM after `delay` (the gossip converge delay of a task with a service binding),
    /// unless the container is gone or stopping by then.
    public func stop(_ id: String, after delay: SimDuration) {
        simulation.schedule(after: delay, for: self) { runtime in runtime.stop(id) }
    }

    private func exit(_ id: String, code: Int) {
        guard var container = containers[id] else { return }
        if case .exited = container.state { return }
        container.state = .exited(code: code)
        container.finishedAt = host.wallClock
        containers[id] = container
        timers[id] = nil
        if let probe = probeTimers.removeValue(forKey: id) { simulation.cancel(probe) }
        onEvent(.exited(containerID: id, code: code))
    }

    // MARK: - Health checks

    /// `fail TASK health` (true) until `heal` (false): the container's probes fail.
    public func setHealthFailing(containerID: String, _ failing: Bool) {
        if failing { healthFailing.insert(containerID) } else { healthFailing.remove(containerID) }
    }

    func scheduleProbe(_ id: String, after delay: SimDuration) {
        probeTimers[id] = simulation.schedule(after: delay, for: self) { runtime in runtime.probe(id) }
    }

    /// One probe (moby `daemon/health.go` `monitor`, `handleProbeResult`): it passes when the
    /// app accepts connections and no `fail TASK health` holds; the status changes as
    /// `ContainerHealth` says, and the agent hears of healthy and unhealthy.
    private func probe(_ id: String) {
        probeTimers[id] = nil
        guard var container = containers[id], container.state == .running, let check = container.healthcheck,
              let started = container.startedAt else { return }
        let passed = container.appAccepts(at: simulation.now) && !healthFailing.contains(id)
        let change = container.health.record(passed: passed, inStartPeriod: simulation.now - started < check.startPeriod,
                                             retries: check.retries)
        containers[id] = container
        scheduleProbe(id, after: ContainerHealth.nextProbeDelay(check, sinceStart: simulation.now - started))
        if let healthy = change { onEvent(.health(containerID: id, healthy: healthy)) }
    }

    private func cancelTimer(_ id: String) {
        if let timer = timers.removeValue(forKey: id) { simulation.cancel(timer) }
    }
}
