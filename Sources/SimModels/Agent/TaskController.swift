import SimEngine

/// Drives one assigned task through its states with the container runtime, as SwarmKit's
/// `exec.Controller` does: ASSIGNED → ACCEPTED → PREPARING → READY → STARTING → RUNNING, then
/// COMPLETE, FAILED, SHUTDOWN or REJECTED. It advances only while its state is below the
/// desired state, except that PREPARING→READY, STARTING→RUNNING and RUNNING→COMPLETE may
/// proceed past it; a desired state of SHUTDOWN or more stops the container.
final class TaskController {
    private(set) var task: TaskObject
    /// The observed state, as last reported.
    private(set) var state: TaskState
    private let runtime: ContainerRuntime
    /// The node's wall clock, which stamps the statuses it reports (a `clock NODE +2s` moves them).
    private let now: () -> SimInstant
    private let report: (TaskID, TaskStatus) -> Void
    /// Tells the node's data plane when the container starts or exits and when the service
    /// binding turns on or off.
    private let binding: (TaskObject, TaskBindingEvent) -> Void
    private var busy = false
    /// The orderly stop began (the service binding is off, SIGTERM is on its way).
    private var stopBegun = false
    /// The container was found unhealthy: its exit fails the task.
    private var unhealthy = false
    /// moby `executor/container/controller.go` `defaultGossipConvergeDelay` (since v17.06).
    static let gossipConvergeDelay = SimDuration.seconds(2)

    init(task: TaskObject, runtime: ContainerRuntime, now: @escaping () -> SimInstant,
         binding: @escaping (TaskObject, TaskBindingEvent) -> Void = { _, _ in },
         report: @escaping (TaskID, TaskStatus) -> Void) {
        self.task = task
        self.state = max(task.status.state, .assigned)
        self.runtime = runtime
        self.now = now
        self.binding = binding
        self.report = report
    }

    var containerID: String { task.id.rawValue }

    /// True once the task reached a final state on this node.
    var isFinished: Bool { state.isTerminal }

    /// The manager's latest view of the task (desired state changes arrive this way).
    func update(_ newer: TaskObject) {
        task.desiredState = newer.desiredState
        advance()
    }

    /// Takes the next step allowed by the desired state.
    func advance() {
        guard !busy, !state.isTerminal else { return }
        if task.desiredState >= .shutdown {
            shutDown()
            return
        }
        switch state {
        case .assigned:
            move(to: .accepted, "accepted")
            advance()
        case .accepted:
            move(to: .preparing, "preparing")
            prepare()
        case .ready where task.desiredState >= .running:
            // A host that restarted lost its containers (the runtime keeps none across boots), so
            // a task left READY may have none to start: dockerd answers the start with "No such
            // container" and SwarmKit's controller fails the task (exec.Do, on Start's error).
            guard runtime.container(containerID) != nil else {
                fail(err: "No such container: \(task.name).\(task.id.rawValue)")
                return
            }
            move(to: .starting, "starting")
            busy = true
            runtime.start(containerID) { [weak self] in
                guard let self else { return }
                self.busy = false
                guard !self.state.isTerminal else { return }
                self.binding(self.task, .containerStarted)
                // With a health check the task stays STARTING until its first healthy probe
                // (moby `executor/container/controller.go` `Start`).
                guard self.task.spec.healthcheck == nil else { return }
                self.enableService()
            }
        case .starting, .running, .preparing:
            // Resuming after a restart of the agent: the container must still exist.
            if runtime.container(containerID) == nil {
                fail(err: "No such container: \(task.name).\(task.id.rawValue)")
            }
        default:
            return
        }
    }

    /// RUNNING, and in the load balancers and DNS (`activateServiceBinding`).
    private func enableService() {
        move(to: .running, "started")
        binding(task, .serviceEnabled)
        advance()
    }

    /// The container's health changed (moby `controller.go`: `Start` waits for healthy;
    /// `Wait`'s `checkHealth` shuts an unhealthy container down, and the task fails).
    func healthChanged(healthy: Bool) {
        guard !state.isTerminal else { return }
        if healthy {
            if state == .starting && task.desiredState < .shutdown { enableService() }
            return
        }
        unhealthy = true
        beginStop()
    }

    private func prepare() {
        busy = true
        let image = task.spec.image
        runtime.pull(image, duration: task.spec.behaviour.pull) { [weak self] result in
            guard let self else { return }
            self.busy = false
            guard self.state == .preparing else { return }
            switch result {
            case .success:
                do throws(ContainerRuntime.Failure) {
                    try self.runtime.create(id: self.containerID, image: image, serviceName: self.task.serviceName, slot: self.task.slot,
                                            behaviour: self.task.spec.behaviour, stopGracePeriod: self.task.spec.stopGracePeriod,
                                            healthcheck: self.task.spec.healthcheck,
                                            namedAfter: self.task, command: self.task.spec.command)
                    self.move(to: .ready, "prepared")
                } catch {
                    self.reject(err: error.message)
                    return
                }
                self.advance()
            case let .failure(failure):
                self.reject(err: failure.message)
            }
        }
    }

    /// The container exited on its own or was killed.
    func containerExited(code: Int) {
        binding(task, .containerExited)
        guard !state.isTerminal else { return }
        if unhealthy {
            // A clean exit on SIGTERM is 143 (128 + 15); SIGKILL at the grace period 137.
            fail(err: "task: non-zero exit (\(code == 0 ? 143 : code)): dockerexec: unhealthy container",
                 exitCode: code == 0 ? 143 : code)
        } else if task.desiredState >= .shutdown {
            move(to: .shutdown, "shutdown")
        } else if code == 0 {
            move(to: .complete, "finished")
        } else {
            fail(err: "task: non-zero exit (\(code))", exitCode: code)
        }
    }

    private func shutDown() {
        if let container = runtime.container(containerID), container.isRunning || container.state == .starting {
            beginStop()
            return  // SHUTDOWN is reported when the container exits
        }
        move(to: .shutdown, "shutdown")
    }

    /// moby `controller.go` `Shutdown`: a task with a service binding (attached to a network)
    /// leaves the load balancers and DNS first (`deactivateServiceBinding`), then waits
    /// `gossipConvergeDelay` for the others to hear it, then SIGTERM; a task without one gets
    /// SIGTERM at once. A container still starting is removed at once.
    private func beginStop() {
        guard !stopBegun, let container = runtime.container(containerID), container.state != .stopping else { return }
        guard container.state == .running, !task.networks.isEmpty else {
            runtime.stop(containerID)
            return
        }
        stopBegun = true
        binding(task, .serviceDisabled)
        runtime.stop(containerID, after: Self.gossipConvergeDelay)
    }

    private func reject(err: String) {
        var status = TaskStatus(state: .rejected, message: "preparing", timestamp: now())
        status.err = err
        state = .rejected
        report(task.id, status)
    }

    private func fail(err: String, exitCode: Int? = nil) {
        var status = TaskStatus(state: .failed, message: "started", timestamp: now())
        status.err = err
        status.exitCode = exitCode
        state = .failed
        report(task.id, status)
    }

    private func move(to next: TaskState, _ message: String) {
        guard next > state else { return }
        state = next
        report(task.id, TaskStatus(state: next, message: message, timestamp: now()))
    }
}
