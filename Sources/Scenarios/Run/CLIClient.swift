import SimEngine
import SimModels

/// The operator's docker CLI: a host outside the swarm that sends each command to the engine
/// it is pointed at (`via:`, as `docker -H NODE` would) and waits for the answer, giving up
/// after the daemon's 20 s swarm request timeout. No partition cuts it off from the engines.
final class CLIClient: HostSoftware {
    /// moby's `swarmRequestTimeout`.
    static let requestTimeout = SimDuration.seconds(20)
    static let deadlineMessage = "Error response from daemon: rpc error: code = DeadlineExceeded desc = context deadline exceeded"

    /// What the CLI printed: standard output, and the error if the command failed.
    struct Answer {
        /// Standard output, laid out when first read.
        var printed: CommandOutput
        var error: String?

        init(output: String, error: String?) {
            self.init(printed: CommandOutput(output), error: error)
        }

        init(printed: CommandOutput, error: String?) {
            self.printed = printed
            self.error = error
        }

        var output: String { printed.text }
    }

    let host: Host
    private let simulation: Simulation
    private var nextRequestID: UInt64 = 1
    private var waiting: [UInt64: (timer: TimerID, completion: (Answer) -> Void)] = [:]

    init(host: Host, simulation: Simulation) {
        self.host = host
        self.simulation = simulation
    }

    func start() {}

    /// Sends `command` to the engine of `engine`; `completion` gets the answer or the timeout.
    func send(_ command: ControlCommand, to engine: Host, completion: @escaping (Answer) -> Void) {
        guard engine.isUp else {
            completion(Answer(output: "", error: "Cannot connect to the Docker daemon at tcp://\(engine.name):2376. Is the docker daemon running?"))
            return
        }
        let requestID = nextRequestID
        nextRequestID += 1
        let request = ControlRequest(requestID: requestID, command: command, queriedNodeID: SwarmID(""))
        simulation.network.send(SwarmMessage.request(.control(request), origin: host.id), from: host.id, to: engine.id)
        let timer = simulation.schedule(after: Self.requestTimeout) { [unowned self] in
            guard let entry = self.waiting.removeValue(forKey: requestID) else { return }
            entry.completion(Answer(output: "", error: Self.deadlineMessage))
        }
        waiting[requestID] = (timer, completion)
    }

    func receive(_ envelope: Envelope) {
        guard case let .reply(.control(reply))? = envelope.message as? SwarmMessage,
              let entry = waiting.removeValue(forKey: reply.requestID) else { return }
        simulation.cancel(entry.timer)
        entry.completion(Answer(printed: reply.printed, error: reply.error.map { Self.daemonError($0) }))
    }

    /// The CLI prints daemon errors as "Error response from daemon: ...".
    static func daemonError(_ text: String) -> String {
        text.hasPrefix("Error response from daemon: ") || text.hasPrefix("Error: ") ? text : "Error response from daemon: " + text
    }
}
