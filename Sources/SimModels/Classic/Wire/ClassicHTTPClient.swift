import SimEngine

/// An HTTP client of one process (a manager, the operator's `docker` CLI): calls to other hosts'
/// engine and manager APIs, each answered by one message, refused by the host's kernel, or
/// failed after the timeout. Answers come back through the caller's host software, which
/// routes them by the connection number.
public final class ClassicHTTPClient: HostComponent {
    public let host: Host
    public var isRunning: Bool { !stopped }
    let simulation: Simulation
    /// The connection's number on its host.
    public let connection: Int
    private var pending: [UInt64: (completion: (Result<ClassicAnswer, ClassicCallFailure>) -> Void, timer: TimerID)] = [:]
    private var nextCall: UInt64 = 0
    private var stopped = false

    init(host: Host, simulation: Simulation, connection: Int) {
        self.host = host
        self.simulation = simulation
        self.connection = connection
    }

    /// Sends `request` to `destination`; `completion` runs once: the answer, `refused`, or
    /// `timedOut` after `timeout`.
    public func call(_ request: ClassicRequest, to destination: HostID, timeout: SimDuration,
                     completion: @escaping (Result<ClassicAnswer, ClassicCallFailure>) -> Void) {
        guard !stopped else { return }
        let id = nextCall
        nextCall += 1
        let timer = simulation.schedule(after: timeout, for: self) { client in
            client.pending.removeValue(forKey: id)?.completion(.failure(.timedOut))
        }
        pending[id] = (completion, timer)
        simulation.network.send(ClassicWire.call(client: connection, call: id, request), from: host.id, to: destination)
    }

    /// An answer arrived for call `id`.
    func receive(call id: UInt64, _ answer: ClassicAnswer) {
        guard !stopped, let entry = pending.removeValue(forKey: id) else { return }
        simulation.cancel(entry.timer)
        switch answer {
        case .refused: entry.completion(.failure(.refused))
        case .closed: entry.completion(.failure(.closed))
        default: entry.completion(.success(answer))
        }
    }

    /// Closes the client (its process ended); pending calls are forgotten.
    public func stop() {
        stopped = true
        for id in pending.keys.sorted() { if let timer = pending[id]?.timer { simulation.cancel(timer) } }
        pending.removeAll()
    }
}
